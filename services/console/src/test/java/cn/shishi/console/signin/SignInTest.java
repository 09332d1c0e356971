package cn.shishi.console.signin;

import static cn.shishi.console.ConsoleSessions.csrf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The development sign-in, its cookie, CSRF on its form, and the language switch. */
@QuarkusTest
class SignInTest {
  @Test
  void aPageNeedsSomeoneSignedIn() {
    given()
        .redirects()
        .follow(false)
        .get("/reports")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/sign-in"));
  }

  @Test
  void signingInSetsAnHttpOnlyStrictCookieThatThePagesAccept() {
    Response page = given().get("/sign-in");
    page.then().statusCode(200).body(containsString("<html lang=\"zh-CN\">"));
    String csrf = csrf(page.asString());

    Response signedIn =
        given()
            .redirects()
            .follow(false)
            .cookie("csrf-token", page.getCookie("csrf-token"))
            .formParam("csrf-token", csrf)
            .formParam("subject", "clerk-1")
            .formParam("office", "office-330402")
            .formParam("region", "330402")
            .formParam("role", "office")
            .post("/sign-in");
    signedIn.then().statusCode(303).header("Location", endsWith("/reports"));
    String session =
        signedIn.getHeaders().getValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith("shishi_dev_session="))
            .findFirst()
            .orElseThrow();
    assertThat(session).contains("HttpOnly", "SameSite=Strict");

    // Signed in: the page is served; here the services behind it are away, and it says so.
    given()
        .redirects()
        .follow(false)
        .cookie("shishi_dev_session", signedIn.getCookie("shishi_dev_session"))
        .get("/reports")
        .then()
        .statusCode(503)
        .header("Retry-After", "5")
        .body(containsString("后台服务暂时无法连接"));
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefused() {
    given()
        .redirects()
        .follow(false)
        .formParam("subject", "clerk-1")
        .formParam("office", "office-330402")
        .formParam("region", "330402")
        .formParam("role", "office")
        .post("/sign-in")
        .then()
        .statusCode(400);
  }

  @Test
  void aForgedSessionCookieSignsNobodyIn() {
    given()
        .redirects()
        .follow(false)
        .cookie("shishi_dev_session", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
        .get("/reports")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/sign-in"));
  }

  @Test
  void theSwitchRemembersEnglishAndGoesBack() {
    Response switched = given().redirects().follow(false).get("/language/en?back=/sign-in");
    switched.then().statusCode(303).header("Location", endsWith("/sign-in"));
    assertThat(switched.getCookie("shishi_lang")).isEqualTo("en");
    given()
        .cookie("shishi_lang", "en")
        .get("/sign-in")
        .then()
        .statusCode(200)
        .body(containsString("<html lang=\"en\">"), containsString("Sign in"));
  }
}
