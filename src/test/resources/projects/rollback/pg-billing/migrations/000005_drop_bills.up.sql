UPDATE accounts SET plan = 'legacy' WHERE plan = 'basic';
DROP TABLE bills;
