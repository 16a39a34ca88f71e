package dev.throughline.program.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** What one work item contributes to a group, decided once when the issue is folded. */
record ItemFacts(StatusCategory status, Optional<BigDecimal> points, Optional<Long> estimateSeconds,
        Optional<BigDecimal> value, boolean overdue, LocalDate createdWeek, Optional<LocalDate> doneWeek,
        Optional<String> valueModel) {

    static ItemFacts of(ProgramIssue issue, LocalDate today) {
        boolean overdue = !issue.isDone() && issue.due().map(due -> due.isBefore(today)).orElse(false);
        // A done item without a resolution date counts as done this week: visible in the
        // burn-up, but never
        // in the throughput history, which only uses full past weeks.
        Optional<LocalDate> doneWeek = issue.isDone() ? Optional.of(Weeks.mondayOf(issue.resolved().orElse(today)))
                : Optional.empty();
        return new ItemFacts(issue.status(), issue.storyPoints().map(BigDecimal::valueOf),
                issue.originalEstimateSeconds(), issue.valueScore(), overdue, Weeks.mondayOf(issue.created()), doneWeek,
                issue.valueModel());
    }
}
