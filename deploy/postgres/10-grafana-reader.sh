#!/bin/sh
# Runs once, when the compose database is first created: the login Grafana's PostgreSQL data source
# uses. It may read the views of the schema reporting (the aggregator's migration V11 grants them
# to shishi_reporting) and nothing else.
set -eu
psql -v ON_ERROR_STOP=1 -v password="$GRAFANA_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE shishi_reporting NOLOGIN;
CREATE ROLE grafana_reader LOGIN PASSWORD :'password' IN ROLE shishi_reporting;
SQL
