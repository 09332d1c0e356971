package cn.shishi.aggregator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureKindTest {

  @ParameterizedTest
  @CsvSource({
    "22021, DATA", // a NUL in text: invalid byte sequence for encoding
    "22001, DATA", // a value too long for its column
    "22008, DATA", // a timestamp out of range
    "23514, DATA", // a check constraint
    "54000, DATA", // a value too large for an index row
    "08006, TRANSIENT", // the connection broke
    "40001, TRANSIENT", // serialization failure
    "40P01, TRANSIENT", // deadlock
    "55P03, TRANSIENT", // lock not available
    "57014, TRANSIENT", // statement timeout
    "57P01, TRANSIENT", // the server shutting down
    "57P03, TRANSIENT", // the server starting
    "42P01, TRANSIENT" // a bug stops the counting rather than dead-letter everything
  })
  void readsTheSqlStateOfTheFailure(String state, FailureKind kind) {
    RuntimeException failure =
        new PersistenceFailure("inserting reports", new SQLException("refused", state));
    assertThat(FailureKind.of(failure)).isEqualTo(kind);
  }

  @Test
  void findsTheStateBehindABatchUpdate() {
    BatchUpdateException batch = new BatchUpdateException("batch failed", null, new int[0]);
    batch.setNextException(new SQLException("value too long", "22001"));
    assertThat(FailureKind.of(new PersistenceFailure("recording", batch)))
        .isEqualTo(FailureKind.DATA);
  }

  @Test
  void anythingWithoutASqlStateIsTransient() {
    assertThat(FailureKind.of(new IllegalStateException("pool exhausted")))
        .isEqualTo(FailureKind.TRANSIENT);
  }
}
