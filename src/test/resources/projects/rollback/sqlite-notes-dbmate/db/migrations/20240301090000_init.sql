-- migrate:up
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT
);

CREATE TABLE folders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL
);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  path TEXT NOT NULL
);

CREATE INDEX notes_user_id ON notes (user_id);

-- migrate:down
DROP TABLE attachments;
DROP TABLE notes;
DROP TABLE folders;
DROP TABLE users;
