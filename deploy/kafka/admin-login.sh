#!/bin/sh
# Writes the admin's client login to /tmp/admin.properties, for the Kafka command-line tools
# (--command-config) of the health check and kafka-init.
set -eu
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES
