package dev.throughline.program.web;

import dev.throughline.program.BurnUp;
import dev.throughline.program.Dependency;
import dev.throughline.program.DependencyConflict;
import dev.throughline.program.DependencyEnd;
import dev.throughline.program.Forecast;
import dev.throughline.program.ForecastPercentile;
import dev.throughline.program.GroupSummary;
import dev.throughline.program.ProgramResult;
import dev.throughline.program.service.ProgramRollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A viewer's program rollup as the JSON the program page renders (enum values in lower
 * case, absent as null).
 */
final class ProgramResultJson {

    static final String RULES = "docs/rollup-rules.md";

    private ProgramResultJson() {
    }

    static Map<String, Object> of(ProgramRollup rollup) {
        ProgramResult result = rollup.result();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("id", rollup.program().id());
        program.put("name", rollup.program().name());
        program.put("version", rollup.program().version());
        program.put("progressBasis", lower(rollup.program().progressBasis()));
        program.put("includeSubtasks", rollup.program().includeSubtasks());
        program.put("scopeGrowth", rollup.program().scopeGrowth());
        program.put("throughputWeeks", rollup.program().throughputWeeks());
        json.put("program", program);
        json.put("today", result.settings().today().toString());
        json.put("fetchedAt", rollup.fetchedAt().toString());
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("program", List.of(group(result.program(), rollup.program().name())));
        groups.put("projects", groups(result.projects(), rollup));
        groups.put("epics", groups(result.epics(), rollup));
        groups.put("themes", groups(result.themes(), rollup));
        groups.put("fixVersions", groups(result.fixVersions(), rollup));
        json.put("groups", groups);
        Map<String, Object> dependencies = new LinkedHashMap<>();
        dependencies.put("open", result.dependencies().open().stream().map(ProgramResultJson::dependency).toList());
        dependencies.put("crossProject", result.dependencies().crossProject().size());
        dependencies.put("conflicts", result.dependencies().conflicts().size());
        dependencies.put("linksWithUnseenEnd", result.dependencies().linksWithUnseenEnd());
        json.put("dependencies", dependencies);
        Map<String, Object> burnUps = new LinkedHashMap<>();
        burnUps.put("program", burnUp(result.programBurnUp()));
        burnUps.put("themes", map(result.themeBurnUps(), ProgramResultJson::burnUp));
        json.put("burnUp", burnUps);
        Map<String, Object> forecasts = new LinkedHashMap<>();
        forecasts.put("program", forecast(result.programForecast()));
        forecasts.put("themes", map(result.themeForecasts(), ProgramResultJson::forecast));
        forecasts.put("epics", map(result.epicForecasts(), ProgramResultJson::forecast));
        json.put("forecasts", forecasts);
        json.put("rules", RULES);
        json.put("leftOutProjects", rollup.leftOutProjects());
        json.put("skippedProjects",
                rollup.skippedProjects()
                    .stream()
                    .map(s -> Map.of("projectKey", s.projectKey(), "reason", s.reason()))
                    .toList());
        return json;
    }

    private static List<Map<String, Object>> groups(List<GroupSummary> groups, ProgramRollup rollup) {
        return groups.stream().map(g -> group(g, rollup.label(g))).toList();
    }

    static Map<String, Object> group(GroupSummary g, String name) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", lower(g.kind()));
        map.put("id", g.id());
        map.put("name", name);
        map.put("items", g.items());
        map.put("todo", g.todo());
        map.put("inProgress", g.inProgress());
        map.put("done", g.done());
        map.put("percentComplete", g.percentComplete().orElse(null));
        map.put("pointsDone", g.pointsDone());
        map.put("pointsTotal", g.pointsTotal());
        map.put("estimateDoneSeconds", g.estimateDoneSeconds());
        map.put("estimateTotalSeconds", g.estimateTotalSeconds());
        map.put("valueDone", g.valueDone());
        map.put("valueTotal", g.valueTotal());
        map.put("valueDelivered", g.valueDelivered().orElse(null));
        map.put("withoutPoints", g.withoutPoints());
        map.put("withoutEstimate", g.withoutEstimate());
        map.put("unestimated", g.unestimated());
        map.put("unscored", g.unscored());
        map.put("overdue", g.overdue());
        map.put("anomalies", g.anomalies());
        return map;
    }

    private static Map<String, Object> dependency(Dependency d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("blocker", end(d.blocker()));
        map.put("blocked", end(d.blocked()));
        map.put("crossProject", d.crossProject());
        map.put("conflicts", d.conflicts().stream().map(ProgramResultJson::conflict).toList());
        return map;
    }

    private static Map<String, Object> end(DependencyEnd end) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", end.key());
        map.put("projectKey", end.projectKey());
        map.put("status", lower(end.status()));
        map.put("due", end.due().map(Object::toString).orElse(null));
        map.put("parentKey", end.parentKey().orElse(null));
        map.put("themeIds", end.themeIds());
        return map;
    }

    private static Map<String, Object> conflict(DependencyConflict c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", lower(c.kind()));
        map.put("blockerDue", c.blockerDue().toString());
        map.put("limit", c.limit().toString());
        map.put("themeId", c.themeId().orElse(null));
        return map;
    }

    private static List<Map<String, Object>> burnUp(BurnUp burnUp) {
        return burnUp.points().stream().map(p -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("weekStart", p.weekStart().toString());
            map.put("scope", p.scope());
            map.put("done", p.done());
            return map;
        }).toList();
    }

    static Map<String, Object> forecast(Forecast f) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", lower(f.status()));
        map.put("remainingItems", f.remainingItems());
        map.put("percentiles", f.percentiles().stream().map(ProgramResultJson::percentile).toList());
        return map;
    }

    private static Map<String, Object> percentile(ForecastPercentile p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("percent", p.percent());
        map.put("beyondHorizon", p.beyondHorizon());
        map.put("weeksFromNow", p.weeksFromNow().orElse(null));
        map.put("weekStart", p.weekStart().map(Object::toString).orElse(null));
        return map;
    }

    private static <T> Map<String, Object> map(Map<String, T> values, Function<T, Object> convert) {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(key, convert.apply(value)));
        return map;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
