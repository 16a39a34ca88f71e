package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogFlag;
import dev.throughline.grooming.RankPlan;
import dev.throughline.grooming.UndoOrder;
import dev.throughline.jira.JiraUnavailableException;
import dev.throughline.jira.RankOutcome;
import dev.throughline.jira.RankResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.throughline.grooming.BacklogFlag.BLOCKED;
import static dev.throughline.grooming.BacklogFlag.NO_ESTIMATE;
import static dev.throughline.grooming.BacklogFlag.NO_THEME;
import static dev.throughline.grooming.BacklogFlag.PARENT_DONE;
import static dev.throughline.grooming.BacklogFlag.STALE;
import static dev.throughline.grooming.BacklogFlag.UNSCORED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags, the undo encoding, the restore rule and the rank run's 207 and interruption
 * handling, by hand.
 */
class GroomingUnitTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void flagsOfHandCheckedIssues() {
        // scored, estimated, updated 10 days ago, unblocked, themed, parent open: nothing
        // to flag
        assertThat(BacklogFlag.of(new BacklogFlag.Facts(true, true, NOW.minusSeconds(10 * 86400), 0, true, true, false),
                NOW, 90))
            .isEmpty();
        // nothing known at all, blocked twice, parent done
        assertThat(BacklogFlag
            .of(new BacklogFlag.Facts(false, false, NOW.minusSeconds(90 * 86400), 2, false, true, true), NOW, 90))
            .containsExactlyInAnyOrder(UNSCORED, NO_ESTIMATE, STALE, BLOCKED, NO_THEME, PARENT_DONE);
        // 89 days and 23 hours is not stale yet; a done issue under a done parent is not
        // PARENT_DONE
        assertThat(BacklogFlag
            .of(new BacklogFlag.Facts(true, true, NOW.minusSeconds(90 * 86400 - 3600), 0, true, false, true), NOW, 90))
            .isEmpty();
        assertThat(BacklogFlag.of(new BacklogFlag.Facts(true, true, NOW.minusSeconds(8 * 86400), 0, true, true, false),
                NOW, 7))
            .containsExactly(STALE);
    }

    @Test
    void undoOrderIsCompactAndRoundTrips() {
        List<String> keys = List.of("WEB-7", "WEB-3", "MOB-2", "MOB-9", "WEB-10");
        assertThat(UndoOrder.encode(keys)).isEqualTo("WEB-7 3 MOB-2 9 WEB-10");
        assertThat(UndoOrder.decode(UndoOrder.encode(keys))).isEqualTo(keys);
        assertThat(UndoOrder.decode("")).isEmpty();
    }

    @Test
    void restoreLaysTheSavedOrderOverTheCurrentBacklog() {
        // C is new (keeps its slot), Z has left the backlog (skipped)
        assertThat(GroomingService.restore(List.of("B", "A", "C", "D"), List.of("A", "Z", "D", "B")))
            .containsExactly("A", "D", "C", "B");
    }

    @Test
    void refusedIssuesOfA207AreNotCountedAsMoved() {
        List<String> current = List.of("A-1", "A-2", "A-3", "A-4");
        List<String> target = List.of("A-4", "A-3", "A-2", "A-1");
        RankPlan plan = RankPlan.between(current, target);
        RankRun run = RankRun.execute(plan, current,
                request -> new RankResult(request.issueKeys()
                    .stream()
                    .map(k -> new RankOutcome(k, Optional.empty(), !k.equals("A-3"),
                            k.equals("A-3") ? List.of("Epics cannot be ranked on the backlog.") : List.of()))
                    .toList()));

        assertThat(run.failures()).extracting(RankOutcome::issueKey).containsExactly("A-3");
        assertThat(run.moved()).doesNotContain("A-3");
        assertThat(run.notMoved()).containsExactly("A-3");
        assertThat(run.steps()).extracting(RankRun.StepResult::outcome).contains("PARTIAL");
        assertThat(run.interruption()).isEmpty();
    }

    @Test
    void anOutageStopsTheRunAndTheReachedOrderLetsARetryFinishWithoutRepeats() {
        List<String> current = List.of("A-1", "A-2", "A-3", "A-4", "A-5", "A-6");
        List<String> target = List.of("A-2", "A-1", "A-4", "A-3", "A-6", "A-5");
        RankPlan plan = RankPlan.between(current, target);
        assertThat(plan.calls()).isEqualTo(3);
        AtomicInteger calls = new AtomicInteger();
        RankRun first = RankRun.execute(plan, current, request -> {
            if (calls.incrementAndGet() == 2) {
                throw new JiraUnavailableException("Jira answered 503", 503, List.of(), Map.of());
            }
            return new RankResult(request.issueKeys()
                .stream()
                .map(k -> new RankOutcome(k, Optional.empty(), true, List.of()))
                .toList());
        });
        assertThat(first.interruption()).isPresent();
        assertThat(first.steps()).extracting(RankRun.StepResult::outcome)
            .containsExactly("RANKED", "FAILED", "NOT_SENT");
        assertThat(first.moved()).hasSize(1);
        assertThat(first.notMoved()).hasSize(2);

        RankPlan rest = RankPlan.between(first.reached(), target);
        assertThat(rest.movedKeys()).doesNotContainAnyElementsOf(first.moved()).hasSize(2);
        RankRun second = RankRun.execute(rest, first.reached(), request -> new RankResult(
                request.issueKeys().stream().map(k -> new RankOutcome(k, Optional.empty(), true, List.of())).toList()));
        assertThat(second.reached()).isEqualTo(target);
    }

}
