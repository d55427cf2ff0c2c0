-- hand-written, and wrong: forgets the enum, the supplier email and the renamed country column
ALTER TABLE products CHANGE name title VARCHAR(200) NOT NULL;
ALTER TABLE products MODIFY price DECIMAL(10,2) NOT NULL DEFAULT 0.00;
