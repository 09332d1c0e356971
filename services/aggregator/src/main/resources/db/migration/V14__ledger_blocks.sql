-- The ledger's chains kept in blocks (docs/adr/0011, revised): one row per partition and batch
-- instead of one per entry, which cost PostgreSQL a row and an index entry per report (benchmark
-- B2). A block holds its entries' offsets and SHA-256s in chain order, and its head:
-- SHA-256(previous head || SHA-256(the entries' hashes, concatenated)).
CREATE TABLE ledger_block (
    kafka_partition integer  NOT NULL,
    seq             bigint   NOT NULL,
    kafka_offsets   bigint[] NOT NULL,
    entry_hashes    bytea    NOT NULL,
    head            bytea    NOT NULL,
    PRIMARY KEY (kafka_partition, seq),
    CHECK (octet_length(entry_hashes) = 32 * cardinality(kafka_offsets))
);
-- Hashes do not compress: do not try.
ALTER TABLE ledger_block ALTER COLUMN entry_hashes SET STORAGE EXTERNAL;

CREATE FUNCTION ledger_block_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_block is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_block_append_only BEFORE UPDATE OR DELETE ON ledger_block
    FOR EACH ROW EXECUTE FUNCTION ledger_block_append_only();

-- The per-entry links lived one day, on development stacks: their chains end here, and new ones
-- start at each partition's position, as the first ones did at V13.
DROP TABLE ledger_link;
DROP FUNCTION ledger_link_append_only();
ALTER TABLE consumer_offset RENAME COLUMN chain_length TO chain_blocks;
UPDATE consumer_offset SET chain_from = next_offset, chain_head = NULL, chain_blocks = 0;
