-- A county's month cells are stored again: V17 undone. V17 saved a batch about one upserted row per
-- report (benchmark B2), but a question about a city's counties in one month then read a county's
-- every day cell, 2,500 to 3,700 rows each on its own heap page where the month cells are a hundred
-- (benchmark B4 in docs/benchmarks.md, 2026-12-03: 132 ms with the pages not in memory against a
-- target of 20 ms at the 99th percentile). Dashboards ask that question all day; the write path's
-- cost is sought elsewhere.
--
-- Each shard's county month cells are summed from the same shard's day cells: the writer sent a
-- county's day and month changes to the same shard (V15), so the rows are the ones it would have
-- written.
INSERT INTO rollup_month_shard (region_code, month, program, task_type, shard, region_level,
                                province_code, city_code, reports, quantity, beneficiaries)
SELECT region_code, date_trunc('month', day)::date, program, task_type, shard, region_level,
       province_code, city_code, sum(reports), sum(quantity), sum(beneficiaries)
FROM rollup_shard
WHERE region_level = 6
GROUP BY region_code, date_trunc('month', day)::date, program, task_type, shard, region_level,
         province_code, city_code;

CREATE OR REPLACE VIEW rollup_month AS
SELECT region_code, month, program, task_type, region_level, province_code, city_code,
       sum(reports)::bigint AS reports, sum(quantity)::bigint AS quantity,
       sum(beneficiaries)::bigint AS beneficiaries
FROM rollup_month_shard
GROUP BY region_code, month, program, task_type, region_level, province_code, city_code;
