-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

-- db-migrate-ignore require-concurrent-index-creation
CREATE INDEX CONCURRENTLY users_lower_email_idx ON users (lower(email));

-- Backfill in batches
UPDATE users SET email_normalized = lower(email) WHERE id BETWEEN 1 AND 10000;
