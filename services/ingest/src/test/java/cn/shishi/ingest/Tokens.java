package cn.shishi.ingest;

import cn.shishi.infra.DevTokens;

/** Tokens for tests, signed with the development key the test configuration trusts. */
public final class Tokens {
  private Tokens() {}

  /** The 嘉兴 office the contract sample comes from. */
  public static String jiaxingOffice() {
    return DevTokens.token("jx-office-1", "office", "3304").mint();
  }

  public static String office(String subject, String region) {
    return DevTokens.token(subject, "office", region).mint();
  }

  public static String admin() {
    return DevTokens.token("admin-1", "admin", "00").mint();
  }

  public static String manager(String region) {
    return DevTokens.token("manager-" + region, "manager", region).mint();
  }
}
