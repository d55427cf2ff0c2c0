--liquibase formatted sql

--changeset dave:10-view
CREATE VIEW active_users AS
SELECT id, email FROM users WHERE status = 'active';
--rollback DROP VIEW active_users;

--changeset dave:11-purge runInTransaction:false
DELETE FROM users WHERE status = 'deleted';
--rollback not required

--changeset dave:12-drop-legacy
ALTER TABLE users DROP COLUMN legacy_code;
