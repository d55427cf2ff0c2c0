ALTER TABLE deals ALTER COLUMN closed_on SET DEFAULT CURRENT_DATE;
ALTER TABLE deals ALTER COLUMN notes SET NOT NULL;
ALTER TABLE deals ALTER COLUMN currency DROP DEFAULT;
ALTER TABLE crm.companies ALTER COLUMN country DROP NOT NULL;

ALTER TABLE crm.people ADD CONSTRAINT people_email_format CHECK (email LIKE '%@%') NOT VALID;
ALTER TABLE crm.people VALIDATE CONSTRAINT people_email_format;

CREATE UNIQUE INDEX people_company_email_idx ON crm.people (company_id, email);
ALTER TABLE crm.people ADD CONSTRAINT people_company_email_key UNIQUE USING INDEX people_company_email_idx;

ALTER TABLE deals DROP CONSTRAINT deals_amount_nonnegative;
ALTER TABLE deals ADD CONSTRAINT deals_amount_positive CHECK (amount_cents > 0);

ALTER TABLE deals ADD COLUMN company_id integer;
ALTER TABLE deals ADD CONSTRAINT deals_company_fk FOREIGN KEY (company_id) REFERENCES crm.companies (id) ON DELETE RESTRICT NOT VALID;
