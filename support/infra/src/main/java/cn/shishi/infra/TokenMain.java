package cn.shishi.infra;

import java.time.Duration;

/**
 * {@code bin/shishi token}: prints a development token.
 *
 * <p>Usage: {@code TokenMain --role office|manager|auditor|admin [--region 330400] [--office
 * jx-office-1] [--subject jx-clerk-wang] [--hours 8]}
 */
public final class TokenMain {
  private TokenMain() {}

  public static void main(String[] args) {
    String role = null;
    String region = null;
    String subject = null;
    String office = null;
    long hours = 8;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--role" -> role = args[i + 1];
        case "--region" -> region = args[i + 1];
        case "--subject" -> subject = args[i + 1];
        case "--office" -> office = args[i + 1];
        case "--hours" -> hours = Long.parseLong(args[i + 1]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (role == null || !role.matches("office|manager|auditor|admin")) {
      usage("--role must be office, manager, auditor or admin");
    }
    if (region == null) {
      region = "00";
    }
    if (!region.matches("\\d{2}|\\d{4}|\\d{6}")) {
      usage("--region is a 2-, 4- or 6-digit code (00 is the nation)");
    }
    if (subject == null) {
      subject = role + "-" + region;
    }
    DevTokens token = DevTokens.token(subject, role, region).validFor(Duration.ofHours(hours));
    // Without --office, the subject names the office too, as for an office with one account.
    System.out.println((office == null ? token : token.office(office)).mint());
  }

  private static void usage(String problem) {
    System.err.println("shishi token: " + problem);
    System.err.println(
        "usage: bin/shishi token --role office|manager|auditor|admin [--region 330400]"
            + " [--office jx-office-1] [--subject jx-clerk-wang] [--hours 8]");
    System.exit(2);
  }
}
