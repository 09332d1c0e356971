-- Fills the ledger with :reports synthetic counted reports spread over every county of
-- GB/T 2260, 4 programs, 6 kinds of task and the 365 days of 2022, then rebuilds the rollups
-- from it: the data behind the query plans in docs/queries.md and benchmark B4. The cells are
-- spread over shards (ADR 0012) as a drain spreads them: a province's over the 2 writer slots of
-- one aggregator, a city's over 2, a county's in one (a B2 drain on 2026-12-04 wrote 2.00, 1.85
-- and 1.39 rows a cell; 9.7 for a province's before writer slots).
-- Usage: psql -v reports=1000000 -f bench/ledger-seed.sql (on the aggregator's database, with
-- the aggregator stopped or idle).
\set ON_ERROR_STOP on
CREATE TEMP TABLE county_code (n serial, code char(6));
\copy county_code (code) FROM PROGRAM 'tail -n +2 support/catalog/src/main/resources/cn/shishi/catalog/regions/areas.csv | cut -d, -f1' CSV
SELECT count(*) AS counties FROM county_code \gset

INSERT INTO report (report_id, office_id, region_code, province_code, city_code, program,
                    task_type, quantity, beneficiaries, completed_at, day, note, received_at,
                    processed_at, kafka_partition, kafka_offset, status)
SELECT gen_random_uuid(), 'bench-office-' || (i % 997), c.code, left(c.code, 2), left(c.code, 4),
       (ARRAY['practical-deeds','warm-nest','enterprise-problems','grassroots-burden'])[1 + i % 4],
       (ARRAY['household-visit','lecture','problem-solved','problem-collected','risk-identified','dispute-resolved'])[1 + (i / 4) % 6],
       1 + i % 20, i % 300,
       timestamptz '2022-01-01 10:00+08' + ((i * 7919) % 365) * interval '1 day',
       date '2022-01-01' + ((i * 7919) % 365)::int,
       NULL, now(), now(), i % 12, i, 'COUNTED'
FROM generate_series(1::bigint, :reports) AS i
JOIN county_code c ON c.n = 1 + (i * 31) % :counties;

-- The checks kept before the seed were of another ledger: the first start after it checks all.
DELETE FROM reconciliation_slice_check;
DELETE FROM province_total_shard;
INSERT INTO province_total_shard (province_code, program, task_type, shard, reports, quantity,
                                  beneficiaries)
SELECT province_code, program, task_type, kafka_offset / 24 % 2, count(*), sum(quantity),
       sum(beneficiaries)
FROM report WHERE status = 'COUNTED' GROUP BY 1, 2, 3, 4;
DELETE FROM rollup_shard;
INSERT INTO rollup_shard (region_code, day, program, task_type, region_level, province_code, city_code,
                    shard, reports, quantity, beneficiaries)
SELECT region_code, day, program, task_type, length(region_code), left(region_code, 2),
       CASE WHEN length(region_code) >= 4 THEN left(region_code, 4) END, shard, count(*),
       sum(quantity), sum(beneficiaries)
FROM (SELECT region_code::varchar AS region_code, day, program, task_type, quantity, beneficiaries,
             0 AS shard
        FROM report WHERE status = 'COUNTED'
      UNION ALL SELECT city_code::varchar, day, program, task_type, quantity, beneficiaries,
             kafka_offset / 24 % 2 * 6
        FROM report WHERE status = 'COUNTED'
      UNION ALL SELECT province_code::varchar, day, program, task_type, quantity, beneficiaries,
             kafka_offset / 24 % 2
        FROM report WHERE status = 'COUNTED') AS cells
GROUP BY 1, 2, 3, 4, 8;
DELETE FROM rollup_month_shard;
INSERT INTO rollup_month_shard (region_code, month, program, task_type, region_level, province_code,
                          city_code, shard, reports, quantity, beneficiaries)
SELECT region_code, date_trunc('month', day)::date, program, task_type, region_level,
       province_code, city_code, shard, sum(reports), sum(quantity), sum(beneficiaries)
FROM rollup_shard
GROUP BY region_code, date_trunc('month', day), program, task_type, region_level, province_code,
         city_code, shard;
VACUUM ANALYZE report;
VACUUM ANALYZE rollup_shard;
VACUUM ANALYZE rollup_month_shard;
SELECT (SELECT count(*) FROM report) AS reports, (SELECT count(*) FROM rollup) AS rollup_cells,
       (SELECT count(*) FROM rollup_month) AS month_cells;
