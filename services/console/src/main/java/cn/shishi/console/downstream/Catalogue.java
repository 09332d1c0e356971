package cn.shishi.console.downstream;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import cn.shishi.console.session.Person;
import cn.shishi.contract.report.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The choices of the forms: regions from the GB/T 2260 catalogue shipped with Shishi, programs and
 * task types from the ingest (an admin may add them at any time), kept for a minute.
 */
@ApplicationScoped
public class Catalogue {
  static final Duration FRESH_FOR = Duration.ofMinutes(1);

  private final Downstream downstream;
  private final Regions regions = Regions.load();
  private volatile Snapshot snapshot;

  public Catalogue(Downstream downstream) {
    this.downstream = downstream;
  }

  /** Programs and task types as the ingest knows them now (or a minute ago). */
  public Snapshot entries(Person person) {
    Snapshot current = snapshot;
    if (current != null && System.nanoTime() - current.fetchedAt < FRESH_FOR.toNanos()) {
      return current;
    }
    Answer programs = downstream.programs(person);
    Answer taskTypes = downstream.taskTypes(person);
    if (!programs.ok() || !taskTypes.ok()) {
      if (current != null) {
        return current;
      }
      throw new ServiceUnavailableException();
    }
    Snapshot fresh = new Snapshot(entries(programs.body()), entries(taskTypes.body()));
    snapshot = fresh;
    return fresh;
  }

  /** Every region a person may report for, top down: their own and all below it. */
  public List<Region> regionsOf(Person person) {
    List<Region> within = new ArrayList<>();
    if ("00".equals(person.region())) {
      collect(null, within);
    } else {
      regions.find(person.region()).ifPresent(own -> within.add(own));
      collect(person.region(), within);
    }
    return within;
  }

  public Regions regions() {
    return regions;
  }

  private void collect(String parent, List<Region> into) {
    for (Region child : regions.children(parent)) {
      into.add(child);
      collect(child.code(), into);
    }
  }

  private static List<CatalogEntry> entries(JsonNode list) {
    List<CatalogEntry> entries = new ArrayList<>();
    for (JsonNode entry : list) {
      entries.add(
          new CatalogEntry(
              entry.path("code").asText(),
              entry.path("name").asText(),
              entry.path("description").asText(),
              entry.path("unit").asText(null)));
    }
    return List.copyOf(entries);
  }

  /** The programs and task types of one moment, with the rules' view of them. */
  public final class Snapshot implements Catalog {
    private final long fetchedAt = System.nanoTime();
    private final List<CatalogEntry> programs;
    private final List<CatalogEntry> taskTypes;
    private final Map<String, CatalogEntry> programByCode;
    private final Map<String, CatalogEntry> taskTypeByCode;

    Snapshot(List<CatalogEntry> programs, List<CatalogEntry> taskTypes) {
      this.programs = programs;
      this.taskTypes = taskTypes;
      this.programByCode = byCode(programs);
      this.taskTypeByCode = byCode(taskTypes);
    }

    public List<CatalogEntry> programs() {
      return programs;
    }

    public List<CatalogEntry> taskTypes() {
      return taskTypes;
    }

    public Optional<CatalogEntry> program(String code) {
      return Optional.ofNullable(code == null ? null : programByCode.get(code));
    }

    public Optional<CatalogEntry> taskType(String code) {
      return Optional.ofNullable(code == null ? null : taskTypeByCode.get(code));
    }

    @Override
    public boolean regionExists(String regionCode) {
      return regions.resolve(regionCode).isPresent();
    }

    @Override
    public boolean programExists(String code) {
      return programByCode.containsKey(code);
    }

    @Override
    public boolean taskTypeExists(String code) {
      return taskTypeByCode.containsKey(code);
    }

    private static Map<String, CatalogEntry> byCode(List<CatalogEntry> entries) {
      return entries.stream()
          .collect(Collectors.toUnmodifiableMap(CatalogEntry::code, Function.identity()));
    }
  }
}
