package cn.shishi.contract.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, and the chain's link: each link hashes the previous link and the entry's hash. */
public final class Hashes {
  /** The link before a partition's first entry. */
  public static final byte[] GENESIS = new byte[32];

  // One digest per thread: getInstance costs more than hashing an entry.
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Hashes::create);

  private Hashes() {}

  public static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }

  /** {@code SHA-256(previous || entry)}. */
  public static byte[] link(byte[] previous, byte[] entry) {
    MessageDigest digest = digest();
    digest.update(previous);
    digest.update(entry);
    return digest.digest();
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static MessageDigest digest() {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest;
  }

  private static MessageDigest create() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
