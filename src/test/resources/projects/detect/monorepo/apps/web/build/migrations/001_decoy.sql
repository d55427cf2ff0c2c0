CREATE TABLE decoy (id int);
