package cn.shishi.aggregator.export;

import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.aggregator.jdbc.ReadReplica;
import cn.shishi.aggregator.query.RegionScope;
import cn.shishi.aggregator.query.TaskUnits;
import cn.shishi.contract.chain.Hashes;
import cn.shishi.contract.report.Violation;
import cn.shishi.web.Caller;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.OutsideRegionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Streams a ledger export as a zip of three entries: the data (CSV or JSON Lines), the part of the
 * ledger's chains it sits in ({@link ChainExcerpt}) and its manifest. Rows flow from a server-side
 * cursor to the response, a thousand at a time, so a million rows never sit in memory; the data and
 * the manifest come from one read-only snapshot (repeatable read), so the manifest describes
 * exactly the file beside it.
 */
@ApplicationScoped
public class ExportService {
  private static final int FETCH = 1000;

  private final DataSource dataSource;
  private final TaskUnits units;
  private final ObjectMapper json;
  private final Clock clock;

  public ExportService(
      @io.quarkus.agroal.DataSource(ReadReplica.DATASOURCE) DataSource dataSource,
      TaskUnits units,
      ObjectMapper json,
      Clock clock) {
    this.dataSource = dataSource;
    this.units = units;
    this.json = json;
    this.clock = clock;
  }

  /** The question of an export, checked and kept inside the auditor's region claim. */
  public record Request(
      ExportKind kind, String format, String region, LocalDate from, LocalDate to) {
    String fileName() {
      return kind.path() + "-" + region + "-" + from + "-" + to;
    }
  }

  public Request check(
      String kind, String format, String region, String from, String to, Caller caller) {
    List<Violation> errors = new ArrayList<>();
    ExportKind found = ExportKind.ofPath(kind).orElse(null);
    if (found == null) {
      errors.add(new Violation("/kind", "export.kind"));
    }
    String chosen = format == null || format.isEmpty() ? "csv" : format;
    if (!chosen.equals("csv") && !chosen.equals("jsonl")) {
      errors.add(new Violation("/format", "export.format"));
    }
    String scope = region == null || region.isEmpty() ? caller.region() : region;
    if (scope == null || !scope.matches("00|\\d{2}|\\d{4}|\\d{6}")) {
      errors.add(new Violation("/region", "target.region"));
    }
    LocalDate first = day(from, "/from", errors);
    LocalDate last = day(to, "/to", errors);
    if (first != null && last != null && first.isAfter(last)) {
      errors.add(new Violation("/from", "export.days"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    RegionScope.requireCovers(caller, scope);
    if (!"00".equals(scope) && !found.regional()) {
      throw new OutsideRegionException(
          String.valueOf(caller.region()),
          List.of(
              new Violation(
                  "/region", "region.code-outside", scope, String.valueOf(caller.region()))));
    }
    return new Request(found, chosen, scope, first, last);
  }

  private static LocalDate day(String value, String pointer, List<Violation> errors) {
    try {
      return LocalDate.parse(value);
    } catch (RuntimeException e) {
      errors.add(new Violation(pointer, "export.day"));
      return null;
    }
  }

  /** Writes the zip to {@code out}. */
  public void write(Request request, OutputStream out) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (PreparedStatement select = c.prepareStatement(request.kind().sql())) {
        select.setFetchSize(FETCH);
        bind(select, request);
        Chains chains = chains(c);
        try (ResultSet rows = select.executeQuery()) {
          zip(c, request, rows, chains, out);
        }
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new PersistenceFailure("exporting " + request.kind().path(), e);
    }
  }

  private static void bind(PreparedStatement select, Request request) throws SQLException {
    int next = 1;
    if (request.kind().regional()) {
      String region = request.region();
      select.setString(next++, region);
      select.setString(next++, region.substring(0, 2));
      select.setString(next++, region + "%");
    }
    select.setDate(next++, Date.valueOf(request.from()));
    select.setDate(next, Date.valueOf(request.to()));
  }

  /**
   * The chains' heads and where they begin (hex and offsets, by partition); a partition first read
   * after the chains began (V14) has no {@code chain_from}: its chain starts at 0.
   */
  private record Chains(Map<Integer, String> heads, Map<Integer, Long> from) {}

  /** The chains' heads, read first: the snapshot the rows come from is the same. */
  private static Chains chains(Connection c) throws SQLException {
    Map<Integer, String> heads = new TreeMap<>();
    Map<Integer, Long> from = new TreeMap<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT kafka_partition, chain_head, coalesce(chain_from, 0)"
                    + " FROM consumer_offset");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        byte[] head = row.getBytes(2);
        if (head != null) {
          heads.put(row.getInt(1), HexFormat.of().formatHex(head));
        }
        from.put(row.getInt(1), row.getLong(3));
      }
    }
    return new Chains(heads, from);
  }

  private void zip(Connection c, Request request, ResultSet rows, Chains chains, OutputStream out)
      throws SQLException, IOException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    ExportTally tally = new ExportTally(columns, units.all());
    ChainExcerpt excerpt = new ChainExcerpt(chains.from());
    int partitionColumn = columns.indexOf("kafkaPartition");
    int offsetColumn = columns.indexOf("kafkaOffset");
    String file = request.fileName() + "." + request.format();
    MessageDigest sha256 = Hashes.newDigest();
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(file));
    OutputStream data =
        new BufferedOutputStream(new DigestOutputStream(new KeepOpen(zip), sha256), 1 << 16);
    try (RowWriter writer = RowWriter.of(request.format(), data, columns, json)) {
      Object[] values = new Object[columns.size()];
      while (rows.next()) {
        for (int i = 0; i < values.length; i++) {
          values[i] = value(rows.getObject(i + 1));
        }
        tally.add(values);
        excerpt.row(values[partitionColumn], values[offsetColumn]);
        writer.row(values);
      }
    }
    data.flush();
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(ChainExcerpt.FILE));
    OutputStream chain = new BufferedOutputStream(new KeepOpen(zip), 1 << 16);
    excerpt.write(c, chain, json);
    chain.flush();
    zip.closeEntry();
    Manifest manifest =
        new Manifest(
            request.kind().path(),
            request.format(),
            file,
            request.region(),
            request.from().toString(),
            request.to().toString(),
            clock.instant(),
            tally.rows(),
            HexFormat.of().formatHex(sha256.digest()),
            tally.rowsBy(),
            tally.countedQuantityByUnit(),
            tally.countedBeneficiaries(),
            chains.heads(),
            chains.from(),
            ChainExcerpt.FILE);
    zip.putNextEntry(new ZipEntry("manifest.json"));
    zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    zip.closeEntry();
    zip.finish();
  }

  /** Timestamps as RFC 3339 instants; everything else as the driver gives it. */
  private static Object value(Object value) {
    return value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : value;
  }

  /** Lets the data writer be closed without closing the zip entry's stream. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
