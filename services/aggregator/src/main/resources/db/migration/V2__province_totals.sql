-- All-time totals per province, program and kind of task, maintained in the batch transaction
-- with the daily rollups: what the Prometheus gauges read, a few hundred rows whatever the
-- ledger's size.
CREATE TABLE province_total (
    province_code char(2)     NOT NULL,
    program       varchar(64) NOT NULL,
    task_type     varchar(64) NOT NULL,
    reports       bigint      NOT NULL,
    quantity      bigint      NOT NULL,
    beneficiaries bigint      NOT NULL,
    PRIMARY KEY (province_code, program, task_type)
);

INSERT INTO province_total (province_code, program, task_type, reports, quantity, beneficiaries)
SELECT province_code, program, task_type, sum(reports), sum(quantity), sum(beneficiaries)
FROM rollup WHERE region_level = 2
GROUP BY province_code, program, task_type;
