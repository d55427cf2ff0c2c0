-- V2: orders audit trail
CREATE TABLE order_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    kind        VARCHAR(40) NOT NULL,
    payload     JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX order_events_order_id_idx ON order_events (order_id);

CREATE OR REPLACE FUNCTION log_order_status() RETURNS trigger AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO order_events (order_id, kind, payload)
        VALUES (NEW.id, 'status', jsonb_build_object('from', OLD.status, 'to', NEW.status));
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER orders_status_audit
    AFTER UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION log_order_status();

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reporting') THEN
        CREATE ROLE reporting NOLOGIN;
    END IF;
END
$$;

GRANT SELECT ON order_events TO reporting;

COMMENT ON TABLE order_events IS 'Append-only log of order changes';
