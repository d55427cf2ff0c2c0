-- Users table.

-- migrate:up
create table users (
  id bigserial primary key,
  email text not null
);

-- migrate:down
drop table users;
