-- hand-written, and wrong: forgets the seats column and the old type
ALTER TABLE accounts DROP COLUMN plan;
ALTER TABLE accounts ADD COLUMN legacy_code char(8);
ALTER TABLE accounts RENAME COLUMN email_address TO email;
COMMENT ON TABLE accounts IS 'Customer accounts';
