package cn.shishi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

  @Test
  void everyTextIsInBothLanguagesWithTheSameArguments() throws IOException {
    Properties english = load("messages.properties");
    Properties chinese = load("messages_zh.properties");
    assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertThat(arguments(chinese.getProperty(key)))
          .as(key)
          .isEqualTo(arguments(english.getProperty(key)));
      // Each pattern must be one that MessageFormat takes.
      new MessageFormat(english.getProperty(key), Locale.ENGLISH);
      new MessageFormat(chinese.getProperty(key), Locale.SIMPLIFIED_CHINESE);
    }
  }

  @Test
  void choosesTheCallersLanguageNotTheMachines() {
    Locale machine = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(Messages.text(Messages.ENGLISH, "number.between", 1, 1000))
          .isEqualTo("must be between 1 and 1,000");
      assertThat(Messages.text(Messages.CHINESE, "number.between", 1, 1000))
          .isEqualTo("须在 1 到 1,000 之间");
      // A language without texts of its own gets English.
      assertThat(Messages.text(Locale.FRENCH, "field.required")).isEqualTo("is required");
    } finally {
      Locale.setDefault(machine);
    }
  }

  @Test
  void apostrophesAndQuotedArgumentsSurviveFormatting() {
    assertThat(Messages.text(Messages.ENGLISH, "report.program.unknown", "x"))
        .isEqualTo("unknown program 'x'; see GET /api/v1/catalog");
    assertThat(Messages.text(Messages.CHINESE, "report.program.unknown", "x"))
        .isEqualTo("未知的项目“x”，请查看 GET /api/v1/catalog");
  }

  private static Set<String> arguments(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = ARGUMENT.matcher(pattern);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
