CREATE TABLE invoices (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    amount      numeric(12, 2) NOT NULL CHECK (amount >= 0),
    paid_at     timestamptz,
    note        text
);
CREATE INDEX invoices_unpaid_idx ON invoices (account_id) WHERE paid_at IS NULL;
COMMENT ON COLUMN invoices.note IS 'free text from support';
