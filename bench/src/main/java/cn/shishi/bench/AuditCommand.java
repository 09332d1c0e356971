package cn.shishi.bench;

import cn.shishi.contract.chain.ChainVerifier;
import cn.shishi.contract.chain.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/shishi audit verify}: checks the ledger's hash chains in a database (read access is
 * enough), or that an export is whole (its data file against its manifest). Exit 0 when all holds,
 * 1 with the first broken link or mismatch named.
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

  AuditCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    return export == null ? database() : export();
  }

  private int database() throws SQLException {
    if (jdbcUrl == null) {
      throw new IllegalArgumentException("no database: give --jdbc-url (or run bin/shishi up)");
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      long started = System.nanoTime();
      ChainVerifier.Result result = ChainVerifier.verify(c);
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

  /** The data file's SHA-256 and rows against the manifest written beside it. */
  private int export() throws IOException, NoSuchAlgorithmException {
    JsonNode manifest = null;
    String dataName = null;
    String sha256 = null;
    long lines = 0;
    try (InputStream file = Files.newInputStream(export);
        ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("manifest.json")) {
          manifest = new ObjectMapper().readTree(zip.readAllBytes());
          continue;
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
          digest.update(buffer, 0, n);
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
        }
        dataName = entry.getName();
        sha256 = Hashes.hex(digest.digest());
      }
    }
    if (manifest == null || dataName == null) {
      out.println("BROKEN: the export lacks its data file or its manifest");
      return 1;
    }
    long rows = dataName.endsWith(".csv") ? lines - 1 : lines;
    boolean whole =
        dataName.equals(manifest.path("file").asText())
            && sha256.equals(manifest.path("sha256").asText())
            && rows == manifest.path("rows").asLong();
    out.printf(
        "%s: %,d rows, SHA-256 %s; manifest: %,d rows, SHA-256 %s%n",
        dataName, rows, sha256, manifest.path("rows").asLong(), manifest.path("sha256").asText());
    out.println(
        whole
            ? "the export is whole: " + manifest.toPrettyString()
            : "BROKEN: the data file does not match its manifest");
    return whole ? 0 : 1;
  }
}
