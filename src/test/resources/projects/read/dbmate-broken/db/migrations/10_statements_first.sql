create table c (id int);
-- migrate:up
create table d (id int);
-- migrate:down
drop table d;
