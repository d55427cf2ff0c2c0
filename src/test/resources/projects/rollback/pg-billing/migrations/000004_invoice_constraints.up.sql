ALTER TABLE invoices DROP CONSTRAINT invoices_amount_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE invoices ALTER COLUMN paid_at SET DEFAULT now();
ALTER TABLE invoices ALTER COLUMN note SET NOT NULL;
DROP INDEX invoices_unpaid_idx;
CREATE INDEX invoices_account_paid_idx ON invoices (account_id, paid_at);
ALTER TABLE invoices RENAME TO bills;
