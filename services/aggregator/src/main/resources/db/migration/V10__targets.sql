-- Commitments: a quantity of one kind of task, in one program, for one region (2, 4 or 6 digits)
-- over one period (a year, or a range of days). A PUT of the same key replaces the quantity.
CREATE TABLE target (
    region_code varchar(6)   NOT NULL,
    program     varchar(64)  NOT NULL,
    task_type   varchar(64)  NOT NULL,
    period_from date         NOT NULL,
    period_to   date         NOT NULL,
    quantity    bigint       NOT NULL CHECK (quantity > 0),
    set_by      varchar(128) NOT NULL,
    set_at      timestamptz  NOT NULL,
    PRIMARY KEY (region_code, program, task_type, period_from, period_to),
    CHECK (period_from <= period_to)
);

-- Every change of a target, as it was made; nothing updates or deletes a change.
CREATE TABLE target_change (
    id              bigserial    PRIMARY KEY,
    region_code     varchar(6)   NOT NULL,
    program         varchar(64)  NOT NULL,
    task_type       varchar(64)  NOT NULL,
    period_from     date         NOT NULL,
    period_to       date         NOT NULL,
    quantity_before bigint,
    quantity_after  bigint       NOT NULL,
    changed_by      varchar(128) NOT NULL,
    changed_at      timestamptz  NOT NULL,
    note            text
);
CREATE INDEX target_change_region ON target_change (region_code, id);

CREATE FUNCTION target_change_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'target_change is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER target_change_append_only BEFORE UPDATE OR DELETE ON target_change
    FOR EACH ROW EXECUTE FUNCTION target_change_append_only();
