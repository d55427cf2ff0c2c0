ALTER TYPE crm.lead_stage ADD VALUE 'nurturing' AFTER 'qualified';
COMMENT ON COLUMN crm.people.stage IS 'funnel stage';
COMMENT ON TABLE crm.people IS 'People and leads';
COMMENT ON COLUMN deals.amount_cents IS NULL;
