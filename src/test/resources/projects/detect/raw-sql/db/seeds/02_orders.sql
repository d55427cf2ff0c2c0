INSERT INTO orders (user_id, total) VALUES (1, 9.99);
