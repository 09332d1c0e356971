package cn.shishi.contract.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, and the chain's step: a block's head hashes the previous head and the digest of the
 * block's entry hashes, so that a chain costs two digests per batch beside one per entry.
 */
public final class Hashes {
  /** The head before a partition's first block. */
  public static final byte[] GENESIS = new byte[32];

  // One digest per thread: getInstance costs more than hashing an entry.
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Hashes::newDigest);

  private Hashes() {}

  public static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }

  /**
   * A block's head: {@code SHA-256(previous || SHA-256(entryHashes))}, its entries' hashes
   * concatenated in chain order.
   */
  public static byte[] head(byte[] previous, byte[] entryHashes) {
    byte[] block = sha256(entryHashes);
    MessageDigest digest = digest();
    digest.update(previous);
    digest.update(block);
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

  /** A SHA-256 of its own, for data hashed as it streams (an export's file). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
