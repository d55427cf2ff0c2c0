DROP TABLE vendored;
