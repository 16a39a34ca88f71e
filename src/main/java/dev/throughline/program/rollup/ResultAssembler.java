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
 * folding afterwards. What it worked out (routes, group tallies, summaries, forecasts)
 * stays in its fields, so {@link ResultUpdate} can work out again only what a change of
 * the accumulator touched.
 */
final class ResultAssembler {

    final RollupSettings settings;

    final ProjectRollup source;

    final Map<String, Container> containers;

    Tally program;

    final Map<String, Tally> projects = new TreeMap<>();

    final Map<String, Tally> fixVersions = new TreeMap<>();

    final Map<String, Tally> epics = new TreeMap<>();

    final Map<String, Tally> themes = new TreeMap<>();

    Map<String, List<String>> anomalies = new HashMap<>();

    /** Where each child bucket went (its tally is looked up in the source). */
    final Map<ChildBucket, Route> bucketRoutes = new HashMap<>();

    /** Containers counted as items, by key, with their own tally. */
    final Map<String, Route> promoted = new TreeMap<>();

    /** The promoted containers' share of the program, project and fix version tallies. */
    final Tally promotedProgram = new Tally();

    final Map<String, Tally> promotedProjects = new HashMap<>();

    final Map<String, Tally> promotedFixVersions = new HashMap<>();

    /** The child buckets and promoted containers summed into each epic and theme. */
    final Map<String, Set<ChildBucket>> epicBuckets = new HashMap<>();

    final Map<String, Set<ChildBucket>> themeBuckets = new HashMap<>();

    final Map<String, Set<String>> epicPromoted = new HashMap<>();

    final Map<String, Set<String>> themePromoted = new HashMap<>();

    Optional<LocalDate> firstWeek;

    GroupSummary programSummary;

    final Map<String, GroupSummary> projectSummaries = new TreeMap<>();

    final Map<String, GroupSummary> epicSummaries = new TreeMap<>();

    final Map<String, GroupSummary> themeSummaries = new TreeMap<>();

    final Map<String, GroupSummary> fixVersionSummaries = new TreeMap<>();

    BurnUp programBurnUp;

    final Map<String, BurnUp> themeBurnUps = new TreeMap<>();

    Forecast programForecast;

    final Map<String, Forecast> themeForecasts = new TreeMap<>();

    final Map<String, Forecast> epicForecasts = new TreeMap<>();

    DependencyReport dependencies;

    Map<String, String> epicNames;

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
        anomalies = findAnomalies(routes);
        firstWeek = firstWeek();
        programSummary = summary(GroupKind.PROGRAM, "program", program);
        MonteCarloForecaster forecaster = new MonteCarloForecaster(settings);
        projects.forEach((id, tally) -> projectSummaries.put(id, summary(GroupKind.PROJECT, id, tally)));
        fixVersions.forEach((id, tally) -> fixVersionSummaries.put(id, summary(GroupKind.FIX_VERSION, id, tally)));
        themes.forEach((theme, tally) -> {
            themeSummaries.put(theme, summary(GroupKind.THEME, theme, tally));
            themeBurnUps.put(theme, BurnUp.of(tally.weeks, firstWeek, settings.currentWeek()));
            themeForecasts.put(theme, forecaster.forecast(tally));
        });
        // epics are many and small: exact percentiles instead of 10,000 trials each
        // (docs/rollup-rules.md, rule 25)
        epics.forEach((epic, tally) -> {
            epicSummaries.put(epic, summary(GroupKind.EPIC, epic, tally));
            epicForecasts.put(epic, forecaster.exactForecast(tally));
        });
        programBurnUp = BurnUp.of(program.weeks, firstWeek, settings.currentWeek());
        programForecast = forecaster.forecast(program);
        dependencies = findDependencies();
        epicNames = epicNames();
        return result();
    }

    ProgramResult result() {
        return new ProgramResult(settings, programSummary, new ArrayList<>(projectSummaries.values()),
                new ArrayList<>(epicSummaries.values()), new ArrayList<>(themeSummaries.values()),
                new ArrayList<>(fixVersionSummaries.values()), dependencies, programBurnUp, themeBurnUps,
                programForecast, themeForecasts, epicForecasts, epicNames);
    }

    Optional<LocalDate> firstWeek() {
        return program.weeks.earliestWeek().filter(week -> !week.isAfter(settings.currentWeek()));
    }

    GroupSummary summary(GroupKind kind, String id, Tally tally) {
        ProgressBasis basis = settings.progressBasis();
        return GroupSummary.of(kind, id, tally, basis, anomalies.getOrDefault(kind + "/" + id, List.of()));
    }

    DependencyReport findDependencies() {
        return new DependencyFinder(settings, source.dependencyEnds(), this::themesOf, containers::containsKey)
            .find(List.copyOf(source.linkSet()));
    }

    /** The summaries of the epics among the containers that name one. */
    Map<String, String> epicNames() {
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
            Route route = new Route(epicOf(bucket.parentKey()), themesOf(bucket.parentKey(), bucket.themeIds()), tally);
            routes.add(route);
            bucketRoutes.put(bucket, route);
            route.epicKey().ifPresent(epic -> epicBuckets.computeIfAbsent(epic, k -> new HashSet<>()).add(bucket));
            route.themeIds().forEach(theme -> themeBuckets.computeIfAbsent(theme, k -> new HashSet<>()).add(bucket));
            parentsWithItems.add(bucket.parentKey());
        });
        for (Container parent : sorted(containers.values())) {
            if (!parent.isEpic() && !parentsWithItems.contains(parent.key())) {
                String grandParent = parent.parentKey().orElse(ChildBucket.NO_PARENT);
                routes.add(promoted(parent,
                        new Route(epicOf(grandParent), themesOf(grandParent, parent.themeIds()), promote(parent))));
            }
        }
        Set<String> epicsWithItems = new HashSet<>();
        routes.forEach(route -> route.epicKey().ifPresent(epicsWithItems::add));
        for (Container epic : sorted(containers.values())) {
            if (epic.isEpic() && !epicsWithItems.contains(epic.key())) {
                routes.add(promoted(epic,
                        new Route(Optional.of(epic.key()), new TreeSet<>(epic.themeIds()), promote(epic))));
            }
        }
        return routes;
    }

    private Route promoted(Container container, Route route) {
        promoted.put(container.key(), route);
        route.epicKey()
            .ifPresent(epic -> epicPromoted.computeIfAbsent(epic, k -> new HashSet<>()).add(container.key()));
        route.themeIds()
            .forEach(theme -> themePromoted.computeIfAbsent(theme, k -> new HashSet<>()).add(container.key()));
        return route;
    }

    /** A container with no item children counts as one item in all its groups. */
    private Tally promote(Container container) {
        Tally tally = new Tally();
        tally.add(container.ownFacts());
        program.add(tally);
        promotedProgram.add(tally);
        projects.computeIfAbsent(container.projectKey(), k -> new Tally()).add(tally);
        promotedProjects.computeIfAbsent(container.projectKey(), k -> new Tally()).add(tally);
        for (String version : new TreeSet<>(container.fixVersions())) {
            fixVersions.computeIfAbsent(version, k -> new Tally()).add(tally);
            promotedFixVersions.computeIfAbsent(version, k -> new Tally()).add(tally);
        }
        return tally;
    }

    /**
     * A done container whose items are not all done is reported in the groups the
     * container belongs to, by {@code kind/id}.
     */
    Map<String, List<String>> findAnomalies(List<Route> routes) {
        Map<String, List<String>> found = new HashMap<>();
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
            note(found, GroupKind.PROGRAM, "program", key);
            note(found, GroupKind.PROJECT, container.projectKey(), key);
            container.fixVersions().forEach(version -> note(found, GroupKind.FIX_VERSION, version, key));
            Optional<String> epic = container.isEpic() ? Optional.of(key) : epicOf(parent);
            epic.ifPresent(e -> note(found, GroupKind.EPIC, e, key));
            Set<String> containerThemes = container.isEpic() ? new TreeSet<>(container.themeIds())
                    : themesOf(parent, container.themeIds());
            containerThemes.forEach(theme -> note(found, GroupKind.THEME, theme, key));
        }
        return found;
    }

    private static void note(Map<String, List<String>> found, GroupKind kind, String id, String containerKey) {
        found.computeIfAbsent(kind + "/" + id, k -> new ArrayList<>()).add(containerKey);
    }

    /**
     * The epic above a parent: the parent itself if it is an epic, or the epic of a
     * parent with sub-tasks.
     */
    Optional<String> epicOf(String parentKey) {
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
