package cn.shishi.aggregator.office;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of an office's reports ended: the last report's receipt time and id, as {@code
 * <epoch microseconds>_<uuid>}. Opaque to callers, who pass back the {@code next} they were given.
 */
public record OfficeCursor(Instant receivedAt, UUID reportId) {

  public static Optional<OfficeCursor> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    int split = text.indexOf('_');
    try {
      long micros = Long.parseLong(text.substring(0, split));
      Instant at =
          Instant.EPOCH
              .plusSeconds(Math.floorDiv(micros, 1_000_000L))
              .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
      return Optional.of(new OfficeCursor(at, UUID.fromString(text.substring(split + 1))));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a cursor: " + text, e);
    }
  }

  /** PostgreSQL keeps microseconds: the cursor keeps exactly those. */
  public String text() {
    long micros =
        Math.addExact(
            Math.multiplyExact(receivedAt.getEpochSecond(), 1_000_000L),
            receivedAt.getNano() / 1_000L);
    return micros + "_" + reportId;
  }
}
