package cn.shishi.web;

import java.util.HashMap;
import java.util.Map;

/**
 * How to reach and log in to Kafka, taken from the settings every Kafka client of a service shares
 * ({@code kafka.*}, or {@code KAFKA_*} in the environment, as Quarkus collects them): the security
 * protocol, SASL and TLS. The services' own producers start from these and add their tuning, so a
 * broker that requires a login is configured once (docs/security.md).
 */
public final class KafkaConnection {
  private KafkaConnection() {}

  /** The security settings among {@code common}: security.protocol, sasl.*, ssl.*. */
  public static Map<String, Object> securitySettings(Map<String, Object> common) {
    Map<String, Object> security = new HashMap<>();
    common.forEach(
        (key, value) -> {
          if (key.equals("security.protocol")
              || key.startsWith("sasl.")
              || key.startsWith("ssl.")) {
            security.put(key, value);
          }
        });
    return security;
  }
}
