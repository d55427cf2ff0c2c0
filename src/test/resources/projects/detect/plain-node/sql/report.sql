SELECT count(*) FROM visits;
