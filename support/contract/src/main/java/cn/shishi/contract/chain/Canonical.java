package cn.shishi.contract.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The canonical bytes of a ledger entry: its kind, then each field length-prefixed ({@code
 * 5:abcde;}, {@code ~;} for none), so that no value can be mistaken for two. Instants count in
 * microseconds since the epoch (what PostgreSQL keeps), days are ISO dates, UUIDs lower case.
 */
public final class Canonical {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

  private Canonical(String kind) {
    text(kind);
  }

  public static Canonical of(String kind) {
    return new Canonical(kind);
  }

  public Canonical text(String value) {
    if (value == null) {
      bytes.writeBytes("~;".getBytes(StandardCharsets.US_ASCII));
      return this;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    bytes.writeBytes((utf8.length + ":").getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(utf8);
    bytes.write(';');
    return this;
  }

  public Canonical number(Long value) {
    return text(value == null ? null : value.toString());
  }

  public Canonical number(long value) {
    return text(Long.toString(value));
  }

  public Canonical instant(Instant value) {
    return value == null
        ? text(null)
        : number(
            Math.addExact(
                Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1000));
  }

  public Canonical day(LocalDate value) {
    return text(value == null ? null : value.toString());
  }

  public Canonical uuid(UUID value) {
    return text(value == null ? null : value.toString());
  }

  public Canonical flag(Boolean value) {
    return text(value == null ? null : value.toString());
  }

  /** Binary fields (a dead letter's key and payload) enter as their SHA-256. */
  public Canonical binary(byte[] value) {
    return text(value == null ? null : Hashes.hex(Hashes.sha256(value)));
  }

  public byte[] toBytes() {
    return bytes.toByteArray();
  }
}
