package cn.shishi.console.session;

import cn.shishi.catalog.Regions;
import java.util.Set;

/**
 * Who is signed in: the person ({@code subject}), the office they file for ({@code office}), the
 * region their token covers (a 2-, 4- or 6-digit code, {@code 00} for the nation), their roles, and
 * the token the console forwards to the ingest and the aggregator on their behalf.
 */
public record Person(
    String subject, String office, String region, Set<String> roles, String bearerToken) {
  public static final String OFFICE_ROLE = "office";

  /** Whether the person files for their office (a manager only reads). */
  public boolean canFile() {
    return roles.contains(OFFICE_ROLE);
  }

  /** The {@code Authorization} header's value. */
  public String authorization() {
    return "Bearer " + bearerToken;
  }

  /** Whether the person's region covers {@code code} (any level). */
  public boolean covers(String code) {
    return code != null && region != null && Regions.within(code, region);
  }
}
