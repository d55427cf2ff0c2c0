-- AlterTable
ALTER TABLE "User" ADD COLUMN "name" TEXT;

UPDATE "User" SET "name" = split_part("email", '@', 1);

ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
