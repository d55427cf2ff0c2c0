-- UP migration
BEGIN;
CREATE TABLE orders (
  id serial PRIMARY KEY,
  user_id int NOT NULL REFERENCES users (id)
);
COMMIT;

-- DOWN migration
BEGIN;
DROP TABLE IF EXISTS orders;
COMMIT;
