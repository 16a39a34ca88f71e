package dev.throughline.planning.web;

import dev.throughline.web.Csv;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * A plan as CSV, one row per candidate: key, summary, team, value, effort, planned period
 * (empty: not this horizon), odds in percent, flagged, committed period, why not planned.
 */
final class PlanCsv {

    private PlanCsv() {
    }

    static String of(PlanAnswer answer) {
        StringBuilder csv = new StringBuilder(Csv.line(Stream.of("key", "summary", "team", "value", "effort", "period",
                "odds", "flagged", "commitBy", "why")));
        for (PlanAnswer.ItemRow item : answer.items()) {
            csv.append(Csv
                .line(Stream.of(item.key(), item.summary(), item.team(), number(item.value()), number(item.effort()),
                        item.period(), item.odds() == null ? "" : String.format(Locale.ROOT, "%.0f", item.odds() * 100),
                        String.valueOf(item.flagged()), item.commitBy(), item.why())));
        }
        return csv.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

}
