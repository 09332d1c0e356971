package cn.shishi.aggregator.export;

import cn.shishi.web.Csv;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes rows as CSV (a header line, RFC 4180, text neutralised) or as JSON Lines. */
abstract class RowWriter implements AutoCloseable {
  static RowWriter of(String format, OutputStream out, List<String> columns, ObjectMapper json)
      throws IOException {
    return "jsonl".equals(format) ? new JsonLines(out, columns, json) : new CsvRows(out, columns);
  }

  abstract void row(Object[] values) throws IOException;

  @Override
  public abstract void close() throws IOException;

  private static final class CsvRows extends RowWriter {
    private final Writer out;

    CsvRows(OutputStream out, List<String> columns) throws IOException {
      this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      write(columns.toArray());
    }

    @Override
    void row(Object[] values) throws IOException {
      write(values);
    }

    private void write(Object[] values) throws IOException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        Object value = values[i];
        out.write(value instanceof Number number ? number.toString() : Csv.text(value));
      }
      out.write("\r\n");
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private static final class JsonLines extends RowWriter {
    private final List<String> columns;
    private final JsonGenerator generator;

    JsonLines(OutputStream out, List<String> columns, ObjectMapper json) throws IOException {
      this.columns = columns;
      this.generator = json.getFactory().createGenerator(out);
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    void row(Object[] values) throws IOException {
      generator.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          generator.writeFieldName(columns.get(i));
          if (values[i] instanceof Number || values[i] instanceof Boolean) {
            generator.writeObject(values[i]);
          } else {
            generator.writeString(values[i].toString());
          }
        }
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      generator.flush();
    }
  }
}
