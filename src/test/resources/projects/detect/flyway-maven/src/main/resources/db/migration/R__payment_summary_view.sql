CREATE OR REPLACE VIEW payment_summary AS
SELECT currency, count(*) AS n, sum(amount_cents) AS total FROM payments GROUP BY currency;
