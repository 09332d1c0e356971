package cn.shishi.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SASL/SCRAM principal of the project's broker, and the client settings that authenticate as it.
 */
public record KafkaUser(String name, String password) {
  public static final String MECHANISM = "SCRAM-SHA-512";
  public static final String PROTOCOL = "SASL_PLAINTEXT";

  /** The settings a Kafka client needs to connect as this user. */
  public Map<String, Object> clientSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("security.protocol", PROTOCOL);
    settings.put("sasl.mechanism", MECHANISM);
    settings.put("sasl.jaas.config", jaasConfig());
    return settings;
  }

  /** The same settings as a service reads them from its environment ({@code kafka.*}). */
  public Map<String, String> serviceEnvironment() {
    return Map.of(
        "KAFKA_SECURITY_PROTOCOL", PROTOCOL,
        "KAFKA_SASL_MECHANISM", MECHANISM,
        "KAFKA_SASL_JAAS_CONFIG", jaasConfig());
  }

  public String jaasConfig() {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + name
        + "\" password=\""
        + password
        + "\";";
  }

  /** The argument of {@code kafka-storage format --add-scram} that creates this user. */
  String scramArgument() {
    return MECHANISM + "=[name=" + name + ",password=" + password + "]";
  }
}
