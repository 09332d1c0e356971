package cn.shishi.web;

import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

/**
 * Lets Kafka's lz4 codec use lz4-java's native library in a Quarkus application.
 *
 * <p>Kafka asks {@code LZ4Factory.fastestInstance()} for a compressor for every batch, and that
 * picks the native library only once it is loaded or when lz4-java was loaded by the system class
 * loader. Under Quarkus's runner neither holds, so every batch was compressed by the pure-Java
 * "safe" compressor, 1.3 µs a report against 0.4 µs native (docs/benchmarks.md, B1), while Kafka's
 * own tools, on the system class loader, use the native one. Loading it once at start fixes the
 * choice for the whole process, decompression included (lz4-java's bounds-checked "safe" native
 * decompressor). Where the library cannot be loaded (no writable temporary directory, an
 * unsupported platform), the pure-Java codec goes on as before.
 */
public final class NativeLz4 {
  private static final Logger LOG = Logger.getLogger(NativeLz4.class);

  private NativeLz4() {}

  /** Loads the native library if it can; returns the implementation Kafka will use from now on. */
  public static String load() {
    try {
      LZ4Factory.nativeInstance();
    } catch (AssertionError | LinkageError | RuntimeException e) {
      // lz4-java wraps what stopped the library in an AssertionError, or lets a linkage error
      // (UnsatisfiedLinkError, NoClassDefFoundError on a later try) through.
      LOG.warnf("lz4 stays pure Java: the native library did not load (%s)", e.toString());
    }
    return LZ4Factory.fastestInstance().toString();
  }
}
