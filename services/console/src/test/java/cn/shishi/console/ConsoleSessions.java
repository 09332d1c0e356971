package cn.shishi.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing in on the development page, as the tests need it. */
public final class ConsoleSessions {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

  private ConsoleSessions() {}

  /** The CSRF token of the form on {@code page}. */
  public static String csrf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
    return matcher.group(1);
  }

  /** Signs a clerk of the office of {@code region} in; the value of their session cookie. */
  public static String officeClerk(String region) {
    Response page = given().get("/sign-in");
    Response signedIn =
        given()
            .redirects()
            .follow(false)
            .cookie("csrf-token", page.getCookie("csrf-token"))
            .formParam("csrf-token", csrf(page.asString()))
            .formParam("subject", "clerk-1")
            .formParam("office", "office-" + region)
            .formParam("region", region)
            .formParam("role", "office")
            .post("/sign-in");
    signedIn.then().statusCode(303);
    return signedIn.getCookie("shishi_dev_session");
  }
}
