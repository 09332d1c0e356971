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

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * Starts PostgreSQL on {@code port} with its data in {@code home/data}; {@code keepData} keeps
   * the data directory between runs.
   */
  public static EmbeddedDatabase start(Path home, int port, boolean keepData) {
    try {
      Path sockets = Files.createDirectories(home.resolve("sockets"));
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(home.resolve("data"))
              .setCleanDataDirectory(!keepData)
              .setServerConfig("unix_socket_directories", sockets.toString())
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "100")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, port);
      database.createApplicationDatabase();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + home, e);
    }
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
