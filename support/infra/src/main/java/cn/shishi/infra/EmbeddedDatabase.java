package cn.shishi.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's packaging of the official binaries) with one application
 * database. With a kept data directory it survives restarts, which is what the local run wants.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "shishi";
  static final String USER = "postgres";

  private final Path home;
  private final int port;
  private final boolean durable;
  private volatile EmbeddedPostgres postgres;

  private EmbeddedDatabase(Path home, int port, boolean durable) {
    this.home = home;
    this.port = port;
    this.durable = durable;
    this.postgres = launch();
  }

  /**
   * Starts PostgreSQL on {@code port} with its data in {@code home/data}, kept if present. A {@code
   * durable} server (the local run, whose data outlives it) flushes every commit to disk and gets
   * memory for a large ledger; the tests' throw-away servers keep zonky's faster defaults.
   */
  public static EmbeddedDatabase start(Path home, int port, boolean durable) {
    // The data directory is never deleted here: the launcher clears a test's home before it
    // starts, and a crash test must be able to restart on the data it left.
    EmbeddedDatabase database = new EmbeddedDatabase(home, port, durable);
    database.createApplicationDatabase();
    return database;
  }

  private EmbeddedPostgres launch() {
    try {
      Path sockets = Files.createDirectories(home.resolve("sockets"));
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(home.resolve("data"))
              .setCleanDataDirectory(false)
              // zonky turns this off for speed; a committed batch must survive a crash.
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("unix_socket_directories", sockets.toString())
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "100")
              .setPGStartupWait(Duration.ofSeconds(60));
      if (durable) {
        // zonky's fsync=off survives a killed server but not a power cut.
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("shared_buffers", sharedBuffers())
            // Draining a backlog writes gigabytes of WAL: fewer, spread checkpoints.
            .setServerConfig("max_wal_size", "4GB")
            .setServerConfig("checkpoint_timeout", "15min")
            .setServerConfig("wal_compression", "on");
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + home, e);
    }
  }

  private static String sharedBuffers() {
    String configured = InfraSettings.lookup("SHISHI_POSTGRES_SHARED_BUFFERS");
    return configured == null ? "1GB" : configured;
  }

  /**
   * Kills the server without warning (SIGKILL to the postmaster), as a crash or a power cut would;
   * {@link #restart} brings it back on its data, which it recovers from the WAL.
   */
  public void crash() {
    try {
      long pid =
          Long.parseLong(
              Files.readAllLines(home.resolve("data").resolve("postmaster.pid")).get(0).trim());
      ProcessHandle.of(pid)
          .ifPresent(
              postmaster -> {
                postmaster.destroyForcibly();
                postmaster.onExit().join();
              });
      // Releases zonky's lock on the data directory; its stop finds no server and says so.
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("no postmaster.pid in " + home, e);
    }
  }

  /** Starts the server again on the same data directory and port. */
  public void restart() {
    postgres = launch();
  }

  public DatabaseEndpoint endpoint() {
    return new DatabaseEndpoint(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, "postgres");
  }

  private void createApplicationDatabase() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (exists.next()) {
          return;
        }
      }
      // Text compared byte by byte, as CloudNativePG's clusters do by default (deploy/k8s): under a
      // libc locale such as C.UTF-8 every comparison of a key's codes goes through strcoll, which
      // cost a rollup upsert 6-7 % more (docs/benchmarks.md, B2, 2026-12-04). The order is the same
      // for UTF-8; character classes (LC_CTYPE) stay the server's.
      statement.execute(
          "CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' LC_COLLATE 'C' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + DATABASE, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop PostgreSQL", e);
    }
  }
}
