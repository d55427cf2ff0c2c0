-- migrate:up
ALTER TABLE users DROP COLUMN display_name;
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

-- migrate:down
DROP INDEX users_email_lower;
ALTER TABLE users ADD COLUMN display_name TEXT;
