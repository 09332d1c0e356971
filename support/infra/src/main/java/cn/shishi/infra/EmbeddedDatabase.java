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
  private volatile EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path home, int port) {
    this.postgres = postgres;
    this.home = home;
    this.port = port;
  }

  /** Starts PostgreSQL on {@code port} with its data in {@code home/data}, kept if present. */
  public static EmbeddedDatabase start(Path home, int port) {
    // The data directory is never deleted here: the launcher clears a test's home before it
    // starts, and a crash test must be able to restart on the data it left.
    EmbeddedDatabase database = new EmbeddedDatabase(launch(home, port), home, port);
    database.createApplicationDatabase();
    return database;
  }

  private static EmbeddedPostgres launch(Path home, int port) {
    try {
      Path sockets = Files.createDirectories(home.resolve("sockets"));
      return EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(home.resolve("data"))
          .setCleanDataDirectory(false)
          // zonky turns this off for speed; a committed batch must survive a crash.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("unix_socket_directories", sockets.toString())
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "100")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + home, e);
    }
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
    postgres = launch(home, port);
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
      statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
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
