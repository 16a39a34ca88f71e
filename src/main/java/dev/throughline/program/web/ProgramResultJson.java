package dev.throughline.program.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.throughline.program.rollup.BurnUp;
import dev.throughline.program.rollup.Dependency;
import dev.throughline.program.rollup.DependencyConflict;
import dev.throughline.program.rollup.DependencyEnd;
import dev.throughline.program.rollup.DependencyReport;
import dev.throughline.program.rollup.Forecast;
import dev.throughline.program.rollup.ForecastPercentile;
import dev.throughline.program.rollup.GroupSummary;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.service.ProgramRollup;
import dev.throughline.program.service.SkippedProject;
import dev.throughline.web.StaleJson;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A viewer's program rollup as the JSON the program page renders (enum values in lower
 * case, dates as ISO text, absent as null). Pinned field by field by
 * {@code ProgramAnswersPinTest}.
 */
record ProgramResultJson(ProgramJson program, String today, String fetchedAt, Groups groups, Dependencies dependencies,
        BurnUps burnUp, Forecasts forecasts, String rules, int leftOutProjects, List<Skipped> skippedProjects,
        @JsonInclude(JsonInclude.Include.NON_NULL) StaleJson stale) {

    static final String RULES = "docs/rollup-rules.md";

    static ProgramResultJson of(ProgramRollup rollup) {
        ProgramResult result = rollup.result();
        Function<List<GroupSummary>, List<GroupJson>> groups = list -> list.stream()
            .map(g -> GroupJson.of(g, rollup.label(g)))
            .toList();
        return new ProgramResultJson(ProgramJson.of(rollup.program()), result.settings().today().toString(),
                rollup.fetchedAt().toString(),
                new Groups(List.of(GroupJson.of(result.program(), rollup.program().name())),
                        groups.apply(result.projects()), groups.apply(result.epics()), groups.apply(result.themes()),
                        groups.apply(result.fixVersions())),
                Dependencies.of(result.dependencies()),
                new BurnUps(points(result.programBurnUp()), byKey(result.themeBurnUps(), ProgramResultJson::points)),
                new Forecasts(ForecastJson.of(result.programForecast()),
                        byKey(result.themeForecasts(), ForecastJson::of),
                        byKey(result.epicForecasts(), ForecastJson::of)),
                RULES, rollup.leftOutProjects(), rollup.skippedProjects().stream().map(Skipped::of).toList(), null);
    }

    /** The answer served from the viewer's last good rollup, saying so. */
    ProgramResultJson stale(StaleJson why) {
        return new ProgramResultJson(program, today, fetchedAt, groups, dependencies, burnUp, forecasts, rules,
                leftOutProjects, skippedProjects, why);
    }

    record ProgramJson(String id, String name, long version, String progressBasis, boolean includeSubtasks,
            boolean scopeGrowth, int throughputWeeks) {

        static ProgramJson of(ProgramDefinition p) {
            return new ProgramJson(p.id(), p.name(), p.version(), lower(p.progressBasis()), p.includeSubtasks(),
                    p.scopeGrowth(), p.throughputWeeks());
        }

    }

    record Groups(List<GroupJson> program, List<GroupJson> projects, List<GroupJson> epics, List<GroupJson> themes,
            List<GroupJson> fixVersions) {
    }

    record GroupJson(String kind, String id, String name, long items, long todo, long inProgress, long done,
            Double percentComplete, BigDecimal pointsDone, BigDecimal pointsTotal, long estimateDoneSeconds,
            long estimateTotalSeconds, BigDecimal valueDone, BigDecimal valueTotal, Double valueDelivered,
            long withoutPoints, long withoutEstimate, long unestimated, long unscored, long overdue,
            List<String> anomalies, List<ModelValueJson> valueByModel) {

        static GroupJson of(GroupSummary g, String name) {
            return new GroupJson(lower(g.kind()), g.id(), name, g.items(), g.todo(), g.inProgress(), g.done(),
                    g.percentComplete().orElse(null), g.pointsDone(), g.pointsTotal(), g.estimateDoneSeconds(),
                    g.estimateTotalSeconds(), g.valueDone(), g.valueTotal(), g.valueDelivered().orElse(null),
                    g.withoutPoints(), g.withoutEstimate(), g.unestimated(), g.unscored(), g.overdue(), g.anomalies(),
                    g.valueByModel().stream().map(ModelValueJson::of).toList());
        }

    }

    /**
     * One model's value in a group ({@code model} null when unknown):
     * {@code valueDelivered} weighs these shares by {@code items}.
     */
    record ModelValueJson(String model, long items, BigDecimal done, BigDecimal total, Double delivered) {

        static ModelValueJson of(GroupSummary.ModelShare share) {
            return new ModelValueJson(share.model().orElse(null), share.items(), share.done(), share.total(),
                    share.delivered().orElse(null));
        }
    }

    /** The open dependencies in full; the cross-project and conflicting ones counted. */
    record Dependencies(List<DependencyJson> open, int crossProject, int conflicts, int linksWithUnseenEnd) {

        static Dependencies of(DependencyReport report) {
            return new Dependencies(report.open().stream().map(DependencyJson::of).toList(),
                    report.crossProject().size(), report.conflicts().size(), report.linksWithUnseenEnd());
        }

    }

    record DependencyJson(End blocker, End blocked, boolean crossProject, List<Conflict> conflicts) {

        static DependencyJson of(Dependency d) {
            return new DependencyJson(End.of(d.blocker()), End.of(d.blocked()), d.crossProject(),
                    d.conflicts().stream().map(Conflict::of).toList());
        }

    }

    record End(String key, String projectKey, String status, String due, String parentKey, List<String> themeIds) {

        static End of(DependencyEnd end) {
            return new End(end.key(), end.projectKey(), lower(end.status()), text(end.due()),
                    end.parentKey().orElse(null), end.themeIds());
        }

    }

    record Conflict(String kind, String blockerDue, String limit, String themeId) {

        static Conflict of(DependencyConflict c) {
            return new Conflict(lower(c.kind()), c.blockerDue().toString(), c.limit().toString(),
                    c.themeId().orElse(null));
        }

    }

    /** A project left out of the rollup, and why. */
    record Skipped(String projectKey, String reason) {

        static Skipped of(SkippedProject skipped) {
            return new Skipped(skipped.projectKey(), skipped.reason());
        }

    }

    record BurnUps(List<Point> program, Map<String, List<Point>> themes) {
    }

    record Point(String weekStart, long scope, long done) {
    }

    record Forecasts(ForecastJson program, Map<String, ForecastJson> themes, Map<String, ForecastJson> epics) {
    }

    /**
     * {@code weeklyDone}: items done in each week of the throughput window, oldest first
     * (empty when nothing is open); {@code trials}: simulated trials, 0 when exact.
     */
    record ForecastJson(String status, long remainingItems, List<Percentile> percentiles, List<Long> weeklyDone,
            int trials) {

        static ForecastJson of(Forecast f) {
            return new ForecastJson(lower(f.status()), f.remainingItems(),
                    f.percentiles().stream().map(Percentile::of).toList(), f.weeklyDone(), f.trials());
        }

    }

    record Percentile(int percent, boolean beyondHorizon, Integer weeksFromNow, String weekStart) {

        static Percentile of(ForecastPercentile p) {
            return new Percentile(p.percent(), p.beyondHorizon(), p.weeksFromNow().orElse(null), text(p.weekStart()));
        }

    }

    private static List<Point> points(BurnUp burnUp) {
        return burnUp.points().stream().map(p -> new Point(p.weekStart().toString(), p.scope(), p.done())).toList();
    }

    /** Keeps the order of {@code values} (themes and epics as the result lists them). */
    private static <T, R> Map<String, R> byKey(Map<String, T> values, Function<T, R> convert) {
        Map<String, R> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(key, convert.apply(value)));
        return map;
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(null);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
