CREATE TABLE "Account" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "Account_pkey" PRIMARY KEY ("id"));
