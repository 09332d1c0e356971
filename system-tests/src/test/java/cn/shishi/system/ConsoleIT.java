package cn.shishi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.shishi.infra.TestTokens;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The office console in a real browser (Debian's headless Chromium) against the whole stack: sign
 * in, file through the form, a double submit, spreadsheets with errors and without, twice, a
 * GB18030 CSV, withdrawing from the list, the English switch and a phone's screen. What the pages
 * say is checked against the ledger through the APIs. Each step keeps a screenshot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Pattern CHINESE = Pattern.compile(".*\\p{IsHan}.*", Pattern.DOTALL);
  private static final Path FILES = Path.of("target", "console-files");
  private static final String NANHU = "office-nanhu";
  private static final String JIAXING = "office-jiaxing";
  private static final List<String> JIAXING_REGIONS =
      List.of("330402", "330411", "330421", "330424", "330481", "330482", "330483", "330400");

  private static Stack stack;
  private static ServiceProcess console;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    assertThat(Browser.installed())
        .as("Debian's chromium and chromium-driver (bin/shishi test installs them)")
        .isTrue();
    Files.createDirectories(FILES);
    stack = new Stack("console");
    console = stack.newConsole().start();
    browser = Browser.desktop(console.url(""));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (console != null) {
      console.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void aClerkSignsInFilesAReportAndSeesItCounted() {
    browser.open("/");
    assertThat(browser.path()).isEqualTo("/sign-in");
    browser.screenshot("01-sign-in");
    signIn("clerk-nanhu", NANHU, "330402");

    browser.open("/file");
    fillForm("warm-nest", "household-helped", "2", "5", "为南湖区两户老人完成适老化改造");
    browser.screenshot("02-form");
    String reportId = browser.find("input[name=reportId]").getAttribute("value");
    browser.follow("#submit-report");
    assertThat(browser.path()).isEqualTo("/file/" + reportId);
    browser.screenshot("03-filed");

    awaitStatus(reportId, "counted");
    browser.screenshot("04-my-reports");
    JsonPath trace = trace(NANHU, "330402", reportId);
    assertThat(trace.getInt("report.quantity")).isEqualTo(2);
    assertThat(trace.getString("report.note")).isEqualTo("为南湖区两户老人完成适老化改造");
    assertThat(trace.getString("report.filedBy")).isEqualTo("clerk-nanhu");
  }

  @Test
  @Order(2)
  void aDoubleSubmitCountsOnce() {
    browser.open("/file");
    fillForm("warm-nest", "household-helped", "3", "1", null);
    String reportId = browser.find("input[name=reportId]").getAttribute("value");
    // The first submission goes out as the browser would send it and gets no answer the person
    // sees (as after a network error); the person then clicks again: the same form, the same id.
    assertThat(post("/file", formWith("quantity", "3"))).isEqualTo("redirect");
    browser.follow("#submit-report");
    assertThat(browser.path()).isEqualTo("/file/" + reportId);

    await("the second submission was received and not counted")
        .atMost(Duration.ofSeconds(60))
        .until(() -> trace(NANHU, "330402", reportId).getInt("duplicates") == 1);
    assertThat(trace(NANHU, "330402", reportId).getString("status")).isEqualTo("counted");
    assertThat(officeTotals(NANHU, "330402")).containsExactly(2L, 5L);
  }

  @Test
  @Order(3)
  void fieldErrorsAreShownBesideTheirFieldsInTheClerksLanguage() {
    browser.open("/file");
    fillForm("warm-nest", "household-helped", "0", "1", null);
    browser.follow("#submit-report");
    assertThat(browser.find("#quantity-error").getText()).isEqualTo("须在 1 到 100,000 之间");
    assertThat(browser.find("#quantity").getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("05-form-errors");

    browser.follow("#switch-language");
    browser.open("/file");
    assertThat(browser.find("h1").getText()).isEqualTo("File a completed task");
    fillForm("warm-nest", "household-helped", "0", "1", null);
    browser.follow("#submit-report");
    assertThat(browser.find("#quantity-error").getText())
        .isEqualTo("must be between 1 and 100,000");
    browser.follow("#switch-language");
    assertThat(browser.find("h1").getText()).isEqualTo("填报一项已办实事");
    assertThat(officeTotals(NANHU, "330402")).containsExactly(2L, 5L);
  }

  @Test
  @Order(4)
  void aSpreadsheetIsCheckedWholeFiledOnceAndNeverTwice() throws Exception {
    signOut();
    signIn("clerk-jiaxing", JIAXING, "3304");
    browser.open("/uploads/new");
    browser.screenshot("06-upload");
    byte[] template = download("/uploads/template.xlsx");
    List<String[]> rows = rows(1000, new Random(15));
    Path fixed = FILES.resolve("reports-1000.xlsx");
    Files.write(fixed, fill(template, rows));
    List<String[]> broken = new ArrayList<>(rows);
    broken.set(9, with(rows.get(9), 3, "三"));
    broken.set(499, with(rows.get(499), 1, "no-such-program"));
    broken.set(899, with(rows.get(899), 5, "2026-13-45"));
    Path bad = FILES.resolve("reports-1000-three-bad.xlsx");
    Files.write(bad, fill(template, broken));

    upload(bad);
    List<WebElement> errors = browser.all("#upload-errors tr.row-error");
    assertThat(errors).hasSize(3);
    assertThat(
            errors.stream()
                .map(e -> e.findElement(org.openqa.selenium.By.cssSelector("td")).getText()))
        .containsExactly("11", "501", "901");
    assertThat(errors).allSatisfy(e -> assertThat(e.getText()).matches(CHINESE));
    assertThat(browser.find("#upload-errors").getText())
        .contains("应为整数", "没有“no-such-program”这一项", "日期格式不对");
    browser.screenshot("07-upload-errors");
    assertThat(officeTotals(JIAXING, "3304")).containsExactly(0L, 0L);

    long quantity = rows.stream().mapToLong(r -> Long.parseLong(r[3])).sum();
    upload(fixed);
    assertThat(browser.find("#upload-ready h2").getText()).contains("1000");
    browser.screenshot("08-upload-ready");
    fileUpload();
    browser.screenshot("09-upload-done");
    await("1000 reports counted")
        .atMost(Duration.ofSeconds(120))
        .until(() -> officeTotals(JIAXING, "3304")[0] == 1000);
    assertThat(officeTotals(JIAXING, "3304")).containsExactly(1000L, quantity);

    upload(fixed);
    fileUpload();
    String digest = sha256(Files.readAllBytes(fixed));
    for (int row : new int[] {2, 501, 1001}) {
      UUID id = rowId(JIAXING, digest, row);
      await("row " + row + " delivered again and not counted")
          .atMost(Duration.ofSeconds(60))
          .until(() -> trace(JIAXING, "3304", id.toString()).getInt("duplicates") == 1);
    }
    assertThat(officeTotals(JIAXING, "3304")).containsExactly(1000L, quantity);
  }

  @Test
  @Order(5)
  void aGb18030CsvIsReadAsChinese() throws Exception {
    List<String[]> rows = rows(20, new Random(18030));
    StringBuilder csv = new StringBuilder("行政区划,项目,任务类型,数量,受益人数,完成日期,完成时间,备注\r\n");
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      // A name before the code in brackets, as the template's lists offer them.
      String region = i == 0 ? "南湖区 (330402)" : row[0];
      // Cells left empty, as clerks leave them: quantity 1, no beneficiaries.
      String quantity = i % 5 == 1 ? "" : row[3];
      String beneficiaries = i % 2 == 1 ? "" : row[4];
      csv.append(
              String.join(
                  ",",
                  region,
                  row[1],
                  row[2],
                  quantity,
                  beneficiaries,
                  row[5],
                  row[6],
                  "嘉兴走访：第" + i + "户"))
          .append("\r\n");
    }
    byte[] content = csv.toString().getBytes(Charset.forName("GB18030"));
    assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("嘉兴");
    Path file = FILES.resolve("reports-gb18030.csv");
    Files.write(file, content);
    long before = officeTotals(JIAXING, "3304")[0];

    upload(file);
    assertThat(browser.find("#upload-ready h2").getText()).contains("20");
    fileUpload();
    await("20 more reports counted")
        .atMost(Duration.ofSeconds(60))
        .until(() -> officeTotals(JIAXING, "3304")[0] == before + 20);
    UUID first = rowId(JIAXING, sha256(content), 2);
    JsonPath trace = trace(JIAXING, "3304", first.toString());
    assertThat(trace.getString("report.note")).isEqualTo("嘉兴走访：第0户");
    assertThat(trace.getString("report.regionCode")).isEqualTo("330402");
  }

  @Test
  @Order(6)
  void aClerkWithdrawsAReportFromTheList() {
    browser.open("/reports");
    WebElement row = browser.find("#report-list tr[data-status=counted]");
    String reportId = row.getAttribute("data-report-id");
    long quantity = trace(JIAXING, "3304", reportId).getLong("report.quantity");
    long[] before = officeTotals(JIAXING, "3304");
    row.findElement(org.openqa.selenium.By.cssSelector("details.withdraw summary")).click();
    row.findElement(org.openqa.selenium.By.name("reason")).sendKeys("重复录入");
    browser.screenshot("10-withdraw");
    browser.follow(row.findElement(org.openqa.selenium.By.cssSelector("button.danger")));
    assertThat(browser.find("#withdrawn-notice").getText()).contains(reportId);

    awaitStatus(reportId, "withdrawn");
    browser.screenshot("11-withdrawn");
    assertThat(trace(JIAXING, "3304", reportId).getString("report.withdrawalReason"))
        .isEqualTo("重复录入");
    assertThat(officeTotals(JIAXING, "3304")).containsExactly(before[0] - 1, before[1] - quantity);
  }

  /**
   * A city office chooses the county through the cascade, then corrects the report: the old one is
   * withdrawn, naming the new one, and only the new one counts.
   */
  @Test
  @Order(7)
  void aCityOfficeFilesThroughTheCascadeAndCorrectsTheReport() {
    browser.open("/file");
    assertThat(browser.all("select[id^=region-level-]")).hasSize(2);
    new Select(browser.find("#region-level-1")).selectByValue("330411");
    assertThat(
            new Select(browser.find("#regionCode")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("330411");
    fillForm("practical-deeds", "lecture", "1", "40", "秀洲区政策宣讲");
    browser.screenshot("13-cascade");
    String first = browser.find("input[name=reportId]").getAttribute("value");
    browser.follow("#submit-report");
    awaitStatus(first, "counted");
    assertThat(trace(JIAXING, "3304", first).getString("report.regionCode")).isEqualTo("330411");
    long[] before = officeTotals(JIAXING, "3304");

    browser.follow("#report-list tr[data-report-id='" + first + "'] a.correct");
    assertThat(browser.find("#beneficiaries").getAttribute("value")).isEqualTo("40");
    assertThat(browser.find("#region-level-1").getAttribute("value")).isEqualTo("330411");
    browser.find("#beneficiaries").clear();
    browser.find("#beneficiaries").sendKeys("45");
    String corrected = browser.find("input[name=reportId]").getAttribute("value");
    browser.follow("#submit-report");

    awaitStatus(corrected, "counted");
    awaitStatus(first, "withdrawn");
    assertThat(trace(JIAXING, "3304", first).getString("report.withdrawalReason"))
        .contains(corrected);
    assertThat(trace(JIAXING, "3304", corrected).getInt("report.beneficiaries")).isEqualTo(45);
    assertThat(officeTotals(JIAXING, "3304")).containsExactly(before[0], before[1]);
  }

  @Test
  @Order(8)
  void thePagesFitAPhonesScreen() {
    try (Browser phone = Browser.phone(console.url(""))) {
      phone.open("/sign-in");
      phone.find("#office").clear();
      phone.find("#office").sendKeys(NANHU);
      phone.find("#region").clear();
      phone.find("#region").sendKeys("330402");
      phone.follow("form.stack button[type=submit]");
      for (String page : List.of("/file", "/reports", "/uploads/new")) {
        phone.open(page);
        Object overflow =
            ((JavascriptExecutor) phone.driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue())
            .as("horizontal overflow of " + page)
            .isLessThanOrEqualTo(0);
        Object width =
            ((JavascriptExecutor) phone.driver).executeScript("return window.innerWidth;");
        assertThat(((Number) width).intValue()).isEqualTo(360);
        phone.screenshot("12-phone" + page.replace('/', '-'));
      }
    }
  }

  /**
   * Two forms correcting one report (two clerks, or two tabs) are sent one after the other, before
   * the aggregator has applied the first's withdrawal: they file the same report, counted once. A
   * third form, sent once the report is withdrawn, is refused and changes nothing.
   */
  @Test
  @Order(9)
  void aReportIsCorrectedOnceHoweverManyFormsCorrectIt() {
    browser.open("/file");
    fillForm("warm-nest", "household-helped", "10", "3", null);
    String original = browser.find("input[name=reportId]").getAttribute("value");
    browser.follow("#submit-report");
    awaitStatus(original, "counted");
    long[] before = officeTotals(JIAXING, "3304");

    browser.open("/file?corrects=" + original);
    String correction = browser.find("input[name=reportId]").getAttribute("value");
    assertThat(correction)
        .isEqualTo(
            UUID.nameUUIDFromBytes(
                    (JIAXING + "\ncorrects\n" + original).getBytes(StandardCharsets.UTF_8))
                .toString());
    String six = formWith("quantity", "6");
    String seven = formWith("quantity", "7");
    String late = formWith("quantity", "8");
    assertThat(post("/file", six)).isEqualTo("redirect");
    String second = post("/file", seven);

    awaitStatus(original, "withdrawn");
    awaitStatus(correction, "counted");
    assertThat(trace(JIAXING, "3304", correction).getInt("report.quantity")).isEqualTo(6);
    // Sent before or after the first's withdrawal was applied: either filed again under the same
    // id (a duplicate, not counted) or refused.
    assertThat(second).matches("(?s)redirect|422 .*不能再更正.*");
    assertThat(post("/file", late)).startsWith("422 ").contains("不能再更正");
    assertThat(officeTotals(JIAXING, "3304")).containsExactly(before[0], before[1] - 10 + 6);

    browser.open("/file?corrects=" + original);
    assertThat(browser.find("#form-problem").getText()).contains("不能再更正");
    assertThat(browser.all("input[name=corrects]")).isEmpty();
  }

  /**
   * What a phone's keyboard lets a clerk type into a number field, or a time left half typed, is
   * refused beside its field, never filed as the field's default (1, or noon).
   */
  @Test
  @Order(10)
  void aNumberOrTimeTypedWrongIsRefusedNotFiledAsItsDefault() {
    long[] before = officeTotals(JIAXING, "3304");
    browser.open("/file");
    fillForm("warm-nest", "household-helped", "12e", "1-2", null);
    browser.follow("#submit-report");
    assertThat(browser.find("#quantity-error").getText()).isEqualTo("应为整数");
    assertThat(browser.find("#beneficiaries-error").getText()).isEqualTo("应为整数");

    browser.open("/file");
    fillForm("warm-nest", "household-helped", "2", "0", null);
    WebElement time = browser.find("#completedTime");
    time.click();
    time.sendKeys(Keys.BACK_SPACE);
    browser.find("#submit-report").click();
    assertThat(browser.find("#completedTime-bad-input").getText())
        .isEqualTo("时间格式不对，应为 14:30 这样的形式");
    assertThat(browser.path()).isEqualTo("/file");
    assertThat(officeTotals(JIAXING, "3304")).containsExactly(before[0], before[1]);
  }

  /** A manager's account reads totals elsewhere: every page says so, none fails. */
  @Test
  @Order(11)
  void aManagerIsToldWhereTotalsAreRead() {
    signOut();
    signIn("manager-jiaxing", JIAXING, "3304", "manager");
    for (String page : List.of("/reports", "/file", "/uploads/new")) {
      browser.open(page);
      assertThat(browser.find("h1").getText()).as(page).isEqualTo("此账号只能查看统计");
    }
    assertThat(browser.all("header nav a")).isEmpty();
    signOut();
  }

  // ------------------------------------------------------------------------------------ steps

  private static void signIn(String subject, String office, String region) {
    signIn(subject, office, region, "office");
  }

  private static void signIn(String subject, String office, String region, String role) {
    browser.open("/sign-in");
    browser.find("#subject").clear();
    browser.find("#subject").sendKeys(subject);
    browser.find("#office").clear();
    browser.find("#office").sendKeys(office);
    browser.find("#region").clear();
    browser.find("#region").sendKeys(region);
    new Select(browser.find("#role")).selectByValue(role);
    browser.follow("form.stack button[type=submit]");
    assertThat(browser.path()).as(browser.driver.getPageSource()).isEqualTo("/reports");
  }

  /** Signs out if someone is signed in (a test may run on its own). */
  private static void signOut() {
    browser.open("/reports");
    if (!browser.all("header form.inline button").isEmpty()) {
      browser.follow("header form.inline button");
      assertThat(browser.path()).isEqualTo("/sign-in");
    }
  }

  private static void fillForm(
      String program, String taskType, String quantity, String beneficiaries, String note) {
    new Select(browser.find("#program")).selectByValue(program);
    new Select(browser.find("#taskType")).selectByValue(taskType);
    browser.find("#quantity").clear();
    browser.find("#quantity").sendKeys(quantity);
    browser.find("#beneficiaries").clear();
    browser.find("#beneficiaries").sendKeys(beneficiaries);
    if (note != null) {
      browser.find("#note").sendKeys(note);
    }
  }

  /** The report form on this page as the browser would post it, with {@code field} changed. */
  private static String formWith(String field, String value) {
    return (String)
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "const data = new URLSearchParams(new FormData("
                    + "document.getElementById('report-form')));"
                    + "data.set(arguments[0], arguments[1]); return data.toString();",
                field,
                value);
  }

  /**
   * Posts {@code body} to {@code action} from the page, with its session and its form's CSRF token:
   * "redirect" for a form taken, else the status and the page.
   */
  private static String post(String action, String body) {
    return ((JavascriptExecutor) browser.driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', redirect: 'manual',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: arguments[1]})"
                + ".then(r => r.type === 'opaqueredirect' ? done('redirect')"
                + " : r.text().then(t => done(r.status + ' ' + t)), e => done(String(e)));",
            action,
            body)
        .toString();
  }

  private static void upload(Path file) {
    browser.open("/uploads/new");
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    browser.follow("#check-upload");
  }

  /** Files the checked upload and waits for its page to say it is done. */
  private static void fileUpload() {
    browser.follow("#file-upload");
    assertThat(browser.path()).startsWith("/uploads/");
    await("the upload filed")
        .atMost(Duration.ofSeconds(60))
        // The page reloads itself every second while it files: its elements come and go.
        .ignoreExceptionsInstanceOf(WebDriverException.class)
        .until(() -> "done".equals(browser.find("#upload-state").getAttribute("data-state")));
  }

  private static void awaitStatus(String reportId, String status) {
    await("report " + reportId + " " + status + " in my reports")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptionsInstanceOf(WebDriverException.class)
        .until(
            () -> {
              browser.open("/reports");
              return status.equals(
                  browser
                      .find("#report-list tr[data-report-id='" + reportId + "']")
                      .getAttribute("data-status"));
            });
  }

  /** GETs {@code path} with the browser's session, as a download does. */
  private static byte[] download(String path) throws IOException, InterruptedException {
    Cookie session = browser.driver.manage().getCookieNamed("shishi_dev_session");
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(console.url(path)))
                    .header("Cookie", "shishi_dev_session=" + session.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  // -------------------------------------------------------------------------------- the ledger

  private static JsonPath trace(String office, String region, String reportId) {
    return given()
        .auth()
        .oauth2(TestTokens.clerk("auditing-test", office, region))
        .get(stack.aggregator.url("/api/v1/office/reports/" + reportId))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The office's counted reports and their quantity, over every month. */
  private static long[] officeTotals(String office, String region) {
    JsonPath months =
        given()
            .auth()
            .oauth2(TestTokens.clerk("auditing-test", office, region))
            .get(stack.aggregator.url("/api/v1/office/totals"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Number> reports = months.getList("months.reports", Number.class);
    List<Number> quantity = months.getList("months.quantity", Number.class);
    return new long[] {
      reports.stream().mapToLong(Number::longValue).sum(),
      quantity.stream().mapToLong(Number::longValue).sum()
    };
  }

  // ----------------------------------------------------------------------------- spreadsheets

  /** Realistic rows of a 嘉兴 city office: its counties and itself, the last 25 days. */
  private static List<String[]> rows(int count, Random random) {
    List<String> programs = List.of("practical-deeds", "warm-nest", "households-firms-counties");
    List<String> types =
        List.of("household-visit", "problem-solved", "household-helped", "lecture");
    LocalDate today = LocalDate.now(CHINA);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(
          new String[] {
            JIAXING_REGIONS.get(random.nextInt(JIAXING_REGIONS.size())),
            programs.get(random.nextInt(programs.size())),
            types.get(random.nextInt(types.size())),
            Integer.toString(1 + random.nextInt(5)),
            Integer.toString(random.nextInt(20)),
            today.minusDays(1 + random.nextInt(25)).toString(),
            String.format("%02d:%02d", 8 + random.nextInt(10), random.nextInt(60))
          });
    }
    return rows;
  }

  private static String[] with(String[] row, int column, String value) {
    String[] copy = row.clone();
    copy[column] = value;
    return copy;
  }

  /** The downloaded template with {@code rows} typed into its sheet "报告", as text. */
  private static byte[] fill(byte[] template, List<String[]> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      Sheet sheet = workbook.getSheet("报告");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行政区划");
      assertThat(sheet.getDataValidations()).hasSizeGreaterThanOrEqualTo(3);
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i + 1);
        String[] values = rows.get(i);
        for (int c = 0; c < values.length; c++) {
          if (c == 3 || c == 4) {
            try {
              row.createCell(c).setCellValue(Integer.parseInt(values[c]));
              continue;
            } catch (NumberFormatException e) {
              // typed as text: the check must say so
            }
          }
          row.createCell(c).setCellValue(values[c]);
        }
      }
      workbook.write((OutputStream) out);
      return out.toByteArray();
    }
  }

  /** The id the console gives a row: the office, the file's SHA-256 and the row's number. */
  private static UUID rowId(String office, String digest, int row) {
    return UUID.nameUUIDFromBytes(
        (office + "\n" + digest + "\n" + row).getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
