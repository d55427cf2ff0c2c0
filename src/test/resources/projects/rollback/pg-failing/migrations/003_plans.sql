CREATE INDEX accounts_plan_idx ON accounts (plan);
