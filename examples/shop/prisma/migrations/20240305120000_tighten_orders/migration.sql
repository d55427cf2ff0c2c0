-- AlterTable
ALTER TABLE "customers" ALTER COLUMN "email" SET DATA TYPE VARCHAR(100);

-- AlterTable
ALTER TABLE "orders" DROP COLUMN "legacy_note",
ADD COLUMN     "currency" CHAR(3) NOT NULL;

-- Backfill
UPDATE "orders" SET "status" = 'PAID';

-- CreateIndex
CREATE INDEX "orders_created_at_idx" ON "orders"("created_at");

-- RenameColumn
ALTER TABLE "products" RENAME COLUMN "title" TO "name";
