-- +goose up
CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id)
);

-- +goose down
-- nothing to undo: orders are kept
