-- A month closed for a region (2, 4 or 6 digits): its figures as published. The close records,
-- per partition, the next offset not yet applied when it was taken; the snapshot is read in the
-- same statement, so it holds exactly the records before those positions. Every ledger change at
-- or after them, for that region and month, is a restatement (docs/adr/0010).
CREATE TABLE period_close (
    id            bigserial    PRIMARY KEY,
    region_code   varchar(6)   NOT NULL,
    month         date         NOT NULL CHECK (extract(day FROM month) = 1),
    closed_by     varchar(128) NOT NULL,
    closed_at     timestamptz  NOT NULL,
    partitions    integer[]    NOT NULL,
    next_offsets  bigint[]     NOT NULL,
    reopened_by   varchar(128),
    reopened_at   timestamptz,
    reopen_reason text
);
CREATE UNIQUE INDEX period_close_current ON period_close (region_code, month)
    WHERE reopened_at IS NULL;

CREATE TABLE period_snapshot (
    close_id      bigint      NOT NULL REFERENCES period_close (id),
    program       varchar(64) NOT NULL,
    task_type     varchar(64) NOT NULL,
    reports       bigint      NOT NULL,
    quantity      bigint      NOT NULL,
    beneficiaries bigint      NOT NULL,
    PRIMARY KEY (close_id, program, task_type)
);

-- Published figures never change: a snapshot is never updated or deleted, and a close is only ever
-- reopened (once), never edited or removed.
CREATE FUNCTION period_snapshot_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'period_snapshot is immutable';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER period_snapshot_immutable BEFORE UPDATE OR DELETE ON period_snapshot
    FOR EACH ROW EXECUTE FUNCTION period_snapshot_immutable();

CREATE FUNCTION period_close_only_reopened() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.reopened_at IS NOT NULL OR NEW.reopened_at IS NULL
       OR (NEW.id, NEW.region_code, NEW.month, NEW.closed_by, NEW.closed_at, NEW.partitions,
           NEW.next_offsets)
          IS DISTINCT FROM (OLD.id, OLD.region_code, OLD.month, OLD.closed_by, OLD.closed_at,
                            OLD.partitions, OLD.next_offsets) THEN
        RAISE EXCEPTION 'a period close is only ever reopened, once';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER period_close_only_reopened BEFORE UPDATE OR DELETE ON period_close
    FOR EACH ROW EXECUTE FUNCTION period_close_only_reopened();

-- The ledger changes behind a closed month's difference: reports filed and withdrawals applied at
-- or after the close's positions, for reports of that region and month.
CREATE VIEW reporting.restatements AS
WITH positions AS (
    SELECT c.id, x.kafka_partition, x.next_offset
    FROM period_close c, unnest(c.partitions, c.next_offsets) AS x(kafka_partition, next_offset))
SELECT c.id AS close_id, c.region_code AS region, coalesce(l.name, c.region_code) AS region_name,
       c.month, c.closed_at, 'filed' AS change, r.report_id, r.office_id, r.region_code AS report_region,
       r.program, r.task_type, coalesce(t.name, r.task_type) AS task_name,
       coalesce(t.unit, r.task_type) AS unit, r.day, r.quantity, r.beneficiaries, r.processed_at AS at
FROM period_close c
JOIN report r ON r.province_code = left(c.region_code, 2)
    AND r.region_code LIKE c.region_code || '%'
    AND r.day >= c.month AND r.day < c.month + interval '1 month'
LEFT JOIN positions p ON p.id = c.id AND p.kafka_partition = r.kafka_partition
LEFT JOIN label l ON l.kind = 'region' AND l.code = c.region_code
LEFT JOIN label t ON t.kind = 'task_type' AND t.code = r.task_type
WHERE r.kafka_offset >= coalesce(p.next_offset, 0)
UNION ALL
SELECT c.id, c.region_code, coalesce(l.name, c.region_code), c.month, c.closed_at, 'withdrawn',
       r.report_id, r.office_id, r.region_code, r.program, r.task_type,
       coalesce(t.name, r.task_type), coalesce(t.unit, r.task_type), r.day, -r.quantity,
       -r.beneficiaries, w.processed_at
FROM period_close c
JOIN report r ON r.province_code = left(c.region_code, 2)
    AND r.region_code LIKE c.region_code || '%'
    AND r.day >= c.month AND r.day < c.month + interval '1 month'
JOIN report_withdrawal w ON w.report_id = r.report_id AND w.office_id = r.office_id
    AND w.outcome = 'APPLIED'
LEFT JOIN positions p ON p.id = c.id AND p.kafka_partition = w.kafka_partition
LEFT JOIN label l ON l.kind = 'region' AND l.code = c.region_code
LEFT JOIN label t ON t.kind = 'task_type' AND t.code = r.task_type
WHERE w.kafka_offset >= coalesce(p.next_offset, 0);

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'shishi_reporting') THEN
        GRANT SELECT ON reporting.restatements TO shishi_reporting;
    END IF;
END
$$;
