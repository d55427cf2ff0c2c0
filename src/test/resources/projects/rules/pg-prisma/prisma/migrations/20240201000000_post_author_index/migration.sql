-- CreateIndex
CREATE INDEX CONCURRENTLY "Post_authorId_idx" ON "Post"("authorId");

-- CreateIndex
CREATE INDEX CONCURRENTLY "User_createdAt_idx" ON "User"("createdAt");
