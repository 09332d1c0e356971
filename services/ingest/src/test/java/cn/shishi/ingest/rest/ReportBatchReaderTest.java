package cn.shishi.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.shishi.ingest.domain.ReportBatch;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader answers as Quarkus REST's own JSON reader does, which the problem mappers expect: no
 * batch for an empty body, the mapper's exception for a body of the wrong shape, a 400 wrapping it
 * for malformed JSON.
 */
class ReportBatchReaderTest {
  private static final ObjectMapper JSON = ApplicationMapper.create();

  private final ReportBatchReader reader = new ReportBatchReader(new ReportBatchDecoder(JSON));

  private ReportBatch read(String body) throws IOException {
    return (ReportBatch) DecodingComparison.read(reader, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsABatch() throws IOException {
    assertThat(read(BatchBodies.report(BatchBodies.plainReport())).reports()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t "})
  void readsNoBatchFromAnEmptyBody(String body) throws IOException {
    assertThat(read(body)).isNull();
  }

  @Test
  void throwsTheMappersExceptionForAValueOfTheWrongType() {
    assertThat(catchThrowable(() -> read(BatchBodies.report("\"quantity\": \"2\""))))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageStartingWith("must be an integer");
    assertThat(catchThrowable(() -> read(BatchBodies.report("\"officeId\": \"x\""))))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"reports\": [", "{\"reports\": [], \"reports\": []}", "{'a': 1}"})
  void wrapsMalformedJsonInABadRequest(String body) {
    Throwable thrown = catchThrowable(() -> read(body));
    assertThat(thrown).isInstanceOf(WebApplicationException.class);
    assertThat(((WebApplicationException) thrown).getResponse().getStatus()).isEqualTo(400);
    assertThat(thrown.getCause())
        .isInstanceOfAny(StreamReadException.class, DatabindException.class);
  }
}
