DROP TABLE decoy;
