-- migrate:up
alter table users add column name text;
