package cn.shishi.console.upload;

import cn.shishi.console.ConsoleConfig;
import cn.shishi.contract.report.ReportSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The checked files waiting to be filed, and those being filed, in this console's memory: bounded
 * in number and in time. A file forgotten (the console restarted, or it waited too long) is simply
 * uploaded again: its reports keep their ids, so nothing is counted twice.
 */
@ApplicationScoped
public class Uploads {
  private final ConsoleConfig.Upload config;
  private final Map<UUID, Upload> held = new LinkedHashMap<>();

  public Uploads(ConsoleConfig config) {
    this.config = config.upload();
  }

  public synchronized Upload hold(String office, String fileName, List<ReportSubmission> reports) {
    forgetExpired();
    if (held.size() >= config.maxHeld()) {
      // The oldest that is not being filed makes room (files being filed are never dropped).
      held.values().stream()
          .filter(upload -> !upload.running())
          .findFirst()
          .ifPresent(oldest -> held.remove(oldest.id()));
    }
    Upload upload = new Upload(office, fileName, reports);
    held.put(upload.id(), upload);
    return upload;
  }

  /** The upload {@code id} of {@code office}; another office's is not found. */
  public synchronized Optional<Upload> find(UUID id, String office) {
    return Optional.ofNullable(held.get(id)).filter(upload -> upload.office().equals(office));
  }

  private void forgetExpired() {
    Instant oldest = Instant.now().minus(config.keepFor());
    for (Iterator<Upload> it = held.values().iterator(); it.hasNext(); ) {
      Upload upload = it.next();
      if (!upload.running() && upload.checkedAt().isBefore(oldest)) {
        it.remove();
      }
    }
  }
}
