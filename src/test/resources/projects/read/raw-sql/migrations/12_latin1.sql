INSERT INTO users (email) VALUES ('josé@example.com');
