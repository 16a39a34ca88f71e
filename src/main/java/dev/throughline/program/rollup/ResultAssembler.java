package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one (merged) accumulator into the result tree. Here, after every issue has been
 * seen, parents are resolved: epic and theme membership of child buckets, childless
 * containers, anomalies and dependencies. Works on copies, so the accumulator can keep
 * folding afterwards.
 */
final class ResultAssembler {

    private final RollupSettings settings;

    private final ProjectRollup source;

    private final Map<String, Container> containers;

    private final Tally program;

    private final Map<String, Tally> projects = new TreeMap<>();

    private final Map<String, Tally> fixVersions = new TreeMap<>();

    private final Map<String, Tally> epics = new TreeMap<>();

    private final Map<String, Tally> themes = new TreeMap<>();

    private final Map<String, List<String>> anomalies = new HashMap<>();

    ResultAssembler(ProjectRollup source) {
        this.settings = source.settings();
        this.source = source;
        this.containers = source.containers();
        this.program = source.program().copy();
        source.projects().forEach((key, tally) -> projects.put(key, tally.copy()));
        source.fixVersions().forEach((key, tally) -> fixVersions.put(key, tally.copy()));
    }

    ProgramResult assemble() {
        List<Route> routes = routes();
        for (Route route : routes) {
            route.epicKey().ifPresent(epic -> epics.computeIfAbsent(epic, k -> new Tally()).add(route.tally()));
            route.themeIds().forEach(theme -> themes.computeIfAbsent(theme, k -> new Tally()).add(route.tally()));
        }
        findAnomalies(routes);

        ProgressBasis basis = settings.progressBasis();
        MonteCarloForecaster forecaster = new MonteCarloForecaster(settings);
        LocalDate currentWeek = settings.currentWeek();
        Optional<LocalDate> firstWeek = program.weeks.earliestWeek().filter(week -> !week.isAfter(currentWeek));

        Map<String, BurnUp> themeBurnUps = new TreeMap<>();
        Map<String, Forecast> themeForecasts = new TreeMap<>();
        themes.forEach((theme, tally) -> {
            themeBurnUps.put(theme, BurnUp.of(tally.weeks, firstWeek, currentWeek));
            themeForecasts.put(theme, forecaster.forecast(tally));
        });
        Map<String, Forecast> epicForecasts = new TreeMap<>();
        // epics are many and small: exact percentiles instead of 10,000 trials each
        // (docs/rollup-rules.md, rule 25)
        epics.forEach((epic, tally) -> epicForecasts.put(epic, forecaster.exactForecast(tally)));

        return new ProgramResult(settings,
                GroupSummary.of(GroupKind.PROGRAM, "program", program, basis,
                        anomaliesOf(GroupKind.PROGRAM, "program")),
                summaries(GroupKind.PROJECT, projects), summaries(GroupKind.EPIC, epics),
                summaries(GroupKind.THEME, themes), summaries(GroupKind.FIX_VERSION, fixVersions),
                new DependencyFinder(settings, source.dependencyEnds(), this::themesOf, containers::containsKey)
                    .find(source.links()),
                BurnUp.of(program.weeks, firstWeek, currentWeek), themeBurnUps, forecaster.forecast(program),
                themeForecasts, epicForecasts, epicSummaries());
    }

    /** The summaries of the epics among the containers that name one. */
    private Map<String, String> epicSummaries() {
        Map<String, String> summaries = new HashMap<>();
        for (Container container : containers.values()) {
            if (container.isEpic() && !container.summary().isBlank()) {
                summaries.put(container.key(), container.summary());
            }
        }
        return summaries;
    }

    /**
     * Child buckets with their epic and themes resolved, plus childless containers
     * promoted to items: a parent with sub-tasks none of which were seen first (it lands
     * under its epic), then epics without any item.
     */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        Set<String> parentsWithItems = new HashSet<>();
        source.childBuckets().forEach((bucket, tally) -> {
            routes.add(new Route(epicOf(bucket.parentKey()), themesOf(bucket.parentKey(), bucket.themeIds()), tally));
            parentsWithItems.add(bucket.parentKey());
        });
        for (Container parent : sorted(containers.values())) {
            if (!parent.isEpic() && !parentsWithItems.contains(parent.key())) {
                String grandParent = parent.parentKey().orElse(ChildBucket.NO_PARENT);
                routes.add(new Route(epicOf(grandParent), themesOf(grandParent, parent.themeIds()), promote(parent)));
            }
        }
        Set<String> epicsWithItems = new HashSet<>();
        routes.forEach(route -> route.epicKey().ifPresent(epicsWithItems::add));
        for (Container epic : sorted(containers.values())) {
            if (epic.isEpic() && !epicsWithItems.contains(epic.key())) {
                routes.add(new Route(Optional.of(epic.key()), new TreeSet<>(epic.themeIds()), promote(epic)));
            }
        }
        return routes;
    }

    /** A container with no item children counts as one item in all its groups. */
    private Tally promote(Container container) {
        Tally tally = new Tally();
        tally.add(container.ownFacts());
        program.add(tally);
        projects.computeIfAbsent(container.projectKey(), k -> new Tally()).add(tally);
        for (String version : new TreeSet<>(container.fixVersions())) {
            fixVersions.computeIfAbsent(version, k -> new Tally()).add(tally);
        }
        return tally;
    }

    /**
     * A done container whose items are not all done is reported in the groups the
     * container belongs to.
     */
    private void findAnomalies(List<Route> routes) {
        Map<String, Long> openUnderEpic = new HashMap<>();
        routes.forEach(
                route -> route.epicKey().ifPresent(epic -> openUnderEpic.merge(epic, route.tally().open(), Long::sum)));
        Map<String, Long> openUnderParent = new HashMap<>();
        source.childBuckets()
            .forEach((bucket, tally) -> openUnderParent.merge(bucket.parentKey(), tally.open(), Long::sum));
        for (Container container : sorted(containers.values())) {
            long openChildren = container.isEpic() ? openUnderEpic.getOrDefault(container.key(), 0L)
                    : openUnderParent.getOrDefault(container.key(), 0L);
            if (!container.status().isDone() || openChildren == 0) {
                continue;
            }
            String key = container.key();
            String parent = container.parentKey().orElse(ChildBucket.NO_PARENT);
            note(GroupKind.PROGRAM, "program", key);
            note(GroupKind.PROJECT, container.projectKey(), key);
            container.fixVersions().forEach(version -> note(GroupKind.FIX_VERSION, version, key));
            Optional<String> epic = container.isEpic() ? Optional.of(key) : epicOf(parent);
            epic.ifPresent(e -> note(GroupKind.EPIC, e, key));
            Set<String> containerThemes = container.isEpic() ? new TreeSet<>(container.themeIds())
                    : themesOf(parent, container.themeIds());
            containerThemes.forEach(theme -> note(GroupKind.THEME, theme, key));
        }
    }

    private void note(GroupKind kind, String id, String containerKey) {
        anomalies.computeIfAbsent(kind + "/" + id, k -> new ArrayList<>()).add(containerKey);
    }

    private List<String> anomaliesOf(GroupKind kind, String id) {
        return anomalies.getOrDefault(kind + "/" + id, List.of());
    }

    private List<GroupSummary> summaries(GroupKind kind, Map<String, Tally> groups) {
        List<GroupSummary> summaries = new ArrayList<>();
        groups.forEach((id, tally) -> summaries
            .add(GroupSummary.of(kind, id, tally, settings.progressBasis(), anomaliesOf(kind, id))));
        return summaries;
    }

    /**
     * The epic above a parent: the parent itself if it is an epic, or the epic of a
     * parent with sub-tasks.
     */
    private Optional<String> epicOf(String parentKey) {
        Container parent = containers.get(parentKey);
        if (parent == null) {
            return Optional.empty();
        }
        if (parent.isEpic()) {
            return Optional.of(parent.key());
        }
        return parent.parentKey().map(containers::get).filter(Container::isEpic).map(Container::key);
    }

    /**
     * Own themes plus those inherited from the parent and the parent's epic (when they
     * were seen).
     */
    Set<String> themesOf(String parentKey, List<String> ownThemes) {
        Set<String> result = new TreeSet<>(ownThemes);
        Container parent = containers.get(parentKey);
        if (parent != null) {
            result.addAll(parent.themeIds());
            if (!parent.isEpic()) {
                parent.parentKey()
                    .map(containers::get)
                    .filter(Container::isEpic)
                    .ifPresent(epic -> result.addAll(epic.themeIds()));
            }
        }
        return result;
    }

    private static List<Container> sorted(Iterable<Container> containers) {
        List<Container> list = new ArrayList<>();
        containers.forEach(list::add);
        list.sort(Comparator.comparing(Container::key));
        return list;
    }

}
