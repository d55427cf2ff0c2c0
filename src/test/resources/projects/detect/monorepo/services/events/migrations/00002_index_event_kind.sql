-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY idx_events_kind ON events (kind);

-- +goose Down
DROP INDEX CONCURRENTLY idx_events_kind;
