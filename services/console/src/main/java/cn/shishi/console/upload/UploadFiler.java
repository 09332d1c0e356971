package cn.shishi.console.upload;

import cn.shishi.console.ConsoleConfig;
import cn.shishi.console.downstream.Answer;
import cn.shishi.console.downstream.Downstream;
import cn.shishi.console.i18n.ConsoleMessages;
import cn.shishi.console.session.Person;
import cn.shishi.contract.report.ReportSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Files a checked upload in the background, a batch at a time, while its page shows how far it has
 * come. An ingest that is busy (429) or cannot reach Kafka (503) is waited for as long as it says,
 * with the same report ids; what was filed before a failure stays filed, and uploading the file
 * again files only the rest.
 */
@ApplicationScoped
public class UploadFiler {
  static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);
  private static final Logger LOG = Logger.getLogger(UploadFiler.class);

  private final Downstream downstream;
  private final ManagedExecutor executor;
  private final int batchSize;

  public UploadFiler(Downstream downstream, ManagedExecutor executor, ConsoleConfig config) {
    this.downstream = downstream;
    this.executor = executor;
    this.batchSize = config.upload().batchSize();
  }

  /** Starts filing, unless the upload is being filed or was (a second click changes nothing). */
  public void start(Upload upload, Person person, Locale locale, ConsoleMessages messages) {
    if (upload.start()) {
      executor.execute(() -> file(upload, person, locale, messages));
    }
  }

  private void file(Upload upload, Person person, Locale locale, ConsoleMessages messages) {
    List<ReportSubmission> reports = upload.reports();
    try {
      for (int from = 0; from < reports.size(); from += batchSize) {
        List<ReportSubmission> batch =
            reports.subList(from, Math.min(reports.size(), from + batchSize));
        Answer answer = fileWithPatience(batch, person, locale);
        if (!answer.ok()) {
          upload.failed(
              answer.status() == 429 || answer.status() == 503
                  ? messages.busy_try_again()
                  : answer.problem());
          return;
        }
        upload.filed(batch.size());
      }
      upload.done();
      LOG.infof(
          "office %s filed %d reports from an upload in %d ms",
          upload.office(), upload.total(), upload.took().toMillis());
    } catch (RuntimeException e) {
      LOG.errorf(e, "filing upload %s failed", upload.id());
    } finally {
      if (upload.running()) {
        upload.failed(messages.busy_try_again());
      }
    }
  }

  private Answer fileWithPatience(List<ReportSubmission> batch, Person person, Locale locale) {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      Answer answer = downstream.fileBatch(person, locale, batch);
      boolean retry = answer.status() == 429 || answer.status() == 503;
      if (!retry || System.nanoTime() > deadline) {
        return answer;
      }
      pause(answer.retryAfter());
    }
  }

  /** Waits as long as the ingest asked (1 to 10 seconds) before the same batch goes again. */
  private static void pause(String retryAfter) {
    long seconds = 1;
    try {
      seconds = Math.max(1, Math.min(10, Long.parseLong(String.valueOf(retryAfter).trim())));
    } catch (NumberFormatException e) {
      // a date or nothing: a second
    }
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the ingest was busy", e);
    }
  }
}
