-- The ledger: every report the aggregator has counted, once, keyed by the office's reportId.
CREATE TABLE report (
    report_id         uuid         PRIMARY KEY,
    office_id         varchar(128) NOT NULL,
    region_code       char(6)      NOT NULL,
    province_code     char(2)      NOT NULL,
    city_code         char(4)      NOT NULL,
    program           varchar(64)  NOT NULL,
    task_type         varchar(64)  NOT NULL,
    quantity          integer      NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
    beneficiaries     integer      NOT NULL CHECK (beneficiaries BETWEEN 0 AND 10000000),
    completed_at      timestamptz  NOT NULL,
    -- The day the task counts in: the calendar day of completed_at in Asia/Shanghai.
    day               date         NOT NULL,
    note              text,
    received_at       timestamptz  NOT NULL,
    processed_at      timestamptz  NOT NULL,
    kafka_partition   integer      NOT NULL,
    kafka_offset      bigint       NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('COUNTED', 'WITHDRAWN')),
    withdrawn_at      timestamptz,
    withdrawal_reason text
);
CREATE INDEX report_province_day ON report (province_code, day);
CREATE INDEX report_office_received ON report (office_id, received_at);

-- Every redelivered or retried report: counted as a duplicate, never in a total. Those whose
-- content differs from the original are kept whole, for audit.
CREATE TABLE report_duplicate (
    id              bigserial    PRIMARY KEY,
    report_id       uuid         NOT NULL,
    same_content    boolean      NOT NULL,
    office_id       varchar(128) NOT NULL,
    event           text         NOT NULL,
    kafka_partition integer      NOT NULL,
    kafka_offset    bigint       NOT NULL,
    processed_at    timestamptz  NOT NULL
);
CREATE INDEX report_duplicate_report ON report_duplicate (report_id);

-- Every withdrawal, applied or rejected, with why.
CREATE TABLE report_withdrawal (
    id              bigserial    PRIMARY KEY,
    report_id       uuid         NOT NULL,
    office_id       varchar(128) NOT NULL,
    reason          text,
    outcome         varchar(16)  NOT NULL CHECK (outcome IN ('APPLIED', 'REJECTED')),
    detail          text,
    received_at     timestamptz  NOT NULL,
    kafka_partition integer      NOT NULL,
    kafka_offset    bigint       NOT NULL,
    processed_at    timestamptz  NOT NULL
);
CREATE INDEX report_withdrawal_report ON report_withdrawal (report_id);

-- Exact totals per day, region (province, city and county rows), program and kind of task.
-- region_level is the length of region_code: 2, 4 or 6.
CREATE TABLE rollup (
    region_code   varchar(6)  NOT NULL,
    day           date        NOT NULL,
    program       varchar(64) NOT NULL,
    task_type     varchar(64) NOT NULL,
    region_level  smallint    NOT NULL CHECK (region_level IN (2, 4, 6)),
    province_code char(2)     NOT NULL,
    city_code     char(4),
    reports       bigint      NOT NULL,
    quantity      bigint      NOT NULL,
    beneficiaries bigint      NOT NULL,
    PRIMARY KEY (region_code, day, program, task_type)
);
CREATE INDEX rollup_level_day ON rollup (region_level, day);
CREATE INDEX rollup_province_level_day ON rollup (province_code, region_level, day);
CREATE INDEX rollup_city_level_day ON rollup (city_code, region_level, day);

-- The next Kafka offset to apply, per partition, written in the same transaction as the rows
-- above: the aggregator seeks here on every assignment (docs/adr/0002).
CREATE TABLE consumer_offset (
    topic           varchar(249) NOT NULL,
    kafka_partition integer      NOT NULL,
    next_offset     bigint       NOT NULL,
    updated_at      timestamptz  NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);

-- Records that could not be applied; the record itself is in task-reports-dlq.
CREATE TABLE dead_letter (
    id              bigserial    PRIMARY KEY,
    kafka_partition integer      NOT NULL,
    kafka_offset    bigint       NOT NULL,
    reason          varchar(64)  NOT NULL,
    detail          text,
    processed_at    timestamptz  NOT NULL
);
