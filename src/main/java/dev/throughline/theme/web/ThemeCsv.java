package dev.throughline.theme.web;

import dev.throughline.theme.Quarter;
import dev.throughline.theme.ThemeProgress;
import dev.throughline.theme.ThemeProgress.ModelValue;
import dev.throughline.theme.service.ThemeProgressService.ThemeRow;

import dev.throughline.web.Csv;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Themes with their progress as RFC 4180 CSV; cells that a spreadsheet would run as
 * formulas are defused.
 */
final class ThemeCsv {

    static final List<String> HEADER = List.of("Theme", "Status", "Horizon", "Start", "End", "Outcome", "Owner",
            "Items done", "Items total", "Points done", "Points total", "Value delivered", "Value total", "Overdue",
            "Progress status", "Why", "Hidden items", "Linked epics");

    private ThemeCsv() {
    }

    static String of(List<ThemeRow> rows) {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER.stream()));
        for (ThemeRow row : rows) {
            ThemeProgress p = row.progress();
            csv.append(Csv.line(Stream.of(row.theme().name(), row.theme().status().name().toLowerCase(Locale.ROOT),
                    row.theme().horizon().name().toLowerCase(Locale.ROOT),
                    row.theme().startQuarter().map(Quarter::toString).orElse(""),
                    row.theme().endQuarter().map(Quarter::toString).orElse(""), row.theme().outcome(),
                    row.ownerName().or(() -> row.theme().owner()).orElse(""), String.valueOf(p.itemsDone()),
                    String.valueOf(p.itemsTotal()), number(p.pointsDone()), number(p.pointsTotal()),
                    perModel(p, ModelValue::done), perModel(p, ModelValue::total), String.valueOf(p.overdue()),
                    p.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), p.reason(),
                    String.valueOf(p.hiddenItems()), String.join(" ", row.linkedEpics()))));
        }
        return csv.toString();
    }

    /** "RICE 200; ICE 30": one number per model, never a sum of unlike scores. */
    private static String perModel(ThemeProgress p, Function<ModelValue, BigDecimal> side) {
        return String.join("; ",
                p.valueByModel().stream().map(m -> m.model() + " " + side.apply(m).toPlainString()).toList());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

}
