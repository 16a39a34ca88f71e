package dev.throughline.program.rollup;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a program page renders. Group lists are sorted by id; maps are keyed by
 * theme id / epic key. {@code epicSummaries} holds each epic's summary (none for an epic
 * Jira sent without one). Only epics the merged projects hold get a row, so a viewer
 * never sees the summary of an epic they may not browse.
 */
public record ProgramResult(RollupSettings settings, GroupSummary program, List<GroupSummary> projects,
        List<GroupSummary> epics, List<GroupSummary> themes, List<GroupSummary> fixVersions,
        DependencyReport dependencies, BurnUp programBurnUp, Map<String, BurnUp> themeBurnUps, Forecast programForecast,
        Map<String, Forecast> themeForecasts, Map<String, Forecast> epicForecasts, Map<String, String> epicSummaries) {

    public ProgramResult {
        if (settings == null || program == null || dependencies == null || programBurnUp == null
                || programForecast == null) {
            throw new IllegalArgumentException("program result is incomplete");
        }
        projects = List.copyOf(projects);
        epics = List.copyOf(epics);
        themes = List.copyOf(themes);
        fixVersions = List.copyOf(fixVersions);
        themeBurnUps = Collections.unmodifiableMap(new TreeMap<>(themeBurnUps));
        themeForecasts = Collections.unmodifiableMap(new TreeMap<>(themeForecasts));
        epicForecasts = Collections.unmodifiableMap(new TreeMap<>(epicForecasts));
        epicSummaries = Collections.unmodifiableMap(new TreeMap<>(epicSummaries));
    }

    public GroupSummary project(String key) {
        return find(projects, key);
    }

    public GroupSummary epic(String key) {
        return find(epics, key);
    }

    public GroupSummary theme(String id) {
        return find(themes, id);
    }

    public GroupSummary fixVersion(String name) {
        return find(fixVersions, name);
    }

    private static GroupSummary find(List<GroupSummary> groups, String id) {
        return groups.stream()
            .filter(g -> g.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no group " + id));
    }
}
