-- migrate:up
ALTER TABLE notes ADD COLUMN folder_id INTEGER REFERENCES folders (id) ON DELETE SET NULL;
CREATE INDEX notes_folder_id ON notes (folder_id) WHERE folder_id IS NOT NULL;

-- migrate:down
DROP INDEX notes_folder_id;
ALTER TABLE notes DROP COLUMN folder_id;
