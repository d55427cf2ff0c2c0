PRAGMA foreign_keys = OFF;
BEGIN TRANSACTION;

-- the 12-step table rebuild: make `email` NOT NULL
CREATE TABLE "new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_users" ("id", "email", "created_at") SELECT "id", "email", "created_at" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TRIGGER users_touch AFTER UPDATE ON users
FOR EACH ROW WHEN NEW.email <> OLD.email
BEGIN
    UPDATE users SET created_at = CASE WHEN created_at IS NULL THEN CURRENT_TIMESTAMP ELSE created_at END WHERE id = NEW.id;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
