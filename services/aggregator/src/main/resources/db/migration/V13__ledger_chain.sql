-- The ledger's hash chains (docs/adr/0011): one per partition, in the order the entries were
-- applied (offset order; a topic deleted and created again starts its offsets anew, and its entries
-- follow the old ones). Each ledger entry (report, withdrawal, duplicate, dead letter) has a link:
-- its place in the chain (seq), the SHA-256 of its canonical content, and SHA-256(previous link ||
-- that hash). The partition's last link is its head, kept beside the consumer's position and
-- written in the same transaction.
CREATE TABLE ledger_link (
    kafka_partition integer NOT NULL,
    seq             bigint  NOT NULL,
    kafka_offset    bigint  NOT NULL,
    entry_hash      bytea   NOT NULL,
    chain_hash      bytea   NOT NULL,
    PRIMARY KEY (kafka_partition, seq)
);

ALTER TABLE consumer_offset ADD COLUMN chain_head bytea;
ALTER TABLE consumer_offset ADD COLUMN chain_length bigint NOT NULL DEFAULT 0;
-- Entries applied before the chain existed are not in it: a partition's chain starts at the
-- position it had when this migration ran (0 for a partition not yet read).
ALTER TABLE consumer_offset ADD COLUMN chain_from bigint;
UPDATE consumer_offset SET chain_from = next_offset;

-- Links and heads only ever grow: a link is never changed or removed.
CREATE FUNCTION ledger_link_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_link is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_link_append_only BEFORE UPDATE OR DELETE ON ledger_link
    FOR EACH ROW EXECUTE FUNCTION ledger_link_append_only();
