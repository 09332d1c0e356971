package cn.shishi.aggregator.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Dead letters as the API shows them. Bytes are shown as text when they are UTF-8, else base64. */
public final class DeadLetterViews {
  private DeadLetterViews() {}

  /** One dead letter; {@code record} only when it is asked for by id. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Letter(
      long id,
      String state,
      String reason,
      String detail,
      UUID reportId,
      String topic,
      int partition,
      long offset,
      Instant firstSeen,
      Long redrivenFrom,
      Resolution resolution,
      Publication publication,
      Record record) {}

  /** Who decided what, and when. */
  public record Resolution(Instant at, String by, String note) {}

  /** Whether the dead-letter topic has its copy yet. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Publication(Instant publishedAt, int attempts, String lastError) {}

  /** The record as it was read. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Record(Bytes key, Bytes value, List<Header> headers, Long timestamp) {}

  /** A header; its name and value as {@link Bytes}. */
  public record Header(Bytes name, Bytes value) {}

  /** Bytes as UTF-8 text, or base64 when they are not text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Bytes(String text, String base64) {
    static Bytes of(byte[] bytes) {
      if (bytes == null) {
        return null;
      }
      try {
        return new Bytes(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString(),
            null);
      } catch (CharacterCodingException e) {
        return new Bytes(null, Base64.getEncoder().encodeToString(bytes));
      }
    }
  }

  /** A page of dead letters and the cursor of the next. */
  public record Page(List<Letter> deadLetters, Long next) {}

  /** How many dead letters a re-drive by reason sent back, and their ids. */
  public record Redriven(String reason, int redriven, List<Long> ids) {}

  static Letter summary(StoredDeadLetter letter) {
    return letter(letter, null);
  }

  static Letter whole(StoredDeadLetter letter) {
    return letter(
        letter,
        new Record(
            Bytes.of(letter.key()),
            Bytes.of(letter.payload()),
            letter.headers().stream()
                .map(h -> new Header(Bytes.of(h.name()), Bytes.of(h.value())))
                .toList(),
            letter.timestamp()));
  }

  private static Letter letter(StoredDeadLetter letter, Record record) {
    return new Letter(
        letter.id(),
        letter.state().name().toLowerCase(),
        letter.reason(),
        letter.detail(),
        letter.reportId(),
        letter.topic(),
        letter.partition(),
        letter.offset(),
        letter.firstSeen(),
        letter.redrivenFrom(),
        letter.resolvedAt() == null
            ? null
            : new Resolution(letter.resolvedAt(), letter.resolvedBy(), letter.resolution()),
        new Publication(letter.publishedAt(), letter.publishAttempts(), letter.publishError()),
        record);
  }
}
