-- widen names, switch ids to bigint, and store amounts in int (they never exceed 2^31 cents)
ALTER TABLE crm.companies ALTER COLUMN name TYPE text;
ALTER TABLE crm.people ALTER COLUMN id TYPE bigint;
ALTER TABLE deals ALTER COLUMN person_id TYPE bigint;
ALTER TABLE deals ALTER COLUMN currency TYPE varchar(3);
ALTER TABLE deals ALTER COLUMN amount_cents TYPE integer;
