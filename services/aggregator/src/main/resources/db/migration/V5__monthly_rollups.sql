-- Totals per calendar month (month is its first day), region (province, city and county rows),
-- program and kind of task: the daily cells summed, written in the same batch transaction.
-- Questions over whole months and years read these instead of 28 to 31 times as many daily cells
-- (benchmark B4, docs/queries.md).
CREATE TABLE rollup_month (
    region_code   varchar(6)  NOT NULL,
    month         date        NOT NULL CHECK (extract(day FROM month) = 1),
    program       varchar(64) NOT NULL,
    task_type     varchar(64) NOT NULL,
    region_level  smallint    NOT NULL CHECK (region_level IN (2, 4, 6)),
    province_code char(2)     NOT NULL,
    city_code     char(4),
    reports       bigint      NOT NULL,
    quantity      bigint      NOT NULL,
    beneficiaries bigint      NOT NULL,
    PRIMARY KEY (region_code, month, program, task_type)
) WITH (fillfactor = 70);
CREATE INDEX rollup_month_level_month ON rollup_month (region_level, month);
CREATE INDEX rollup_month_province_level_month ON rollup_month (province_code, region_level, month);
CREATE INDEX rollup_month_city_level_month ON rollup_month (city_code, region_level, month);

INSERT INTO rollup_month (region_code, month, program, task_type, region_level, province_code,
                          city_code, reports, quantity, beneficiaries)
SELECT region_code, date_trunc('month', day)::date, program, task_type, region_level,
       province_code, city_code, sum(reports), sum(quantity), sum(beneficiaries)
FROM rollup
GROUP BY region_code, date_trunc('month', day), program, task_type, region_level, province_code,
         city_code;
