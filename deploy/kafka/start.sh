#!/bin/sh
# Starts the compose broker: its settings from server.properties with the admin's password, and,
# on the first start, its storage formatted with the SCRAM users (their credentials are part of the
# cluster's metadata). Passwords come from the environment; use letters and digits
# (openssl rand -hex 24).
set -eu
config=/tmp/server.properties
sed "s|@ADMIN_PASSWORD@|$KAFKA_ADMIN_PASSWORD|g" /etc/shishi-kafka/server.properties > "$config"
/etc/shishi-kafka/admin-login.sh
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  /opt/kafka/bin/kafka-storage.sh format --standalone -t "$CLUSTER_ID" -c "$config" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=shishi-ingest,password=$KAFKA_INGEST_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=shishi-aggregator,password=$KAFKA_AGGREGATOR_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=shishi-redrive,password=$KAFKA_REDRIVE_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=shishi-auditor,password=$KAFKA_AUDITOR_PASSWORD]"
fi
# The broker's heap, set here rather than in the container's environment, where the healthcheck's
# tools (a JVM every few seconds) would take the same 768 MB inside the container's limit.
export KAFKA_HEAP_OPTS="-Xms768m -Xmx768m"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
