package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Weekly cumulative scope and done, oldest week first. */
public record BurnUp(List<BurnUpPoint> points) {

    public BurnUp {
        points = List.copyOf(points);
    }

    /**
     * Weeks from {@code firstWeek} to {@code lastWeek} inclusive; empty when there is no
     * first week.
     */
    static BurnUp of(WeeklyCounts weeks, Optional<LocalDate> firstWeek, LocalDate lastWeek) {
        List<BurnUpPoint> points = new ArrayList<>();
        long scope = 0;
        long done = 0;
        for (LocalDate week = firstWeek.orElse(lastWeek.plusWeeks(1)); !week.isAfter(lastWeek); week = week
            .plusWeeks(1)) {
            scope += weeks.created(week);
            done += weeks.done(week);
            points.add(new BurnUpPoint(week, scope, done));
        }
        return new BurnUp(points);
    }
}
