package cn.shishi.aggregator.query;

import cn.shishi.contract.report.Violation;
import cn.shishi.web.Caller;
import cn.shishi.web.OutsideRegionException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a manager's questions inside their region claim: without a region filter the claim becomes
 * the filter; a region filter outside the claim is refused (403). Auditors see all.
 */
public final class RegionScope {
  private RegionScope() {}

  /** Auditors and national managers see every region. */
  public static boolean seesNation(Caller caller) {
    return caller.roles().contains("auditor") || Caller.NATION.equals(caller.region());
  }

  /** Refuses a question about the whole nation from a caller who may not see it all. */
  public static void requireNation(Caller caller) {
    if (!seesNation(caller)) {
      throw new OutsideRegionException(
          String.valueOf(caller.region()),
          List.of(
              new Violation("/code", "region.nation-outside", String.valueOf(caller.region()))));
    }
  }

  /**
   * Refuses to act on a region outside the caller's claim (403, naming both); admins act anywhere.
   */
  public static void requireCovers(Caller caller, String region) {
    if (!caller.roles().contains("admin") && !caller.covers(region)) {
      throw new OutsideRegionException(
          String.valueOf(caller.region()),
          List.of(
              new Violation(
                  "/region", "region.code-outside", region, String.valueOf(caller.region()))));
    }
  }

  public static TotalsQuery apply(TotalsQuery query, Caller caller) {
    if (seesNation(caller)) {
      return query;
    }
    if (caller.region() == null) {
      throw new OutsideRegionException("-", List.of(new Violation("", "token.region.missing")));
    }
    Optional<String> finest = query.county().or(query::city).or(query::province);
    if (finest.isEmpty()) {
      return query.withRegion(caller.region());
    }
    if (!caller.covers(finest.get())) {
      String parameter =
          query.county().isPresent() ? "county" : query.city().isPresent() ? "city" : "province";
      throw new OutsideRegionException(
          caller.region(),
          List.of(
              new Violation(
                  "/" + parameter, "region.code-outside", finest.get(), caller.region())));
    }
    return query;
  }
}
