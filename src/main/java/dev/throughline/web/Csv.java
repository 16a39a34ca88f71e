package dev.throughline.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * RFC 4180 CSV lines for exports; cells a spreadsheet would run as formulas are defused.
 */
public final class Csv {

    private Csv() {
    }

    public static String line(Stream<String> cells) {
        return cells.map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && startsLikeAFormula(text.charAt(0))) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * A cell starting with = + - @ is a formula in Excel or Sheets; one starting with a
     * control character (NUL, tab, CR, ...) may be one too once the spreadsheet drops
     * that character.
     */
    private static boolean startsLikeAFormula(char first) {
        return "=+-@".indexOf(first) >= 0 || first < ' ';
    }

}
