-- A shop schema in MariaDB: AUTO_INCREMENT, ENUM, JSON (LONGTEXT + json_valid check), DECIMAL,
-- DATETIME(3) defaults, named UNIQUE / CHECK / FOREIGN KEY, comments, a DESC index.
CREATE TABLE customers (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  status ENUM('active', 'blocked') NOT NULL DEFAULT 'active',
  profile JSON,
  score DECIMAL(10,2) DEFAULT 0.00,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT customers_email_key UNIQUE (email),
  CONSTRAINT customers_score_check CHECK (score >= 0)
) COMMENT 'people who buy';
CREATE TABLE orders (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  total DECIMAL(12,2) NOT NULL,
  note VARCHAR(200) COMMENT 'free text',
  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE INDEX orders_total_idx ON orders (total DESC);
CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY);
