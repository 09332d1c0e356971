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
 * The checked files waiting to be filed, those being filed and those just filed, in this console's
 * memory: bounded in number (a few per office, a few dozen in all) and in time. A file forgotten
 * (the console restarted, or it waited too long) is uploaded again: the same file, unchanged, gives
 * its reports the same ids, so nothing is counted twice.
 */
@ApplicationScoped
public class Uploads {
  static final int PER_OFFICE = 3;

  private final ConsoleConfig.Upload config;
  private final Map<UUID, Upload> held = new LinkedHashMap<>();

  public Uploads(ConsoleConfig config) {
    this.config = config.upload();
  }

  public synchronized Upload hold(String office, String fileName, List<ReportSubmission> reports) {
    forgetExpired();
    // An office makes room among its own files first; then the oldest finished file of any
    // office goes, then the oldest waiting one. A file being filed is never dropped.
    if (held.values().stream().filter(u -> u.office().equals(office)).count() >= PER_OFFICE) {
      dropOldest(u -> u.office().equals(office) && !u.running());
    }
    if (held.size() >= config.maxHeld() && !dropOldest(Upload::finished)) {
      dropOldest(u -> !u.running());
    }
    Upload upload = new Upload(office, fileName, reports);
    held.put(upload.id(), upload);
    return upload;
  }

  /** The upload {@code id} of {@code office}; another office's is not found. */
  public synchronized Optional<Upload> find(UUID id, String office) {
    return Optional.ofNullable(held.get(id)).filter(upload -> upload.office().equals(office));
  }

  private boolean dropOldest(java.util.function.Predicate<Upload> which) {
    Optional<Upload> oldest = held.values().stream().filter(which).findFirst();
    oldest.ifPresent(upload -> held.remove(upload.id()));
    return oldest.isPresent();
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
