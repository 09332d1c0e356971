package cn.shishi.system;

import cn.shishi.infra.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads a Shishi database directly, as an auditor with a read-only login would. */
final class Ledger {
  private final DatabaseEndpoint database;
  private final String jdbcUrl;

  Ledger(DatabaseEndpoint database) {
    this(database, database.jdbcUrl());
  }

  private Ledger(DatabaseEndpoint database, String jdbcUrl) {
    this.database = database;
    this.jdbcUrl = jdbcUrl;
  }

  /** This database, with connections that call themselves {@code name} in pg_stat_activity. */
  Ledger named(String name) {
    return new Ledger(
        database, jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name);
  }

  /** The same server's database {@code name}. */
  Ledger database(String name) {
    return new Ledger(database, jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  /** The first column of the first row of {@code sql}, with {@code parameters} bound in order. */
  long count(String sql, Object... parameters) {
    List<String> rows = rows(sql, parameters);
    return rows.isEmpty() || rows.get(0).equals("null") ? 0 : Long.parseLong(rows.get(0));
  }

  /** How many of {@code ids} the ledger holds. */
  long inLedger(Collection<UUID> ids) {
    try (Connection c = connect();
        PreparedStatement select =
            c.prepareStatement("SELECT count(*) FROM report WHERE report_id = ANY(?)")) {
      select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row of {@code sql}, its columns joined with {@code |}. */
  List<String> rows(String sql, Object... parameters) {
    try (Connection c = connect();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        int columns = row.getMetaData().getColumnCount();
        while (row.next()) {
          StringBuilder line = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            line.append(i > 1 ? "|" : "").append(row.getString(i));
          }
          rows.add(line.toString());
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void execute(String sql) {
    try (Connection c = connect();
        var statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * What an exact replay must reproduce: every rollup cell, the ledger's reports with their status
   * and position, the duplicates, withdrawals and dead letters by position. Not the times of
   * processing, which a replay cannot repeat.
   */
  List<String> contents() {
    List<String> all = new ArrayList<>();
    for (String sql :
        List.of(
            "SELECT 'day', region_code, day, program, task_type, reports, quantity, beneficiaries"
                + " FROM rollup WHERE reports <> 0 OR quantity <> 0 OR beneficiaries <> 0"
                + " ORDER BY 2, 3, 4, 5",
            "SELECT 'month', region_code, month, program, task_type, reports, quantity,"
                + " beneficiaries FROM rollup_month WHERE reports <> 0 OR quantity <> 0"
                + " OR beneficiaries <> 0 ORDER BY 2, 3, 4, 5",
            "SELECT 'total', province_code, program, task_type, reports, quantity, beneficiaries"
                + " FROM province_total WHERE reports <> 0 ORDER BY 2, 3, 4",
            "SELECT 'report', report_id, status, quantity, kafka_partition, kafka_offset FROM report"
                + " ORDER BY 2",
            "SELECT 'duplicate', report_id, same_content, kafka_partition, kafka_offset"
                + " FROM report_duplicate ORDER BY 4, 5",
            "SELECT 'withdrawal', report_id, outcome, kafka_partition, kafka_offset"
                + " FROM report_withdrawal ORDER BY 4, 5",
            "SELECT 'dead letter', kafka_partition, kafka_offset, reason, md5(payload)"
                + " FROM dead_letter WHERE topic = 'task-reports' AND redriven_from IS NULL"
                + " ORDER BY 2, 3")) {
      all.addAll(rows(sql));
    }
    return all;
  }

  /**
   * Locks the stored offset of {@code topic}'s {@code partition} as an aggregator's batch does (FOR
   * UPDATE), until the returned lock is closed: the aggregator that applies the partition then
   * waits in the middle of its batch. The row is created first if no batch has yet, as a batch
   * would, so that there is a row to lock.
   */
  AutoCloseable lockOffset(String topic, int partition) throws SQLException {
    Connection c = connect();
    try (PreparedStatement create =
            c.prepareStatement(
                "INSERT INTO consumer_offset (topic, kafka_partition, next_offset, updated_at)"
                    + " VALUES (?, ?, 0, now()) ON CONFLICT DO NOTHING");
        PreparedStatement lock =
            c.prepareStatement(
                "SELECT next_offset FROM consumer_offset WHERE topic = ? AND kafka_partition = ?"
                    + " FOR UPDATE")) {
      create.setString(1, topic);
      create.setInt(2, partition);
      create.executeUpdate();
      c.setAutoCommit(false);
      lock.setString(1, topic);
      lock.setInt(2, partition);
      lock.executeQuery().close();
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return () -> {
      c.commit();
      c.close();
    };
  }

  /** The application names of the connections waiting for a lock on a stored offset. */
  List<String> waitingForOffsets() {
    return rows(
        "SELECT application_name FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            + " AND query LIKE '%FROM consumer_offset o%' ORDER BY query_start");
  }

  /** What each connection to the database is doing: its name, state, wait and statement. */
  List<String> connections() {
    return rows(
        "SELECT application_name, state, wait_event_type, wait_event, left(query, 160)"
            + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            + " ORDER BY application_name");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, database.user(), database.password());
  }
}
