-- +goose Up
CREATE TABLE tasks (id bigint PRIMARY KEY);
-- +goose Down
DROP TABLE tasks;
