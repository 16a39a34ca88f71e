package dev.throughline.program.rollup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a kept assembly up to date after its merged accumulator was worked out again for
 * some keys ({@link ProjectRollup#recompute}): when no item changed its epic or themes
 * and no container its place (only tallies, statuses, summaries, link ends did), only the
 * groups those keys reach are summed and summarised again, the others and their forecasts
 * are kept. Otherwise the result is assembled in full. Either way it equals a full
 * assembly of the merge.
 */
final class ResultUpdate {

    /** What the keys held before the merge was worked out again. */
    private final Map<String, Container> containersBefore = new HashMap<>();

    private final Map<String, DependencyEnd> endsBefore = new HashMap<>();

    private final Set<BlockingLink> linksBefore = new HashSet<>();

    private final Set<ChildBucket> bucketsBefore = new HashSet<>();

    private final RollupKeys keys;

    /** Call before the merge is worked out again for {@code keys}. */
    ResultUpdate(ProjectRollup merged, RollupKeys keys) {
        this.keys = keys;
        keys.containers.forEach(key -> Optional.ofNullable(merged.containers().get(key))
            .ifPresent(container -> containersBefore.put(key, container)));
        keys.ends.forEach(key -> Optional.ofNullable(merged.dependencyEnds().get(key))
            .ifPresent(end -> endsBefore.put(key, end)));
        keys.links.stream().filter(merged.linkSet()::contains).forEach(linksBefore::add);
        keys.childBuckets.stream().filter(merged.childBuckets()::containsKey).forEach(bucketsBefore::add);
    }

    /**
     * The result of {@code kept}'s merge, now worked out again: {@code kept} updated, or
     * a new full assembly. @return the assembler that holds it
     */
    ResultAssembler apply(ResultAssembler kept) {
        ProjectRollup merged = kept.source;
        boolean sameBuckets = keys.childBuckets.stream()
            .allMatch(bucket -> bucketsBefore.contains(bucket) == merged.childBuckets().containsKey(bucket));
        boolean samePlaces = keys.containers.stream()
            .allMatch(key -> samePlace(containersBefore.get(key), merged.containers().get(key),
                    kept.promoted.containsKey(key)));
        if (!sameBuckets || !samePlaces) {
            ResultAssembler full = new ResultAssembler(merged);
            full.assemble();
            return full;
        }
        update(kept);
        return kept;
    }

    /** Routed the same: only its status, summary or (when not promoted) facts changed. */
    private static boolean samePlace(Container before, Container after, boolean promoted) {
        if (before == null || after == null) {
            return before == after;
        }
        return before.key().equals(after.key()) && before.projectKey().equals(after.projectKey())
                && before.kind() == after.kind() && before.parentKey().equals(after.parentKey())
                && before.themeIds().equals(after.themeIds()) && before.fixVersions().equals(after.fixVersions())
                && (!promoted || before.ownFacts().equals(after.ownFacts()) && before.status() == after.status());
    }

    private void update(ResultAssembler kept) {
        ProjectRollup merged = kept.source;
        Tally program = merged.program().copy();
        program.add(kept.promotedProgram);
        kept.program = program;
        Set<String> epics = new HashSet<>();
        Set<String> themes = new HashSet<>();
        for (ChildBucket bucket : keys.childBuckets) {
            Route was = kept.bucketRoutes.get(bucket);
            if (was != null) {
                kept.bucketRoutes.put(bucket,
                        new Route(was.epicKey(), was.themeIds(), merged.childBuckets().get(bucket)));
                was.epicKey().ifPresent(epics::add);
                themes.addAll(was.themeIds());
            }
        }
        epics.forEach(epic -> kept.epics.put(epic, sum(kept, kept.epicBuckets, kept.epicPromoted, epic)));
        themes.forEach(theme -> kept.themes.put(theme, sum(kept, kept.themeBuckets, kept.themePromoted, theme)));
        List<Route> routes = new ArrayList<>(kept.bucketRoutes.values());
        routes.addAll(kept.promoted.values());
        Map<String, List<String>> anomalies = kept.findAnomalies(routes);
        Set<String> projects = new HashSet<>(keys.projects);
        Set<String> fixVersions = new HashSet<>(keys.fixVersions);
        Set<String> noted = new HashSet<>(anomalies.keySet());
        noted.addAll(kept.anomalies.keySet());
        for (String group : noted) {
            if (!Objects.equals(anomalies.get(group), kept.anomalies.get(group))) {
                String id = group.substring(group.indexOf('/') + 1);
                switch (GroupKind.valueOf(group.substring(0, group.indexOf('/')))) {
                    case PROJECT -> projects.add(id);
                    case FIX_VERSION -> fixVersions.add(id);
                    case EPIC -> epics.add(id);
                    case THEME -> themes.add(id);
                    default -> {
                        // the program's summary is made again anyway
                    }
                }
            }
        }
        kept.anomalies = anomalies;
        MonteCarloForecaster forecaster = new MonteCarloForecaster(kept.settings);
        kept.programSummary = kept.summary(GroupKind.PROGRAM, "program", program);
        projects.forEach(id -> group(kept, GroupKind.PROJECT, id, kept.projects, kept.projectSummaries,
                merged.projects().get(id), kept.promotedProjects.get(id)));
        fixVersions.forEach(id -> group(kept, GroupKind.FIX_VERSION, id, kept.fixVersions, kept.fixVersionSummaries,
                merged.fixVersions().get(id), kept.promotedFixVersions.get(id)));
        // an anomaly may name an epic or theme with no items: it has no row
        epics.removeIf(epic -> !kept.epics.containsKey(epic));
        themes.removeIf(theme -> !kept.themes.containsKey(theme));
        epics.forEach(epic -> {
            kept.epicSummaries.put(epic, kept.summary(GroupKind.EPIC, epic, kept.epics.get(epic)));
            kept.epicForecasts.put(epic, forecaster.exactForecast(kept.epics.get(epic)));
        });
        boolean newFirstWeek = !kept.firstWeek().equals(kept.firstWeek);
        kept.firstWeek = kept.firstWeek();
        (newFirstWeek ? kept.themes.keySet() : themes).forEach(theme -> {
            Tally tally = kept.themes.get(theme);
            kept.themeSummaries.put(theme, kept.summary(GroupKind.THEME, theme, tally));
            kept.themeBurnUps.put(theme, BurnUp.of(tally.weeks, kept.firstWeek, kept.settings.currentWeek()));
            kept.themeForecasts.put(theme, forecaster.forecast(tally));
        });
        kept.programBurnUp = BurnUp.of(program.weeks, kept.firstWeek, kept.settings.currentWeek());
        kept.programForecast = forecaster.forecast(program);
        if (!sameEnds(merged)) {
            kept.dependencies = kept.findDependencies();
        }
        if (keys.containers.stream()
            .anyMatch(key -> !Objects.equals(summaryOf(containersBefore.get(key)),
                    summaryOf(merged.containers().get(key))))) {
            kept.epicNames = kept.epicNames();
        }
    }

    /**
     * Link ends and links as before (containers kept their places): same dependencies.
     */
    private boolean sameEnds(ProjectRollup merged) {
        return keys.ends.stream().allMatch(key -> Objects.equals(endsBefore.get(key), merged.dependencyEnds().get(key)))
                && keys.links.stream().allMatch(link -> linksBefore.contains(link) == merged.linkSet().contains(link));
    }

    private static String summaryOf(Container container) {
        return container == null ? null : container.summary();
    }

    /**
     * An epic's or theme's items: its child buckets' tallies and its promoted
     * containers'.
     */
    private static Tally sum(ResultAssembler kept, Map<String, Set<ChildBucket>> buckets,
            Map<String, Set<String>> promoted, String id) {
        Tally sum = new Tally();
        buckets.getOrDefault(id, Set.of()).forEach(bucket -> sum.add(kept.source.childBuckets().get(bucket)));
        promoted.getOrDefault(id, Set.of()).forEach(container -> sum.add(kept.promoted.get(container).tally()));
        return sum;
    }

    /**
     * A project's or fix version's tally and summary again: its items and promoted
     * containers.
     */
    private static void group(ResultAssembler kept, GroupKind kind, String id, Map<String, Tally> tallies,
            Map<String, GroupSummary> summaries, Tally items, Tally promoted) {
        if (items == null && promoted == null) {
            tallies.remove(id);
            summaries.remove(id);
            return;
        }
        Tally tally = new Tally();
        Optional.ofNullable(items).ifPresent(tally::add);
        Optional.ofNullable(promoted).ifPresent(tally::add);
        tallies.put(id, tally);
        summaries.put(id, kept.summary(kind, id, tally));
    }

}
