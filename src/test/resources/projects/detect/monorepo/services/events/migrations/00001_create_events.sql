-- +goose Up
CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    payload JSONB NOT NULL
);

-- +goose Down
DROP TABLE events;
