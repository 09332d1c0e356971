package cn.shishi.console.session;

import java.util.Set;

/**
 * Who is signed in: the person ({@code subject}), the office they file for ({@code office}), the
 * region their token covers (a 2-, 4- or 6-digit code, {@code 00} for the nation), their roles, and
 * the token the console forwards to the ingest and the aggregator on their behalf.
 */
public record Person(
    String subject, String office, String region, Set<String> roles, String bearerToken) {
  public static final String OFFICE_ROLE = "office";

  public boolean isOffice() {
    return roles.contains(OFFICE_ROLE);
  }

  /** The {@code Authorization} header's value. */
  public String authorization() {
    return "Bearer " + bearerToken;
  }

  /** Whether the person's region covers {@code code} (any level). */
  public boolean covers(String code) {
    return code != null && ("00".equals(region) || code.startsWith(region));
  }

  /**
   * The short code of a region claim as the services read it ({@code 330000} is {@code 33}, {@code
   * 330400} is {@code 3304}); null when it is no region code.
   */
  public static String shortRegion(String claim) {
    if (claim == null || !claim.matches("\\d{2}|\\d{4}|\\d{6}")) {
      return null;
    }
    if (claim.length() == 6 && claim.endsWith("0000")) {
      return claim.substring(0, 2);
    }
    if (claim.length() == 6 && claim.endsWith("00")) {
      return claim.substring(0, 4);
    }
    return claim;
  }
}
