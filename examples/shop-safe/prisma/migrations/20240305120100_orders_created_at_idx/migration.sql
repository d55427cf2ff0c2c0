-- CreateIndex: the only statement of its migration, so Prisma does not run it inside a transaction block
CREATE INDEX CONCURRENTLY "orders_created_at_idx" ON "orders"("created_at");
