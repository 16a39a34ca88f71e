package dev.throughline.planning.web;

import dev.throughline.planning.PlanSnapshot;
import dev.throughline.planning.Predictability;
import dev.throughline.planning.service.PlanCommits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A committed plan as the API answers it: each period with its last day, each planned
 * item with its period's label, and (in the history) committed versus delivered for every
 * period ended.
 */
record SnapshotAnswer(String planId, Instant committedAt, List<Period> periods, List<Item> items,
        List<Row> predictability, int hiddenItems) {

    record Period(String period, LocalDate end) {
    }

    /** {@code odds}: at commit time, 0–1. */
    record Item(String key, String team, String period, double effort, double value, double odds) {
    }

    /**
     * {@code team} {@code *} is the program; {@code share} null when nothing was
     * committed.
     */
    record Row(String period, String team, int committedItems, int deliveredItems, double committedEffort,
            double deliveredEffort, double committedValue, double deliveredValue, Double share) {
    }

    static SnapshotAnswer of(PlanSnapshot snapshot, List<Predictability.Row> rows, int hiddenItems) {
        List<Period> periods = new ArrayList<>();
        for (int p = 0; p < snapshot.periods().size(); p++) {
            periods.add(new Period(snapshot.periods().get(p), snapshot.periodEnds().get(p)));
        }
        List<Item> items = snapshot.items()
            .stream()
            .map(i -> new Item(i.key(), i.teamId(), snapshot.periods().get(i.period()), i.effort(), i.value(),
                    i.odds()))
            .toList();
        List<Row> answered = rows.stream()
            .map(r -> new Row(r.period(), r.teamId(), r.committedItems(), r.deliveredItems(), r.committedEffort(),
                    r.deliveredEffort(), r.committedValue(), r.deliveredValue(), r.share().orElse(null)))
            .toList();
        return new SnapshotAnswer(snapshot.planId(), snapshot.committedAt(), periods, items, answered, hiddenItems);
    }

    static List<SnapshotAnswer> of(List<PlanCommits.History> history) {
        return history.stream().map(h -> of(h.snapshot(), h.rows(), h.hiddenItems())).toList();
    }

}
