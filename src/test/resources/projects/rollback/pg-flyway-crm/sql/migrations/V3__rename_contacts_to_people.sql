ALTER TABLE crm.contacts RENAME COLUMN first_name TO given_name;
ALTER TABLE crm.contacts RENAME TO people;
ALTER INDEX crm.contacts_email_lower_idx RENAME TO people_email_lower_idx;
ALTER TABLE deals RENAME CONSTRAINT deals_contact_fk TO deals_person_fk;
ALTER INDEX deals_open_idx RENAME TO deals_open_by_person_idx;
ALTER TABLE deals RENAME COLUMN contact_id TO person_id;
