package cn.shishi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The CPU time this JVM has used, all threads and the JIT's and collector's included. */
final class ProcessCpu {
  private ProcessCpu() {}

  /** Nanoseconds of CPU so far, or -1 where the JVM cannot tell. */
  static long nanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean process
        ? process.getProcessCpuTime()
        : -1;
  }
}
