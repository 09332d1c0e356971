package cn.shishi.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

  @Test
  void startsARealBrokerAndDatabaseAndStopsThemCleanly(@TempDir Path home) throws Exception {
    Infrastructure infrastructure =
        Infrastructure.start(InfraSettings.forTests(home, InfraSettings::lookup));
    ProcessHandle broker;
    try (infrastructure) {
      broker = ProcessHandle.of(infrastructure.brokerPid().orElseThrow()).orElseThrow();
      assertThat(
              topicPartitions(infrastructure.bootstrapServers(), cn.shishi.contract.Topics.REPORTS))
          .isEqualTo(12);
      assertThat(
              topicPartitions(infrastructure.bootstrapServers(), cn.shishi.contract.Topics.CATALOG))
          .isEqualTo(1);
      DatabaseEndpoint database = infrastructure.database();
      assertThat(firstValue(database, "SHOW server_version")).startsWith("17.");
      // Byte order, as in production (EmbeddedDatabase says why).
      assertThat(
              firstValue(
                  database,
                  "SELECT datcollate FROM pg_database WHERE datname = current_database()"))
          .isEqualTo("C");
    }
    assertThat(broker.isAlive()).isFalse();
  }

  private static int topicPartitions(String bootstrap, String topic) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      return admin
          .describeTopics(java.util.List.of(topic))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    }
  }

  private static String firstValue(DatabaseEndpoint database, String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        ResultSet result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
