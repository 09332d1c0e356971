package cn.shishi.bench;

import cn.shishi.infra.DevTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code console-upload}: benchmark B7. Signs in to the console (development sign-in) as a new 嘉兴
 * office, uploads an .xlsx of {@code --rows} realistic rows, files it, and times the check, the
 * filing (every report acknowledged by Kafka) and the counting (every report in the office's
 * totals), as a clerk would wait for them.
 */
@Command(name = "console-upload")
final class UploadCommand implements Callable<Integer> {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
  private static final Pattern FILING =
      Pattern.compile("action=\"/uploads/([0-9a-f-]{36})/filing\"");
  private static final List<String> COUNTIES =
      List.of("330402", "330411", "330421", "330424", "330481", "330482", "330483");

  private final PrintStream out;

  @Option(names = "--console", defaultValue = "http://127.0.0.1:8082")
  private String console;

  @Option(names = "--aggregator", defaultValue = "http://127.0.0.1:8081")
  private String aggregator;

  @Option(names = "--rows", defaultValue = "10000")
  private int rows;

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  UploadCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    String office = "bench-upload-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] xlsx = workbook(rows, new Random(7));
    out.printf(
        "B7: %d rows, %d KiB .xlsx, office %s (region 3304)%n", rows, xlsx.length / 1024, office);
    signIn(office);
    String token = csrf(get("/uploads/new"));

    long start = System.nanoTime();
    HttpResponse<String> checked = post("/uploads", multipart(token, xlsx));
    Matcher filing = FILING.matcher(checked.body());
    if (checked.statusCode() != 200 || !filing.find()) {
      out.println("B7: the console did not accept the file: HTTP " + checked.statusCode());
      return Main.CHECK_FAILED;
    }
    long checkedAt = System.nanoTime();
    String id = filing.group(1);
    post("/uploads/" + id + "/filing", form(Map.of("csrf-token", token)));
    String state;
    do {
      Thread.sleep(100);
      state = between(get("/uploads/" + id), "data-state=\"", "\"");
    } while ("filing".equals(state));
    long filedAt = System.nanoTime();
    if (!"done".equals(state)) {
      out.println("B7: filing ended " + state);
      return Main.CHECK_FAILED;
    }
    String officeToken = DevTokens.token("bench", "office", "3304").office(office).mint();
    while (countedReports(officeToken) < rows) {
      Thread.sleep(100);
    }
    long countedAt = System.nanoTime();
    out.printf(
        "B7: checked in %d ms, filed (Kafka acknowledged) after %d ms, counted after %d ms%n",
        millis(start, checkedAt), millis(start, filedAt), millis(start, countedAt));
    return Main.OK;
  }

  private void signIn(String office) throws IOException, InterruptedException {
    String token = csrf(get("/sign-in"));
    HttpResponse<String> signedIn =
        post(
            "/sign-in",
            form(
                Map.of(
                    "csrf-token", token,
                    "subject", "bench-clerk",
                    "office", office,
                    "region", "3304",
                    "role", "office")));
    if (signedIn.statusCode() != 303) {
      throw new IllegalStateException("sign-in failed: HTTP " + signedIn.statusCode());
    }
  }

  private long countedReports(String token) throws IOException, InterruptedException {
    HttpResponse<String> totals =
        http.send(
            HttpRequest.newBuilder(URI.create(aggregator + "/api/v1/office/totals"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher reports = Pattern.compile("\"reports\":(\\d+)").matcher(totals.body());
    long sum = 0;
    while (reports.find()) {
      sum += Long.parseLong(reports.group(1));
    }
    return sum;
  }

  private String get(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(console + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private HttpResponse<String> post(String path, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.uri(URI.create(console + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder form(Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder()
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder multipart(String csrf, byte[] xlsx) throws IOException {
    String boundary = "shishi-bench-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n"
                + csrf
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reports.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(xlsx);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder()
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** Rows as a clerk fills the template: a county, a program, a kind of task, the last 25 days. */
  static byte[] workbook(int rows, Random random) throws IOException {
    List<String> programs = List.of("practical-deeds", "warm-nest", "households-firms-counties");
    List<String> types =
        List.of("household-visit", "problem-solved", "household-helped", "lecture");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("报告");
      String[] header = {"行政区划", "项目", "任务类型", "数量", "受益人数", "完成日期", "完成时间", "备注"};
      Row first = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        first.createCell(c).setCellValue(header[c]);
      }
      for (int i = 1; i <= rows; i++) {
        Row row = sheet.createRow(i);
        row.createCell(0).setCellValue(COUNTIES.get(random.nextInt(COUNTIES.size())));
        row.createCell(1).setCellValue(programs.get(random.nextInt(programs.size())));
        row.createCell(2).setCellValue(types.get(random.nextInt(types.size())));
        row.createCell(3).setCellValue(1 + random.nextInt(5));
        row.createCell(4).setCellValue(random.nextInt(20));
        row.createCell(5).setCellValue(today.minusDays(1 + random.nextInt(25)).toString());
        row.createCell(6)
            .setCellValue(String.format("%02d:%02d", 8 + random.nextInt(10), random.nextInt(60)));
        row.createCell(7).setCellValue("第" + i + "户走访记录");
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static String csrf(String page) {
    Matcher matcher = CSRF.matcher(page);
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return matcher.group(1);
  }

  private static String between(String text, String before, String after) {
    int start = text.indexOf(before);
    if (start < 0) {
      return "";
    }
    start += before.length();
    return text.substring(start, text.indexOf(after, start));
  }

  private static long millis(long from, long to) {
    return Duration.ofNanos(to - from).toMillis();
  }
}
