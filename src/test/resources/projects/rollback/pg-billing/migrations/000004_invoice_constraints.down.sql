ALTER TABLE bills RENAME TO invoices;
DROP INDEX invoices_account_paid_idx;
CREATE INDEX invoices_unpaid_idx ON invoices (account_id) WHERE paid_at IS NULL;
ALTER TABLE invoices ALTER COLUMN note DROP NOT NULL;
ALTER TABLE invoices ALTER COLUMN paid_at DROP DEFAULT;
ALTER TABLE invoices DROP CONSTRAINT invoices_amount_positive;
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_check CHECK (amount >= 0);
