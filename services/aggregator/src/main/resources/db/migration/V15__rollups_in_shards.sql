-- Rollup rows in shards (docs/adr/0012, the third point; benchmark B6). A province's cells and
-- totals are written from every partition that carries one of its cities, and a county's from its
-- city's partition and its province office's. Batches of different partitions then waited for one
-- another's row locks (B6: 14 %, 25 % and 37 % of transaction time with 1, 2 and 3 instances).
--
-- Each cell now has a row per shard. A batch writes only the shard numbered like the smallest
-- partition it holds, and only while it holds that partition's consumer_offset row locked, so two
-- transactions never write the same row: concurrent batches hold disjoint partitions, hence
-- distinct smallest ones. A rebuild writes shard 0 with the consumers held off.
--
-- The tables keep their data under new names; views with the old names sum the shards, so every
-- reader (queries, the reconciliation, period closes, the reporting views) reads one row per cell
-- as before. A filter on a cell's columns is pushed down through the view's GROUP BY to the
-- tables' indexes.
ALTER TABLE rollup RENAME TO rollup_shard;
ALTER TABLE rollup_shard ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE rollup_shard DROP CONSTRAINT rollup_pkey;
ALTER TABLE rollup_shard ADD PRIMARY KEY (region_code, day, program, task_type, shard);

ALTER TABLE rollup_month RENAME TO rollup_month_shard;
ALTER TABLE rollup_month_shard ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE rollup_month_shard DROP CONSTRAINT rollup_month_pkey;
ALTER TABLE rollup_month_shard ADD PRIMARY KEY (region_code, month, program, task_type, shard);

ALTER TABLE province_total RENAME TO province_total_shard;
ALTER TABLE province_total_shard ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE province_total_shard DROP CONSTRAINT province_total_pkey;
ALTER TABLE province_total_shard ADD PRIMARY KEY (province_code, program, task_type, shard);

CREATE VIEW rollup AS
SELECT region_code, day, program, task_type, region_level, province_code, city_code,
       sum(reports)::bigint AS reports, sum(quantity)::bigint AS quantity,
       sum(beneficiaries)::bigint AS beneficiaries
FROM rollup_shard
GROUP BY region_code, day, program, task_type, region_level, province_code, city_code;

CREATE VIEW rollup_month AS
SELECT region_code, month, program, task_type, region_level, province_code, city_code,
       sum(reports)::bigint AS reports, sum(quantity)::bigint AS quantity,
       sum(beneficiaries)::bigint AS beneficiaries
FROM rollup_month_shard
GROUP BY region_code, month, program, task_type, region_level, province_code, city_code;

CREATE VIEW province_total AS
SELECT province_code, program, task_type,
       sum(reports)::bigint AS reports, sum(quantity)::bigint AS quantity,
       sum(beneficiaries)::bigint AS beneficiaries
FROM province_total_shard
GROUP BY province_code, program, task_type;

-- The reporting views were bound to the tables when V11 created them: bind them to the sums.
CREATE OR REPLACE VIEW reporting.region_month AS
SELECT m.month,
       m.region_level AS level,
       CASE m.region_level WHEN 2 THEN '00' WHEN 4 THEN m.province_code ELSE m.city_code END AS parent,
       m.region_code AS region,
       coalesce(r.name, m.region_code) AS region_name,
       m.program,
       coalesce(p.name, m.program) AS program_name,
       m.task_type,
       coalesce(t.name, m.task_type) AS task_name,
       coalesce(t.unit, m.task_type) AS unit,
       m.reports,
       m.quantity,
       m.beneficiaries
FROM rollup_month m
LEFT JOIN label r ON r.kind = 'region' AND r.code = m.region_code
LEFT JOIN label p ON p.kind = 'program' AND p.code = m.program
LEFT JOIN label t ON t.kind = 'task_type' AND t.code = m.task_type;

CREATE OR REPLACE VIEW reporting.target_progress AS
SELECT g.region_code AS region,
       coalesce(r.name, g.region_code) AS region_name,
       length(g.region_code) AS level,
       g.program,
       coalesce(p.name, g.program) AS program_name,
       g.task_type,
       coalesce(t.name, g.task_type) AS task_name,
       coalesce(t.unit, g.task_type) AS unit,
       g.period_from,
       g.period_to,
       g.quantity AS target,
       coalesce(done.quantity, 0) AS achieved,
       round(coalesce(done.quantity, 0)::numeric / g.quantity, 4) AS ratio,
       greatest(g.quantity - coalesce(done.quantity, 0), 0) AS remaining
FROM target g
LEFT JOIN LATERAL (
    SELECT sum(c.quantity) AS quantity FROM rollup_shard c
    WHERE c.region_code = g.region_code AND c.day BETWEEN g.period_from AND g.period_to
      AND c.program = g.program AND c.task_type = g.task_type) AS done ON true
LEFT JOIN label r ON r.kind = 'region' AND r.code = g.region_code
LEFT JOIN label p ON p.kind = 'program' AND p.code = g.program
LEFT JOIN label t ON t.kind = 'task_type' AND t.code = g.task_type;
