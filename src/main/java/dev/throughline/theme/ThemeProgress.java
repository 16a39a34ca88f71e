package dev.throughline.theme;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A theme's progress as a viewer may see it: items and story points done of total, value
 * delivered, a status and flags. Work in projects the viewer cannot browse is only
 * counted ({@code hiddenItems}), never shown.
 */
public record ThemeProgress(int itemsDone, int itemsTotal, double pointsDone, double pointsTotal, BigDecimal valueDone,
        BigDecimal valueTotal, int overdue, int hiddenItems, Status status, boolean noLinkedWork, boolean stale,
        String reason, List<ModelValue> valueByModel, int otherProjectItems) {

    /**
     * Value delivered of the items scored with one model: scores of different models do
     * not compare, so they are never added together (models in name order).
     */
    public record ModelValue(String model, BigDecimal done, BigDecimal total, int items) {
    }

    /** Items whose score names no model. */
    static final String UNKNOWN_MODEL = "unknown model";

    public enum Status {

        ON_TRACK, AT_RISK, OFF_TRACK, NO_LINKED_WORK

    }

    static final Duration STALE_AFTER = Duration.ofDays(30);

    /** Share of items done, 0..1 (0 without work). */
    public double itemShare() {
        return itemsTotal == 0 ? 0 : (double) itemsDone / itemsTotal;
    }

    public Optional<Double> valueShare() {
        return valueTotal.signum() == 0 ? Optional.empty()
                : Optional.of(valueDone.doubleValue() / valueTotal.doubleValue());
    }

    /**
     * Progress of {@code theme} over its scope (linked issues and their descendants), for
     * a viewer who may browse {@code visibleProjects}.
     */
    public static ThemeProgress of(Theme theme, Collection<ScopeItem> scope, Set<Long> visibleProjects, LocalDate today,
            Instant now) {
        return of(theme, scope, visibleProjects, Optional.empty(), today, now);
    }

    /**
     * The same for one project's view: work in {@code onlyProject} counts, work in other
     * projects the viewer may browse is only counted ({@code otherProjectItems}), work in
     * projects they cannot browse is hidden as everywhere.
     */
    public static ThemeProgress of(Theme theme, Collection<ScopeItem> scope, Set<Long> visibleProjects,
            Optional<Long> onlyProject, LocalDate today, Instant now) {
        return counted(theme, scope, visibleProjects, onlyProject, today, now).progress();
    }

    /**
     * A theme's progress with the last update of the work it counted, so it can be kept
     * and told at another instant ({@link #at}): only the stale flag depends on it.
     */
    public record Counted(ThemeProgress progress, Instant lastUpdate) {

        public Counted {
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(lastUpdate, "lastUpdate");
        }

        /** The same progress as counted at {@code now} (the same day). */
        public ThemeProgress at(Instant now) {
            boolean stale = isStale(progress.itemsTotal(), lastUpdate, now);
            ThemeProgress p = progress;
            return stale == p.stale() ? p
                    : new ThemeProgress(p.itemsDone(), p.itemsTotal(), p.pointsDone(), p.pointsTotal(), p.valueDone(),
                            p.valueTotal(), p.overdue(), p.hiddenItems(), p.status(), p.noLinkedWork(), stale,
                            p.reason(), p.valueByModel(), p.otherProjectItems());
        }

    }

    /** The same as {@link #of}, with the last update of the work counted. */
    public static Counted counted(Theme theme, Collection<ScopeItem> scope, Set<Long> visibleProjects,
            Optional<Long> onlyProject, LocalDate today, Instant now) {
        int done = 0;
        int total = 0;
        int overdue = 0;
        int hidden = 0;
        int elsewhere = 0;
        int dueAfterEnd = 0;
        Map<String, ModelValue> byModel = new TreeMap<>();
        double pointsDone = 0;
        double pointsTotal = 0;
        BigDecimal valueDone = BigDecimal.ZERO;
        BigDecimal valueTotal = BigDecimal.ZERO;
        Instant lastUpdate = Instant.EPOCH;
        Optional<LocalDate> end = theme.endQuarter().map(Quarter::lastDay);
        for (ScopeItem item : scope) {
            if (!visibleProjects.contains(item.projectId())) {
                hidden += item.countsAsWork() ? 1 : 0;
                continue;
            }
            if (onlyProject.isPresent() && onlyProject.get() != item.projectId()) {
                elsewhere += item.countsAsWork() ? 1 : 0;
                continue;
            }
            if (item.updated().isAfter(lastUpdate)) {
                lastUpdate = item.updated();
            }
            if (!item.countsAsWork()) {
                continue;
            }
            total++;
            double points = item.storyPoints().orElse(0.0);
            pointsTotal += points;
            if (item.valueScore().isPresent()) {
                valueTotal = valueTotal.add(item.valueScore().get());
                BigDecimal score = item.valueScore().get();
                BigDecimal doneScore = item.done() ? score : BigDecimal.ZERO;
                byModel.merge(item.valueModel().orElse(UNKNOWN_MODEL),
                        new ModelValue(item.valueModel().orElse(UNKNOWN_MODEL), doneScore, score, 1),
                        (a, b) -> new ModelValue(a.model(), a.done().add(b.done()), a.total().add(b.total()),
                                a.items() + b.items()));
            }
            if (item.done()) {
                done++;
                pointsDone += points;
                valueDone = valueDone.add(item.valueScore().orElse(BigDecimal.ZERO));
            }
            else {
                if (item.due().isPresent() && item.due().get().isBefore(today)) {
                    overdue++;
                }
                if (item.due().isPresent() && end.isPresent() && item.due().get().isAfter(end.get())) {
                    dueAfterEnd++;
                }
            }
        }
        boolean stale = isStale(total, lastUpdate, now);
        Verdict verdict = verdict(theme, today, done, total, overdue, dueAfterEnd);
        return new Counted(new ThemeProgress(done, total, pointsDone, pointsTotal, valueDone, valueTotal, overdue,
                hidden, verdict.status(), total == 0, stale,
                hidden > 0 && total == 0 ? hiddenReason(hidden) : verdict.reason(), List.copyOf(byModel.values()),
                elsewhere), lastUpdate);
    }

    private static boolean isStale(int total, Instant lastUpdate, Instant now) {
        return total > 0 && Duration.between(lastUpdate, now).compareTo(STALE_AFTER) > 0;
    }

    /**
     * All of a theme's work is out of the viewer's sight: say so, never "no linked work".
     */
    private static String hiddenReason(int hidden) {
        return hidden + " items in projects you cannot see; none in projects you can.";
    }

    private record Verdict(Status status, String reason) {
    }

    /** The status rules, in order; the README repeats them for product managers. */
    private static Verdict verdict(Theme theme, LocalDate today, int done, int total, int overdue, int dueAfterEnd) {
        if (total == 0) {
            return new Verdict(Status.NO_LINKED_WORK, "No linked work yet: link epics or issues to this theme.");
        }
        if (done == total) {
            return new Verdict(Status.ON_TRACK, "All linked work is done.");
        }
        Optional<LocalDate> end = theme.endQuarter().map(Quarter::lastDay);
        if (end.isPresent() && today.isAfter(end.get())) {
            return new Verdict(Status.OFF_TRACK,
                    "The end quarter " + theme.endQuarter().get() + " is over and work is still open.");
        }
        int open = total - done;
        if (overdue * 5 >= open) {
            return new Verdict(Status.OFF_TRACK, overdue + " of " + open + " open items are past their due date.");
        }
        if (overdue > 0) {
            return new Verdict(Status.AT_RISK, overdue + " open item(s) past their due date.");
        }
        if (dueAfterEnd > 0) {
            return new Verdict(Status.AT_RISK, dueAfterEnd + " open item(s) due after the end quarter.");
        }
        Optional<Double> elapsed = elapsedShare(theme, today);
        if (elapsed.isPresent() && (double) done / total < elapsed.get() - 0.25) {
            return new Verdict(Status.AT_RISK, String.format("%.0f%% done with %.0f%% of the time gone.",
                    100.0 * done / total, 100 * elapsed.get()));
        }
        return new Verdict(Status.ON_TRACK, "On track.");
    }

    private static Optional<Double> elapsedShare(Theme theme, LocalDate today) {
        if (theme.startQuarter().isEmpty() || theme.endQuarter().isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = theme.startQuarter().get().firstDay();
        LocalDate end = theme.endQuarter().get().lastDay().plusDays(1);
        if (today.isBefore(start)) {
            return Optional.of(0.0);
        }
        double span = ChronoUnit.DAYS.between(start, end);
        return Optional.of(Math.min(1.0, ChronoUnit.DAYS.between(start, today) / span));
    }
}
