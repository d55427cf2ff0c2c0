-- +goose Up
ALTER TABLE tasks ADD COLUMN due_date TEXT;

-- +goose Down
ALTER TABLE tasks DROP COLUMN due_date;
