-- CRM lives in its own schema; deals stay in public
CREATE SCHEMA crm;

CREATE TYPE crm.lead_stage AS ENUM ('new', 'qualified', 'won', 'lost');

CREATE TABLE crm.companies (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(120) NOT NULL,
    domain      text,
    country     char(2) NOT NULL DEFAULT 'US',
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT companies_domain_key UNIQUE (domain)
);

CREATE TABLE crm.contacts (
    id          serial PRIMARY KEY,
    company_id  integer REFERENCES crm.companies (id) ON DELETE SET NULL,
    email       text NOT NULL,
    first_name  text,
    last_name   text,
    stage       crm.lead_stage NOT NULL DEFAULT 'new'
);

CREATE UNIQUE INDEX contacts_email_lower_idx ON crm.contacts (lower(email));
COMMENT ON TABLE crm.contacts IS 'People we talk to';
