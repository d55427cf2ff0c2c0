ALTER TABLE subscriptions DROP COLUMN status;
