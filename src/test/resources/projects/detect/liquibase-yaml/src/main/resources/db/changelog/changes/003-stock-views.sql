--liquibase formatted sql

--changeset ops:003-stock-views
CREATE VIEW stock_by_warehouse AS SELECT warehouse_id, sum(qty) AS qty FROM stock GROUP BY warehouse_id;
--rollback DROP VIEW stock_by_warehouse;
