-- Month cells in one partition per region level. The commonest wide questions read every
-- province's month cells ("every province over a year": 8,928 rows on the B4 ledger of 10 million
-- reports), and among the county and city rows they lay about four to a heap page: 2,224 pages
-- read for 8,928 rows, 22 ms in psql with the pages in memory, where the same rows on pages of
-- their own took 11 ms (docs/benchmarks.md, B4, 2026-12-04). Every reader names a level, so
-- each query reads one partition; the writers name the level in their conflict key, which a
-- partitioned table's unique key must hold.
--
-- The rows move as they are; the view rollup_month is pointed at the new table before the old one
-- goes, so the views built on it (reporting.region_month) stay as they are. Batches of instances
-- still running (a rolling upgrade) are held off first, as a rebuild holds them (the partition
-- writers' lock, which every batch takes shared): a month upsert committed between the copy and
-- the drop would be lost with the old table. They fail once it is done, on the new key, and are
-- tried again until their instance is replaced (docs/operations.md, Upgrading).
SELECT pg_advisory_xact_lock(5174003);

CREATE TABLE rollup_month_by_level (LIKE rollup_month_shard INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (region_level);
CREATE TABLE rollup_month_province PARTITION OF rollup_month_by_level FOR VALUES IN (2)
    WITH (fillfactor = 70);
CREATE TABLE rollup_month_city PARTITION OF rollup_month_by_level FOR VALUES IN (4)
    WITH (fillfactor = 70);
CREATE TABLE rollup_month_county PARTITION OF rollup_month_by_level FOR VALUES IN (6)
    WITH (fillfactor = 70);

INSERT INTO rollup_month_by_level SELECT * FROM rollup_month_shard;

CREATE OR REPLACE VIEW rollup_month AS
SELECT region_code, month, program, task_type, region_level, province_code, city_code,
       sum(reports)::bigint AS reports, sum(quantity)::bigint AS quantity,
       sum(beneficiaries)::bigint AS beneficiaries
FROM rollup_month_by_level
GROUP BY region_code, month, program, task_type, region_level, province_code, city_code;

DROP TABLE rollup_month_shard;
ALTER TABLE rollup_month_by_level RENAME TO rollup_month_shard;

ALTER TABLE rollup_month_shard
    ADD CONSTRAINT rollup_month_shard_pkey
    PRIMARY KEY (region_code, month, program, task_type, shard, region_level);
CREATE INDEX rollup_month_level_month ON rollup_month_shard (region_level, month);
CREATE INDEX rollup_month_province_level_month ON rollup_month_shard (province_code, region_level, month);
CREATE INDEX rollup_month_city_level_month ON rollup_month_shard (city_code, region_level, month);

ANALYZE rollup_month_shard;
