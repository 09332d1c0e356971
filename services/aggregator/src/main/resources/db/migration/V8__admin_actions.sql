-- Every privileged action: who (the token's subject), when, what, on what, from where. Written by
-- the service that does the action, in its transaction; the API only reads it (auditors).
CREATE TABLE admin_action (
    id      bigserial    PRIMARY KEY,
    at      timestamptz  NOT NULL,
    actor   varchar(128) NOT NULL,
    action  varchar(64)  NOT NULL,
    target  text,
    detail  text,
    source  varchar(128)
);
CREATE INDEX admin_action_at ON admin_action (at);
-- A catalogue change reaches every aggregator instance, and again at each start (the topic is
-- compacted and read whole): it is recorded once.
CREATE UNIQUE INDEX admin_action_catalog ON admin_action (action, target, at)
    WHERE action = 'catalog-change';
-- The log only grows.
CREATE FUNCTION admin_action_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'admin_action is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER admin_action_append_only BEFORE UPDATE OR DELETE ON admin_action
    FOR EACH ROW EXECUTE FUNCTION admin_action_append_only();
