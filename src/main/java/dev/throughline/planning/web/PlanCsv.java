package dev.throughline.planning.web;

import dev.throughline.planning.service.PlanningService;
import dev.throughline.web.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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

    /** The solved plan as a CSV download. */
    static ResponseEntity<String> download(PlanningService.Solved solved) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan.csv\"")
            .contentType(new MediaType("text", "csv"))
            .body(of(PlanAnswer.of(solved)));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

}
