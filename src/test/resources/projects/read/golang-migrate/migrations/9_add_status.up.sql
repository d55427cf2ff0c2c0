ALTER TABLE users ADD COLUMN status text DEFAULT 'active';
