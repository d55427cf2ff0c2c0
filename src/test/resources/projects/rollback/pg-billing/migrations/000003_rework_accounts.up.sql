ALTER TABLE accounts RENAME COLUMN email TO email_address;
ALTER TABLE accounts ALTER COLUMN email_address TYPE text;
ALTER TABLE accounts DROP COLUMN legacy_code;
ALTER TABLE accounts ADD COLUMN plan varchar(20) NOT NULL DEFAULT 'basic';
ALTER TABLE accounts ADD COLUMN seats integer;
ALTER TYPE account_status ADD VALUE 'suspended' BEFORE 'closed';
COMMENT ON TABLE accounts IS 'Paying customer accounts';
