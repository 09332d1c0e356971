package cn.shishi.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver ({@code bin/shishi test} installs
 * both): no browser is downloaded. Every page a test visits can be kept as a screenshot under
 * {@code target/screenshots}, which docs/console.md shows.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  final WebDriver driver;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A desktop browser window, 1280 by 900. */
  static Browser desktop(String base) {
    ChromeOptions options = options();
    options.addArguments("--window-size=1280,900");
    return new Browser(start(options), base);
  }

  /** A phone's screen: 360 CSS pixels wide, as the narrowest common Android phones are. */
  static Browser phone(String base) {
    ChromeOptions options = options();
    options.setExperimentalOption(
        "mobileEmulation",
        Map.of("deviceMetrics", Map.of("width", 360, "height", 780, "pixelRatio", 2.0)));
    return new Browser(start(options), base);
  }

  private static ChromeOptions options() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    Path profile;
    try {
      profile = Files.createTempDirectory("shishi-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // This machine's network is closed: without the background-networking switches Chromium
    // keeps trying Google's services. The sandbox needs user namespaces CI does not grant root.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=zh-CN",
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    return options;
  }

  private static WebDriver start(ChromeOptions options) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** Whether Debian's Chromium and chromedriver are installed. */
  static boolean installed() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  void open(String path) {
    driver.get(base + path);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  java.util.List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /**
   * Clicks what leads to another page (a link, a form's button) and waits until that page has
   * replaced this one: a click that submits a form may return before the browser has navigated.
   */
  void follow(WebElement element) {
    // A mark on this page's window object: the next page's window does not have it. (Waiting
    // for the old <html> element to go stale raced with Chromium, which may answer "node does
    // not belong to the document" instead of "stale" while the old page is torn down.)
    JavascriptExecutor script = (JavascriptExecutor) driver;
    script.executeScript("window.shishiLeaving = true;");
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    script.executeScript(
                        "return window.shishiLeaving === undefined"
                            + " && document.readyState === 'complete';")));
  }

  void follow(String css) {
    follow(find(css));
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Keeps what the browser shows as {@code target/screenshots/<name>.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
