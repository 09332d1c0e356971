-- Names and units beside codes, for readers that have only SQL (Grafana's PostgreSQL data source).
-- The aggregator keeps it from GB/T 2260 and the catalogue (reporting.Labels).
CREATE TABLE label (
    kind varchar(16) NOT NULL,  -- region, program, task_type
    code varchar(64) NOT NULL,
    name text        NOT NULL,
    unit varchar(16),
    PRIMARY KEY (kind, code)
);

-- What dashboards may read: a few views, never the raw tables. The views run with their owner's
-- rights; the role shishi_reporting gets SELECT on them and nothing else.
CREATE SCHEMA reporting;

-- Month cells of every region level, named: a province's cities are level 4 with parent = the
-- province, a city's counties level 6 with parent = the city (own-level cells included).
CREATE VIEW reporting.region_month AS
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

-- Every target with what the rollups hold for it over its own period.
CREATE VIEW reporting.target_progress AS
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
    SELECT sum(c.quantity) AS quantity FROM rollup c
    WHERE c.region_code = g.region_code AND c.day BETWEEN g.period_from AND g.period_to
      AND c.program = g.program AND c.task_type = g.task_type) AS done ON true
LEFT JOIN label r ON r.kind = 'region' AND r.code = g.region_code
LEFT JOIN label p ON p.kind = 'program' AND p.code = g.program
LEFT JOIN label t ON t.kind = 'task_type' AND t.code = g.task_type;

-- The role exists once per cluster: created here when it is missing and this user may, otherwise
-- by the operator beforehand (docs/operations.md).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shishi_reporting') THEN
        BEGIN
            CREATE ROLE shishi_reporting NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'shishi_reporting is missing and cannot be created here; create it and grant it reporting';
            RETURN;
        END;
    END IF;
    GRANT USAGE ON SCHEMA reporting TO shishi_reporting;
    GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO shishi_reporting;
END
$$;
