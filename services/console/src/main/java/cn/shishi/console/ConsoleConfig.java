package cn.shishi.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/** The console's settings, under {@code shishi.console} (env: {@code SHISHI_CONSOLE_*}). */
@ConfigMapping(prefix = "shishi.console")
public interface ConsoleConfig {

  /** Cookies only over HTTPS; off in the development profiles, which serve plain HTTP. */
  @WithDefault("true")
  boolean secureCookies();

  DevSignIn devSignIn();

  Upload upload();

  Reports reports();

  /** The development sign-in page (profiles dev, test and local only: docs/security.md). */
  interface DevSignIn {
    /** The development key's private half (PEM, PKCS#8); without it the page does not exist. */
    Optional<Path> privateKey();

    /** How long a development sign-in lasts. */
    @WithDefault("PT8H")
    Duration validFor();
  }

  /** Spreadsheet uploads (docs/console.md). */
  interface Upload {
    /** The largest file taken, in bytes. */
    @WithDefault("10485760")
    long maxBytes();

    /** The most rows one file may hold. */
    @WithDefault("10000")
    int maxRows();

    /** Reports per call to the ingest's batch endpoint (its limit is 1,000). */
    @WithDefault("1000")
    int batchSize();

    /** How long a checked file waits to be filed before it is forgotten. */
    @WithDefault("PT30M")
    Duration keepFor();

    /** How many checked files the console holds at once, across every office. */
    @WithDefault("20")
    int maxHeld();
  }

  /** The rules the ingest applies too, so that a preview finds what the ingest would refuse. */
  interface Reports {
    @WithDefault("2021-01-01")
    LocalDate earliestCompletedOn();

    @WithDefault("PT5M")
    Duration maxClockSkew();
  }
}
