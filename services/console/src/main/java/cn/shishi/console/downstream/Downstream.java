package cn.shishi.console.downstream;

import cn.shishi.console.i18n.Language;
import cn.shishi.console.session.Person;
import cn.shishi.contract.report.ReportSubmission;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls the console makes on the signed-in person's behalf, each with their token and their
 * language. A service that cannot be reached answers 503, as one that is overloaded does.
 */
@ApplicationScoped
public class Downstream {
  private final IngestApi ingest;
  private final AggregatorApi aggregator;
  private final ObjectMapper json;

  public Downstream(
      @RestClient IngestApi ingest, @RestClient AggregatorApi aggregator, ObjectMapper json) {
    this.ingest = ingest;
    this.aggregator = aggregator;
    this.json = json;
  }

  public Answer file(Person person, Locale locale, ReportSubmission report) {
    return call(() -> ingest.file(person.authorization(), lang(locale), report));
  }

  public Answer fileBatch(Person person, Locale locale, List<ReportSubmission> reports) {
    return call(
        () -> ingest.fileBatch(person.authorization(), lang(locale), new IngestApi.Batch(reports)));
  }

  public Answer withdraw(Person person, Locale locale, UUID reportId, String reason) {
    return call(
        () ->
            ingest.withdraw(
                person.authorization(), lang(locale), reportId, new IngestApi.Withdrawal(reason)));
  }

  public Answer programs(Person person) {
    return call(() -> ingest.programs(person.authorization()));
  }

  public Answer taskTypes(Person person) {
    return call(() -> ingest.taskTypes(person.authorization()));
  }

  public Answer reports(
      Person person, Locale locale, ReportFilter filter, String before, int limit) {
    return call(
        () ->
            aggregator.reports(
                person.authorization(),
                lang(locale),
                filter.program(),
                filter.taskType(),
                day(filter.from()),
                day(filter.to()),
                before,
                limit));
  }

  public Answer report(Person person, Locale locale, UUID reportId) {
    return call(() -> aggregator.report(person.authorization(), lang(locale), reportId));
  }

  public Answer totals(Person person, Locale locale, ReportFilter filter) {
    return call(
        () ->
            aggregator.totals(
                person.authorization(),
                lang(locale),
                filter.program(),
                filter.taskType(),
                day(filter.from()),
                day(filter.to())));
  }

  private Answer call(Supplier<jakarta.ws.rs.core.Response> request) {
    try {
      return Answer.of(request.get(), json);
    } catch (ProcessingException e) {
      return new Answer(
          503, json.createObjectNode().put("detail", e.getClass().getSimpleName()), "5");
    }
  }

  private static String lang(Locale locale) {
    return Language.tag(locale);
  }

  private static String day(LocalDate day) {
    return day == null ? null : day.toString();
  }
}
