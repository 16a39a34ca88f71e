package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Items created and done per ISO week. Grows with the number of weeks, never with the
 * number of issues.
 */
final class WeeklyCounts {

    private static final int CREATED = 0;

    private static final int DONE = 1;

    private final TreeMap<LocalDate, long[]> byWeek = new TreeMap<>();

    void add(ItemFacts item) {
        slot(item.createdWeek())[CREATED]++;
        item.doneWeek().ifPresent(week -> slot(week)[DONE]++);
    }

    void add(WeeklyCounts other) {
        for (Map.Entry<LocalDate, long[]> entry : other.byWeek.entrySet()) {
            long[] mine = slot(entry.getKey());
            mine[CREATED] += entry.getValue()[CREATED];
            mine[DONE] += entry.getValue()[DONE];
        }
    }

    /**
     * Takes out an item {@link #add(ItemFacts) added} before; a week left with no counts
     * is dropped, as if never seen (it would move the burn-up's first week).
     */
    void remove(ItemFacts item) {
        take(item.createdWeek(), CREATED);
        item.doneWeek().ifPresent(week -> take(week, DONE));
    }

    private void take(LocalDate week, int which) {
        long[] counts = byWeek.get(week);
        if (counts == null || counts[which] == 0) {
            throw new IllegalArgumentException("no item was counted in the week of " + week);
        }
        counts[which]--;
        if (counts[CREATED] == 0 && counts[DONE] == 0) {
            byWeek.remove(week);
        }
    }

    /** The same weeks with the same counts (for tests). */
    boolean sameAs(WeeklyCounts other) {
        return byWeek.size() == other.byWeek.size()
                && byWeek.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.byWeek.get(e.getKey())));
    }

    long created(LocalDate week) {
        long[] counts = byWeek.get(week);
        return counts == null ? 0 : counts[CREATED];
    }

    long done(LocalDate week) {
        long[] counts = byWeek.get(week);
        return counts == null ? 0 : counts[DONE];
    }

    Optional<LocalDate> earliestWeek() {
        return byWeek.isEmpty() ? Optional.empty() : Optional.of(byWeek.firstKey());
    }

    private long[] slot(LocalDate week) {
        return byWeek.computeIfAbsent(week, w -> new long[2]);
    }

}
