ALTER TABLE orders ALTER COLUMN total TYPE integer;
ALTER TABLE orders ALTER COLUMN note TYPE varchar(500);
