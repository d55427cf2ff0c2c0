INSERT INTO a VALUES (1); -- café
