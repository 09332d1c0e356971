-- A county's months are summed from its day cells when read, not stored (benchmark B2 in
-- docs/benchmarks.md, 2026-12-03). A batch upserted about 3.7 rollup rows per report, one of them
-- the report's county month cell, which another report of the same batch almost never shares
-- (130,000 county cells for 1,000,000 reports over three days); PostgreSQL's cost per report is
-- proportional to those rows. A county month has at most 31 day cells per program and kind of
-- task, which its key (region_code first) finds together, so reading them is cheap where summing a
-- province's or a city's thousands of day cells was not (B4): their month cells stay.
--
-- rollup_month keeps its columns and meaning: the stored month cells of provinces and cities, and
-- the counties' months summed from rollup (the day cells) in the same snapshot. Every reader (the
-- period closes, the reconciliation, the reporting views) goes on reading one row per cell.
DELETE FROM rollup_month_shard WHERE region_level = 6;

CREATE OR REPLACE VIEW rollup_month AS
SELECT region_code, month, program, task_type, region_level, province_code, city_code,
       sum(reports)::bigint AS reports, sum(quantity)::bigint AS quantity,
       sum(beneficiaries)::bigint AS beneficiaries
FROM rollup_month_shard
WHERE region_level < 6
GROUP BY region_code, month, program, task_type, region_level, province_code, city_code
UNION ALL
SELECT region_code, date_trunc('month', day)::date AS month, program, task_type, region_level,
       province_code, city_code,
       sum(reports)::bigint AS reports, sum(quantity)::bigint AS quantity,
       sum(beneficiaries)::bigint AS beneficiaries
FROM rollup_shard
WHERE region_level = 6
GROUP BY region_code, date_trunc('month', day)::date, program, task_type, region_level,
         province_code, city_code;
