-- migrate:up
-- SQLite cannot add a constrained column in place: rebuild notes (the documented 12-step pattern)
CREATE TABLE notes_new (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  folder_id INTEGER REFERENCES notebooks (id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) <= 200),
  content TEXT,
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO notes_new (id, user_id, folder_id, title, content, created_at)
  SELECT id, user_id, folder_id, title, content, created_at FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
CREATE INDEX notes_user_created ON notes (user_id, created_at DESC);
CREATE INDEX notes_folder_id ON notes (folder_id) WHERE folder_id IS NOT NULL;
CREATE INDEX notes_pinned ON notes (user_id) WHERE pinned = 1;

-- migrate:down
DROP INDEX notes_pinned;
