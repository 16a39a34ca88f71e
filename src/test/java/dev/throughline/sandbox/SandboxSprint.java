package dev.throughline.sandbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sprint of a sandbox board: {@code state} closed, active or future; a future sprint
 * may have no dates yet (as in Jira).
 */
public record SandboxSprint(long id, long boardId, String name, String state, Optional<Instant> start,
        Optional<Instant> end) {

    public SandboxSprint {
        Objects.requireNonNull(name, "name");
        if (!List.of("closed", "active", "future").contains(state))
            throw new IllegalArgumentException("state must be closed, active or future");
    }

    /**
     * A board's sprints as the demo site has them: two-week sprints from Monday 09:00 UTC
     * (Jira's default length), one closed, the active one started this week's Monday,
     * four future ones with dates and a last future one not planned yet (no dates).
     * Sprint ids are the board id × 100 + the sprint's number.
     */
    static List<SandboxSprint> demo(SandboxBoard board, String projectKey, Instant now) {
        LocalDate monday = LocalDate.ofInstant(now, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant active = monday.atTime(9, 0).toInstant(ZoneOffset.UTC);
        Duration length = Duration.ofDays(14);
        List<SandboxSprint> sprints = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            String state = n == 1 ? "closed" : n == 2 ? "active" : "future";
            Instant start = active.plus(length.multipliedBy(n - 2));
            boolean dated = n < 7;
            sprints.add(new SandboxSprint(board.id() * 100 + n, board.id(), projectKey + " Sprint " + n, state,
                    dated ? Optional.of(start) : Optional.empty(),
                    dated ? Optional.of(start.plus(length)) : Optional.empty()));
        }
        return sprints;
    }

}
