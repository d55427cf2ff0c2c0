-- migrate:down
drop table e;
-- migrate:up
create table e (id int);
