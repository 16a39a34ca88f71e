package dev.throughline.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV lines for exports; cells a spreadsheet would run as formulas are defused. */
public final class Csv {

    private Csv() {
    }

    public static String line(Stream<String> cells) {
        return cells.map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // a cell starting with = + - @ would be a formula in Excel or Sheets
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
