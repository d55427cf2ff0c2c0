-- A blog schema in SQLite: rowid primary key, AUTOINCREMENT, inline and table CHECKs, UNIQUE,
-- foreign keys with actions, a generated column, expression / partial / DESC indexes.
CREATE TABLE authors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email VARCHAR(255) NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT 'anonymous',
  karma INTEGER NOT NULL DEFAULT 0 CHECK (karma >= 0)
);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  slug TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL,
  published_at TIMESTAMP,
  CONSTRAINT posts_title_len CHECK (length(title) <= 200)
);
CREATE INDEX posts_author_idx ON posts (author_id, published_at DESC);
CREATE UNIQUE INDEX authors_lower_email_idx ON authors (lower(email));
CREATE INDEX posts_published_idx ON posts (published_at) WHERE published_at IS NOT NULL;
CREATE TABLE knex_migrations (id INTEGER PRIMARY KEY, name VARCHAR(255));
