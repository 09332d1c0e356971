package cn.shishi.contract.partition;

/**
 * The record key of {@code task-reports} (docs/adr/0012): the filing office's city, or its province
 * for a province-level office. An office's reports and their withdrawals share the key, so they
 * share a partition and keep their order, however many partitions the topic has.
 */
public final class PartitionKeys {
  private PartitionKeys() {}

  /** The key of every event an office of {@code officeRegion} (2, 4 or 6 digits) files. */
  public static String ofOffice(String officeRegion) {
    return officeRegion.length() >= 4 ? officeRegion.substring(0, 4) : officeRegion;
  }
}
