package dev.throughline.planning;

import dev.throughline.program.rollup.Dependency;
import dev.throughline.program.rollup.DependencyEnd;
import dev.throughline.program.rollup.GroupSummary;
import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.ProgressBasis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A plan's inputs as the program's rollup sees them: teams are the program's projects,
 * candidates its open epics scored on the value model, effort and throughput on the
 * program's progress basis. Epics without a score are listed apart (values must compare).
 *
 * <p>
 * The rollup keeps weekly done counts for the whole program only, so {@link #of} gives a
 * team the program's weekly done items times the team's share of the program's done items
 * (and, on the points or estimate basis, times the team's points or hours per done item);
 * the planning service replaces that with each team's own measured throughput
 * ({@link #withThroughput}) whenever it can read the team's issues.
 *
 * @param unit {@code items}, {@code points} or {@code hours}
 * @param unscored open epics without a value score: not candidates until scored
 * @param model the model whose scores the plan compares ({@link OneModel}), empty when no
 * open epic is scored
 * @param apart open epics left out by the one-model rule, unscored ones included, each
 * with its reason
 * @param converted candidates whose value was converted from another model by the plan
 * @param candidateKind {@code epics}, or {@code issues} for a program without open epics
 * ({@link IssueCandidates})
 * @param notice why there are no candidates when the reason is not a missing score (empty
 * otherwise)
 * @param sprints the sprints a sprint horizon's periods are
 * ({@link SprintPeriods#applyTo}), empty for quarters
 */
public record ProgramInputs(String unit, List<String> periods, List<PlanTeam> teams, List<Candidate> candidates,
        Map<String, TeamThroughput> throughput, List<Unscored> unscored, Optional<String> model, List<Apart> apart,
        List<Converted> converted, String candidateKind, String notice, Optional<SprintPeriods> sprints) {

    public static final String EPICS = "epics";

    public static final String ISSUES = "issues";

    public static final int WEEKS_PER_QUARTER = 13;

    public static final int MAX_QUARTERS = 8;

    public ProgramInputs {
        periods = List.copyOf(periods);
        teams = List.copyOf(teams);
        candidates = List.copyOf(candidates);
        throughput = Map.copyOf(throughput);
        unscored = List.copyOf(unscored);
        apart = List.copyOf(apart);
        converted = List.copyOf(converted);
        if (!EPICS.equals(candidateKind) && !ISSUES.equals(candidateKind)) {
            throw new IllegalArgumentException("candidateKind must be epics or issues");
        }
        notice = notice == null ? "" : notice;
        Objects.requireNonNull(sprints, "sprints");
    }

    /** Inputs of a quarter horizon. */
    public ProgramInputs(String unit, List<String> periods, List<PlanTeam> teams, List<Candidate> candidates,
            Map<String, TeamThroughput> throughput, List<Unscored> unscored, Optional<String> model, List<Apart> apart,
            List<Converted> converted, String candidateKind, String notice) {
        this(unit, periods, teams, candidates, throughput, unscored, model, apart, converted, candidateKind, notice,
                Optional.empty());
    }

    /** Inputs whose candidates are epics, without a notice. */
    public ProgramInputs(String unit, List<String> periods, List<PlanTeam> teams, List<Candidate> candidates,
            Map<String, TeamThroughput> throughput, List<Unscored> unscored, Optional<String> model, List<Apart> apart,
            List<Converted> converted) {
        this(unit, periods, teams, candidates, throughput, unscored, model, apart, converted, EPICS, "");
    }

    /** The same inputs saying why there are no candidates. */
    public ProgramInputs withNotice(String why) {
        return new ProgramInputs(unit, periods, teams, candidates, throughput, unscored, model, apart, converted,
                candidateKind, why, sprints);
    }

    /** True when the program has no open epic of the caller's projects. */
    public boolean withoutEpics() {
        return EPICS.equals(candidateKind) && candidates.isEmpty() && apart.isEmpty();
    }

    public ProgramInputs(String unit, List<String> periods, List<PlanTeam> teams, List<Candidate> candidates,
            Map<String, TeamThroughput> throughput, List<Unscored> unscored) {
        this(unit, periods, teams, candidates, throughput, unscored, Optional.empty(), List.of(), List.of());
    }

    /** An open epic left out of the plan because it has no value score yet. */
    public record Unscored(String key, String summary, String team, double effort) {
    }

    /**
     * An open epic left out by the one-model rule: {@code reason} "not scored" or "scored
     * with ICE; this plan compares RICE".
     */
    public record Apart(String key, String summary, String team, double effort, String reason) {
    }

    /**
     * A candidate's value converted by the plan: {@code score} the open value of model
     * {@code from}, times {@code factor}, is {@code value} on the plan's model.
     */
    public record Converted(String key, String from, double factor, double score, double value) {
    }

    /**
     * The inputs comparing the model scoring the most open items, without conversions.
     */
    public static ProgramInputs of(ProgramResult result, ProgressBasis basis, int throughputWeeks, LocalDate today,
            int quarters) {
        return of(result, basis, throughputWeeks, today, quarters, Optional.empty(), Map.of());
    }

    /**
     * The inputs of {@code quarters} quarters starting with the one after
     * {@code today}'s.
     */
    public static ProgramInputs of(ProgramResult result, ProgressBasis basis, int throughputWeeks, LocalDate today,
            int quarters, Optional<String> model, Map<String, Double> conversions) {
        if (quarters < 1 || quarters > MAX_QUARTERS) {
            throw new IllegalArgumentException("quarters must be 1 to " + MAX_QUARTERS);
        }
        List<String> periods = quarterLabels(today, quarters);
        double[] programWeeks = MeasuredThroughput.programWeeks(result.programBurnUp().points(), today,
                throughputWeeks);
        long programDone = result.program().done();
        List<PlanTeam> teams = new ArrayList<>();
        Map<String, TeamThroughput> throughput = new LinkedHashMap<>();
        for (GroupSummary project : result.projects()) {
            double share = programDone == 0 ? 0 : (double) project.done() / programDone;
            double perItem = project.done() == 0 ? 0 : doneEffort(project, basis) / project.done();
            double[] weeks = new double[programWeeks.length];
            for (int w = 0; w < weeks.length; w++) {
                weeks[w] = round(programWeeks[w] * share * perItem);
            }
            TeamThroughput history = new TeamThroughput(project.id(), weeks);
            throughput.put(project.id(), history);
            teams.add(teamOf(history, periods));
        }
        List<GroupSummary> open = result.epics()
            .stream()
            .filter(epic -> epic.todo() + epic.inProgress() > 0)
            .filter(epic -> throughput.containsKey(projectOf(epic.id())))
            .toList();
        OneModel rule = OneModel.of(open, model, conversions);
        Map<String, OneModel.Verdict> scored = new LinkedHashMap<>();
        List<Unscored> unscored = new ArrayList<>();
        List<Apart> apart = new ArrayList<>();
        List<Converted> converted = new ArrayList<>();
        for (GroupSummary epic : open) {
            OneModel.Verdict verdict = rule.judge(epic);
            String summary = result.epicSummaries().getOrDefault(epic.id(), "");
            if (verdict.value() != null) {
                scored.put(epic.id(), verdict);
                converted.addAll(verdict.converted());
                continue;
            }
            apart.add(new Apart(epic.id(), summary, projectOf(epic.id()), remaining(epic, basis), verdict.reason()));
            if (epic.valueTotal().signum() <= 0) {
                unscored.add(new Unscored(epic.id(), summary, projectOf(epic.id()), remaining(epic, basis)));
            }
        }
        Map<String, Set<String>> blockers = new LinkedHashMap<>();
        Map<String, Set<String>> outside = new LinkedHashMap<>();
        for (Dependency link : result.dependencies().open()) {
            Optional<String> blocked = candidateOf(link.blocked(), scored.keySet());
            Optional<String> blocker = candidateOf(link.blocker(), scored.keySet());
            if (blocked.isEmpty() || blocked.equals(blocker)) {
                continue;
            }
            if (blocker.isPresent()) {
                blockers.computeIfAbsent(blocked.get(), k -> new LinkedHashSet<>()).add(blocker.get());
            }
            else {
                outside.computeIfAbsent(blocked.get(), k -> new LinkedHashSet<>()).add(link.blocker().key());
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (GroupSummary epic : open) {
            if (scored.containsKey(epic.id())) {
                candidates.add(new Candidate(epic.id(), result.epicSummaries().getOrDefault(epic.id(), ""),
                        projectOf(epic.id()), scored.get(epic.id()).value(), remaining(epic, basis),
                        List.copyOf(blockers.getOrDefault(epic.id(), Set.of())),
                        List.copyOf(outside.getOrDefault(epic.id(), Set.of())), OptionalInt.empty(), false));
            }
        }
        return new ProgramInputs(unit(basis), periods, teams, candidates, throughput, unscored, rule.model(), apart,
                converted);
    }

    /**
     * The same inputs with each team's own measured throughput
     * ({@link MeasuredThroughput}) in place of its share of the program's, and its
     * capacity per quarter from it; teams the map does not name are kept as they were.
     */
    public ProgramInputs withThroughput(Map<String, TeamThroughput> measured) {
        Map<String, TeamThroughput> replaced = new LinkedHashMap<>(throughput);
        List<PlanTeam> recomputed = new ArrayList<>();
        for (PlanTeam team : teams) {
            TeamThroughput history = measured.get(team.id());
            if (history != null) {
                replaced.put(team.id(), history);
            }
            recomputed.add(history == null ? team : teamOf(history, periods));
        }
        return new ProgramInputs(unit, periods, recomputed, candidates, replaced, unscored, model, apart, converted,
                candidateKind, notice, sprints);
    }

    /** A team whose capacity each quarter is 13 of its mean weeks. */
    private static PlanTeam teamOf(TeamThroughput history, List<String> periods) {
        return teamOf(history, history.teamId(), periods);
    }

    static PlanTeam teamOf(TeamThroughput history, String name, List<String> periods) {
        double perQuarter = round(history.weeklyMean() * WEEKS_PER_QUARTER);
        return new PlanTeam(history.teamId(), name, periods.stream().map(p -> perQuarter).toList());
    }

    public static String unit(ProgressBasis basis) {
        return switch (basis) {
            case STORY_POINTS -> "points";
            case ORIGINAL_ESTIMATE -> "hours";
            default -> "items";
        };
    }

    static List<String> quarterLabels(LocalDate today, int quarters) {
        List<String> labels = new ArrayList<>();
        int year = today.getYear();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        for (int i = 0; i < quarters; i++) {
            quarter++;
            if (quarter > 4) {
                quarter = 1;
                year++;
            }
            labels.add(year + "-Q" + quarter);
        }
        return labels;
    }

    /**
     * The epic itself when it is a candidate, else its parent epic when that is one.
     */
    private static Optional<String> candidateOf(DependencyEnd end, Set<String> candidates) {
        if (candidates.contains(end.key())) {
            return Optional.of(end.key());
        }
        return end.parentKey().filter(candidates::contains);
    }

    private static double doneEffort(GroupSummary group, ProgressBasis basis) {
        return switch (basis) {
            case STORY_POINTS -> group.pointsDone().doubleValue();
            case ORIGINAL_ESTIMATE -> group.estimateDoneSeconds() / 3600.0;
            default -> group.done();
        };
    }

    /** The open children's estimate on the progress basis. */
    static double remaining(GroupSummary epic, ProgressBasis basis) {
        return round(switch (basis) {
            case STORY_POINTS -> epic.pointsTotal().subtract(epic.pointsDone()).doubleValue();
            case ORIGINAL_ESTIMATE -> (epic.estimateTotalSeconds() - epic.estimateDoneSeconds()) / 3600.0;
            default -> epic.todo() + epic.inProgress();
        });
    }

    private static String projectOf(String key) {
        int dash = key.lastIndexOf('-');
        return dash > 0 ? key.substring(0, dash) : key;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

}
