CREATE TABLE accounts (
    id    bigint PRIMARY KEY,
    email text
);
-- a legacy row without an email
INSERT INTO accounts (id, email) VALUES (1, NULL);
