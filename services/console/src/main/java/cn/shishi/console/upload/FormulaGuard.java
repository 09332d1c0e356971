package cn.shishi.console.upload;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Notes every cell of a sheet's XML that holds a formula ({@code <c r="B2"><f>…</f>}), on its way
 * to POI's handler, which only sees values.
 */
final class FormulaGuard extends XMLFilterImpl {
  private static final int MAX_NAMED = 10;
  private final List<String> formulas = new ArrayList<>();
  private String cell;
  private int count;

  FormulaGuard(XMLReader parent) {
    super(parent);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes)
      throws SAXException {
    if ("c".equals(localName)) {
      cell = attributes.getValue("r");
    } else if ("f".equals(localName)) {
      count++;
      if (formulas.size() < MAX_NAMED) {
        formulas.add(cell == null ? "?" : cell);
      }
    }
    super.startElement(uri, localName, qName, attributes);
  }

  /** The first cells found with a formula (and how many more there are). */
  List<String> formulas() {
    List<String> named = new ArrayList<>(formulas);
    if (count > formulas.size()) {
      named.add("… +" + (count - formulas.size()));
    }
    return named;
  }
}
