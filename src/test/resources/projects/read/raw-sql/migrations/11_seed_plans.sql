INSERT INTO plans (name) VALUES ('free');
