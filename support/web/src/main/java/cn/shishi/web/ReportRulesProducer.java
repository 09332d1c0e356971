package cn.shishi.web;

import cn.shishi.contract.report.ReportValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The service's clock and the report rules over this instance's catalogue. */
@ApplicationScoped
public class ReportRulesProducer {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  ReportValidator validator(RegistryCatalog catalog, Clock clock, ReportRulesConfig config) {
    return new ReportValidator(catalog, clock, config.earliestCompletedOn(), config.maxClockSkew());
  }
}
