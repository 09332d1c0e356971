-- Dead letters are kept whole in PostgreSQL, written in the batch transaction that met them: the
-- record's bytes, key, headers and where it was read. The dead-letter topic is fed from here
-- afterwards (an outbox), so a missing or refusing topic never holds a partition up.
ALTER TABLE dead_letter
    ADD COLUMN topic            varchar(249),
    ADD COLUMN record_key       bytea,
    ADD COLUMN payload          bytea,
    -- Header names and values, in order; a name is stored as bytes so that any name survives.
    ADD COLUMN header_names     bytea[],
    ADD COLUMN header_values    bytea[],
    -- Kafka's timestamp as it carries it, epoch milliseconds: a producer may set any value.
    ADD COLUMN record_timestamp bigint,
    -- The dead letter a re-driven record came from, when it failed again.
    -- (no foreign key: the header that says so is the record's, and anyone may have written it)
    ADD COLUMN redriven_from    bigint,
    ADD COLUMN state            varchar(16) NOT NULL DEFAULT 'OPEN'
        CHECK (state IN ('OPEN', 'REDRIVEN', 'DISCARDED')),
    ADD COLUMN resolved_at      timestamptz,
    ADD COLUMN resolved_by      varchar(128),
    ADD COLUMN resolution       text,
    -- What an admin re-drove instead of the record, when it was corrected.
    ADD COLUMN corrected_payload bytea,
    ADD COLUMN published_at     timestamptz,
    ADD COLUMN publish_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN publish_error    text;
-- Rows from before this migration were published when they were met; their bytes are in the topic.
UPDATE dead_letter SET published_at = processed_at, topic = 'task-reports';
CREATE INDEX dead_letter_unpublished ON dead_letter (id) WHERE published_at IS NULL;
CREATE INDEX dead_letter_state_reason ON dead_letter (state, reason, id);

-- The topic whose log the stored offsets count in: a topic deleted and created again has a new id
-- and offsets that count from 0 anew.
ALTER TABLE consumer_offset ADD COLUMN topic_id uuid;

-- Stored offsets that do not fit the topic's log. While a partition has an open anomaly nothing of
-- it is applied; an admin closes it by choosing where to go on (docs/operations.md).
CREATE TABLE offset_anomaly (
    id              bigserial    PRIMARY KEY,
    topic           varchar(249) NOT NULL,
    kafka_partition integer      NOT NULL,
    kind            varchar(32)  NOT NULL
        CHECK (kind IN ('topic-replaced', 'ahead-of-log', 'records-lost')),
    stored_offset   bigint       NOT NULL,
    stored_topic_id uuid,
    log_start       bigint       NOT NULL,
    log_end         bigint       NOT NULL,
    topic_id        uuid,
    detected_at     timestamptz  NOT NULL,
    resolved_at     timestamptz,
    resolved_by     varchar(128),
    adopted_offset  bigint,
    resolution      text
);
CREATE UNIQUE INDEX offset_anomaly_open ON offset_anomaly (topic, kafka_partition)
    WHERE resolved_at IS NULL;
