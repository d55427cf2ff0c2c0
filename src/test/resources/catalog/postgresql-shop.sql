-- A shop schema using most of what PostgreSQL catalogs hold: serial, identity, generated,
-- enums (one quoted), arrays, comments, partial / expression / GIN / covering indexes, NOT VALID checks.
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE customers (
  id bigserial PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text,
  status varchar(20) DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
  role "Role" NOT NULL DEFAULT 'USER',
  tags text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamp(3) without time zone,
  score numeric(10,2) DEFAULT 0
);
COMMENT ON TABLE customers IS 'people who buy';
COMMENT ON COLUMN customers.email IS 'login';
CREATE TABLE orders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total numeric(12,2) NOT NULL,
  total_with_tax numeric(12,2) GENERATED ALWAYS AS (total * 1.2) STORED,
  placed_at date
);
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at DESC);
CREATE UNIQUE INDEX customers_lower_email_idx ON customers (lower(email)) WHERE status = 'active';
CREATE INDEX customers_tags_idx ON customers USING gin (tags);
CREATE INDEX orders_cover_idx ON orders (customer_id) INCLUDE (total);
CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY);
