CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");
