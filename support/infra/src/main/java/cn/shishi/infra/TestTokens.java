package cn.shishi.infra;

/** Tokens by role for the tests, signed with the development key their configuration trusts. */
public final class TestTokens {
  private TestTokens() {}

  /** The 嘉兴 office the contract sample comes from. */
  public static String jiaxingOffice() {
    return office("jx-office-1", "3304");
  }

  /** An office of {@code region}, named after it. */
  public static String office(String region) {
    return office("office-" + region, region);
  }

  public static String office(String subject, String region) {
    return DevTokens.token(subject, "office", region).mint();
  }

  /** A person of an office: the {@code office} claim names the office, the subject the person. */
  public static String clerk(String person, String office, String region) {
    return DevTokens.token(person, "office", region).office(office).mint();
  }

  public static String manager(String region) {
    return DevTokens.token("manager-" + region, "manager", region).mint();
  }

  public static String auditor() {
    return DevTokens.token("auditor-1", "auditor", "00").mint();
  }

  public static String admin() {
    return DevTokens.token("admin-1", "admin", "00").mint();
  }
}
