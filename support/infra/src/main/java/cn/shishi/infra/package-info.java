/**
 * Real infrastructure without Docker: a Kafka broker in its own JVM and a PostgreSQL server from
 * embedded binaries, started the same way for the tests and for {@code bin/shishi up}.
 */
package cn.shishi.infra;
