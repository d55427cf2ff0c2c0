CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users(id));
