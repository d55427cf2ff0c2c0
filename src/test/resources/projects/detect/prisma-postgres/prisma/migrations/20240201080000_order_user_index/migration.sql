-- CreateIndex
CREATE INDEX "Order_userId_idx" ON "Order"("userId");
