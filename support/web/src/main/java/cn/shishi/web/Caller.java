package cn.shishi.web;

import cn.shishi.catalog.Regions;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from their token: the subject (the person), the roles ({@code groups}), the
 * region claim, normalised to its short code ({@code 330000} is {@code 33}, {@code 330400} is
 * {@code 3304}; {@code 00} is the nation), and the office the person works for ({@code office}: the
 * office's stable id, which owns its reports; a token without it is an office's own, and its
 * subject is the office).
 */
public record Caller(String subject, Set<String> roles, String region, String office) {
  public static final String NATION = "00";
  public static final String REGION_CLAIM = "region";
  public static final String OFFICE_CLAIM = "office";

  public static Caller of(JsonWebToken token) {
    Object region = token.getClaim(REGION_CLAIM);
    Object office = token.getClaim(OFFICE_CLAIM);
    return new Caller(
        token.getSubject(),
        token.getGroups(),
        normalise(region == null ? null : region.toString()),
        office == null ? token.getSubject() : office.toString());
  }

  /** The short code of a region claim, or null when the claim is not a region code. */
  static String normalise(String claim) {
    return Regions.scopeOfClaim(claim);
  }

  /** Whether the region claim covers {@code code}: a 2-, 4- or 6-digit code or prefix. */
  public boolean covers(String code) {
    if (region == null || code == null) {
      return false;
    }
    return NATION.equals(region) || code.startsWith(region);
  }

  /** Whether the claim names one province or a region inside one (not the nation, not absent). */
  public boolean hasProvince() {
    return region != null && !NATION.equals(region);
  }
}
