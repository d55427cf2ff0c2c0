ALTER TABLE orders MODIFY status ENUM('pending','paid','shipped','refunded') NOT NULL DEFAULT 'pending';
ALTER TABLE orders MODIFY total DECIMAL(12,2) NOT NULL;
ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL;
ALTER TABLE customers CHANGE name full_name VARCHAR(100) NULL;
ALTER TABLE customers MODIFY email VARCHAR(191);
ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL;
