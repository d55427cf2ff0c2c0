ALTER TABLE products MODIFY price DECIMAL(12,2) NOT NULL DEFAULT 0.00;
ALTER TABLE products MODIFY status ENUM('draft','active','retired','archived') NOT NULL DEFAULT 'draft';
ALTER TABLE products CHANGE title name VARCHAR(255) NOT NULL;
ALTER TABLE products ALTER COLUMN price SET DEFAULT 1.00;
ALTER TABLE suppliers MODIFY email VARCHAR(191) NOT NULL;
ALTER TABLE suppliers RENAME COLUMN country TO country_code;
