-- migrate:up
ALTER TABLE notes RENAME COLUMN body TO content;
ALTER TABLE folders RENAME TO notebooks;
DROP INDEX notes_user_id;
CREATE INDEX notes_user_created ON notes (user_id, created_at DESC);
ALTER TABLE users ADD COLUMN plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro'));

-- migrate:down
ALTER TABLE users DROP COLUMN plan;
DROP INDEX notes_user_created;
CREATE INDEX notes_user_id ON notes (user_id);
ALTER TABLE notebooks RENAME TO folders;
ALTER TABLE notes RENAME COLUMN content TO body;
