package cn.shishi.aggregator.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The batch statements' array parameters, as PostgreSQL reads them, in binary and as text. */
@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ArrayParameterTest {
  // What an office may write in a note, and what the array's text form must escape.
  private static final String[] TEXTS = {
    "330402", null, "", "为群众办实事：修缮 3 户", "\"quoted\", {braced}, back\\slash", "NULL", " ", "😀"
  };
  private static final long[] NUMBERS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 4_000, -7, 42};

  @Inject DataSource dataSource;

  @Test
  void textsAndNumbersArriveAsTheyWereInBinary() throws SQLException {
    assertThat(unnest(ArrayParameter.texts(TEXTS), ArrayParameter.longs(NUMBERS)))
        .containsExactlyElementsOf(expected());
  }

  @Test
  void theTextFormSaysTheSame() throws SQLException {
    assertThat(
            unnestText(
                ArrayParameter.texts(TEXTS).getValue(), ArrayParameter.longs(NUMBERS).getValue()))
        .containsExactlyElementsOf(expected());
  }

  @Test
  void anEmptyArrayHasNoElements() throws SQLException {
    assertThat(unnest(ArrayParameter.texts(new String[0]), ArrayParameter.longs(new long[0])))
        .isEmpty();
  }

  @Test
  void onlyItsElementsCanBeNull() {
    assertThat(ArrayParameter.texts(new String[] {null}).isNull()).isFalse();
    assertThat(ArrayParameter.texts(new String[] {null}).getValue()).isEqualTo("{NULL}");
  }

  private static List<String> expected() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < TEXTS.length; i++) {
      rows.add(TEXTS[i] + "|" + NUMBERS[i]);
    }
    return rows;
  }

  private List<String> unnest(Object texts, Object numbers) throws SQLException {
    return unnest("?::text[], ?::int8[]", texts, numbers);
  }

  /** The arrays' text forms, bound as text and cast. */
  private List<String> unnestText(String texts, String numbers) throws SQLException {
    return unnest("?::text::text[], ?::text::int8[]", texts, numbers);
  }

  private List<String> unnest(String arrays, Object texts, Object numbers) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT t, n FROM unnest("
                    + arrays
                    + ") WITH ORDINALITY AS u(t, n, i) ORDER BY i")) {
      select.setObject(1, texts);
      select.setObject(2, numbers);
      return rows(select);
    }
  }

  private static List<String> rows(PreparedStatement select) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.add(result.getString(1) + "|" + result.getLong(2));
      }
    }
    return rows;
  }
}
