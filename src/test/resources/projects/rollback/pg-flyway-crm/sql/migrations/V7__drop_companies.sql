-- companies move to the billing service; people keep no company link
DROP INDEX deals_notes_search_idx;
ALTER TABLE crm.people DROP COLUMN last_name;
DROP TABLE crm.companies CASCADE;
