-- Custom SQL migration file, put your code below! --
UPDATE "users" SET "email" = lower("email")
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower" CHECK ("email" = lower("email"));
