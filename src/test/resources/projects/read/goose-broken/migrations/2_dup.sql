-- +goose Up
CREATE TABLE c (id int);
