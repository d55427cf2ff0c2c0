-- Expand phase of "tighten orders": nothing here rewrites a table, fails on existing rows
-- or breaks the code that is running now. The contract phase ships in later migrations.
SET lock_timeout = '2s';

-- AlterTable: a constant DEFAULT fills the existing rows without a rewrite (PostgreSQL 11+)
ALTER TABLE "orders" ADD COLUMN "currency" CHAR(3) NOT NULL DEFAULT 'EUR';

-- AlterTable: the new column next to the old one; the application writes both until the backfill is done
ALTER TABLE "products" ADD COLUMN "name" TEXT;

-- AddCheck: new and changed rows keep email within 100 characters; existing rows are validated later
ALTER TABLE "customers" ADD CONSTRAINT "customers_email_length" CHECK (char_length("email") <= 100) NOT VALID;
