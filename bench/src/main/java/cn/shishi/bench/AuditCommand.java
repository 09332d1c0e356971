package cn.shishi.bench;

import cn.shishi.contract.Topics;
import cn.shishi.contract.chain.AnchorLog;
import cn.shishi.contract.chain.ChainAnchor;
import cn.shishi.contract.chain.ChainVerifier;
import cn.shishi.contract.chain.ExportVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/shishi audit verify}: checks the ledger's hash chains in a database (read access is
 * enough), held to the heads anchored on Kafka, or an export on its own ({@link ExportVerifier}).
 * Exit 0 when all holds, 1 with the first broken link or mismatch named.
 */
@Command(name = "audit-verify", description = "Verify the ledger's hash chains, or an export.")
final class AuditCommand implements Callable<Integer> {
  private final PrintStream out;

  @Parameters(arity = "0..1", description = "an export (.zip) to check instead of the database")
  Path export;

  @Option(
      names = "--jdbc-url",
      description = "the database (default: $QUARKUS_DATASOURCE_JDBC_URL)")
  String jdbcUrl = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");

  @Option(names = "--user")
  String user = System.getenv("QUARKUS_DATASOURCE_USERNAME");

  @Option(names = "--password")
  String password = System.getenv("QUARKUS_DATASOURCE_PASSWORD");

  @Option(
      names = "--kafka",
      description =
          "the Kafka holding shishi-chain-heads, whose anchors every chain must pass through"
              + " (default: $KAFKA_BOOTSTRAP_SERVERS; without one, anchors are not checked)")
  String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");

  @Option(
      names = "--kafka-config",
      description = "a properties file of consumer settings for that Kafka (a SASL login)")
  Path kafkaConfig;

  AuditCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    return export == null ? database() : export();
  }

  private int database() throws SQLException, IOException {
    if (jdbcUrl == null) {
      throw new IllegalArgumentException("no database: give --jdbc-url (or run bin/shishi up)");
    }
    List<ChainAnchor> anchors = anchors();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      long started = System.nanoTime();
      ChainVerifier.Result result = ChainVerifier.verify(c, anchors);
      out.printf(
          "checked %,d ledger entries in %d chains in %.1f s%n",
          result.entries(), result.heads().size(), (System.nanoTime() - started) / 1e9);
      result.heads().forEach((p, head) -> out.printf("  partition %2d head %s%n", p, head));
      if (result.intact()) {
        out.println("every chain is intact");
        return 0;
      }
      out.println("BROKEN at " + result.broken().get());
      return 1;
    }
  }

  /** The anchors on shishi-chain-heads, or none when no Kafka is given. */
  private List<ChainAnchor> anchors() throws IOException {
    if (kafka == null) {
      out.println("anchors not checked: no Kafka (give --kafka to hold the chains to them)");
      return List.of();
    }
    Map<String, Object> settings = new HashMap<>();
    if (kafkaConfig != null) {
      Properties props = new Properties();
      try (InputStream in = Files.newInputStream(kafkaConfig)) {
        props.load(in);
      }
      props.forEach((key, value) -> settings.put(key.toString(), value));
    }
    settings.put("bootstrap.servers", kafka);
    AnchorLog.Read read = AnchorLog.read(settings);
    out.printf("%,d anchors read from %s%n", read.anchors().size(), Topics.CHAIN_HEADS);
    if (read.unreadable() > 0) {
      out.printf("WARNING: %,d records there are not anchors%n", read.unreadable());
    }
    return read.anchors();
  }

  /** The export on its own: its manifest, its chain excerpt and, in JSON Lines, every row. */
  private int export() throws IOException {
    ExportVerifier.Result result = ExportVerifier.verify(export);
    out.printf(
        "%s: %,d rows; %,d found in the ledger's chains, %,d from before the chains began%n",
        export.getFileName(), result.rows(), result.chained(), result.beforeChain());
    if (result.intact()) {
      out.println(
          result.chained() == 0 && result.rows() > 0
              ? "the export is whole (CSV: its rows are held to the manifest; export JSON Lines"
                  + " to check each row against the chains)"
              : "the export is whole, and every row is as the ledger's chains hold it");
      return 0;
    }
    out.println("BROKEN at " + result.broken().get());
    return 1;
  }
}
