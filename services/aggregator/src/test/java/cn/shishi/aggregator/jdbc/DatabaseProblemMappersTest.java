package cn.shishi.aggregator.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is out of reach" (503, try again) and which do not (500). */
class DatabaseProblemMappersTest {
  @Test
  void noConnectionAShutdownOrAnEmptyPoolIsAnOutage() {
    assertThat(unreachable(new SQLException("An I/O error occurred", "08006"))).isTrue();
    assertThat(unreachable(new SQLException("terminating connection", "57P01"))).isTrue();
    assertThat(unreachable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    assertThat(
            DatabaseProblemMappers.unreachable(
                new IllegalStateException(
                    "could not prepare", new SQLException("connection refused", "08001"))))
        .isTrue();
  }

  @Test
  void aRefusedValueOrATimeoutIsNot() {
    assertThat(unreachable(new SQLException("invalid byte sequence", "22021"))).isFalse();
    assertThat(unreachable(new SQLException("canceling statement", "57014"))).isFalse();
    assertThat(DatabaseProblemMappers.unreachable(new IllegalStateException("no"))).isFalse();
  }

  private static boolean unreachable(SQLException e) {
    return DatabaseProblemMappers.unreachable(new PersistenceFailure("reading", e));
  }
}
