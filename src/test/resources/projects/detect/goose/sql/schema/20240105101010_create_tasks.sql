-- +goose Up
-- +goose StatementBegin
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
-- +goose StatementEnd

-- +goose Down
DROP TABLE tasks;
