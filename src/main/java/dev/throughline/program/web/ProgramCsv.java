package dev.throughline.program.web;

import dev.throughline.program.rollup.GroupKind;
import dev.throughline.program.rollup.GroupSummary;
import dev.throughline.program.service.ProgramRollup;
import dev.throughline.program.rollup.ProgramResult;

import dev.throughline.web.Csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One row per group of a program rollup as RFC 4180 CSV; cells a spreadsheet would run as
 * formulas are defused.
 */
final class ProgramCsv {

    static final List<String> HEADER = List.of("Kind", "Id", "Name", "Items", "Done", "% complete", "Points done",
            "Points total", "Estimate done (h)", "Estimate total (h)", "Value delivered %", "Unestimated", "Unscored",
            "Overdue", "Anomalies");

    private ProgramCsv() {
    }

    static String of(ProgramRollup rollup) {
        ProgramResult result = rollup.result();
        List<GroupSummary> rows = new ArrayList<>();
        rows.add(result.program());
        rows.addAll(result.projects());
        rows.addAll(result.epics());
        rows.addAll(result.themes());
        rows.addAll(result.fixVersions());
        StringBuilder csv = new StringBuilder(Csv.line(HEADER.stream()));
        for (GroupSummary g : rows) {
            csv.append(Csv.line(Stream.of(g.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), g.id(),
                    g.kind() == GroupKind.PROGRAM ? rollup.program().name() : rollup.label(g),
                    String.valueOf(g.items()), String.valueOf(g.done()),
                    g.percentComplete().map(String::valueOf).orElse(""), plain(g.pointsDone()), plain(g.pointsTotal()),
                    hours(g.estimateDoneSeconds()), hours(g.estimateTotalSeconds()),
                    g.valueDelivered().map(String::valueOf).orElse(""), String.valueOf(g.unestimated()),
                    String.valueOf(g.unscored()), String.valueOf(g.overdue()), String.join(" ", g.anomalies()))));
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String hours(long seconds) {
        return plain(BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
    }

}
