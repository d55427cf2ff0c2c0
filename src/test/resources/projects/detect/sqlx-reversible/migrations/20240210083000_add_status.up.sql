ALTER TABLE subscriptions ADD COLUMN status TEXT NULL;
