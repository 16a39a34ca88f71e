package dev.throughline.planning.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.planning.BoardTeams;
import dev.throughline.planning.IssueCandidates;
import dev.throughline.planning.MeasuredThroughput;
import dev.throughline.planning.OddsSimulator;
import dev.throughline.planning.PlanComparison;
import dev.throughline.planning.PlanInputs;
import dev.throughline.planning.PlanNotice;
import dev.throughline.planning.PlanOdds;
import dev.throughline.planning.PlanProblem;
import dev.throughline.planning.PlanSolution;
import dev.throughline.planning.PlanSolver;
import dev.throughline.planning.PlanTeam;
import dev.throughline.planning.ProgramInputs;
import dev.throughline.planning.SprintHorizon;
import dev.throughline.planning.SprintPeriods;
import dev.throughline.planning.StoredPlan;
import dev.throughline.planning.StoredPlanChecks;
import dev.throughline.planning.TeamThroughput;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.program.service.ProgramRollup;
import dev.throughline.program.service.ProgramRollupService;
import dev.throughline.program.service.ProgramService;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Solves a program's plan and its scenarios: the program must exist and be readable by
 * the caller (the program feature's public service answers 404 otherwise). The odds use
 * the program forecast's trials and seed; a quarter is 13 weeks, a sprint its own weeks.
 */
@Service
public class PlanningService {

    /** The answer's time budget: the solver stops at 5 s, or sooner within 0.5 %. */
    static final Duration SOLVE_LIMIT = Duration.ofSeconds(5);

    static final double GAP_LIMIT = 0.005;

    static final int WEEKS_PER_QUARTER = 13;

    static final String REFINED_WITHOUT_EPICS = "This program has no open epics and the issues its JQL refinement "
            + "matches are not read yet: open the program's overview, then plan again.";

    private final ProgramService programs;

    private final PlanSolver solver = new PlanSolver(SOLVE_LIMIT, 2, GAP_LIMIT);

    private final ProgramRollupService rollups;

    private final Clock clock;

    private final ProjectIssues issues;

    private final JiraClients jira;

    private final ProgramRefinements refinements;

    private final SprintHorizons horizons;

    private final PlanBoards boards;

    public PlanningService(ProgramService programs, ProgramRollupService rollups, Clock clock, ProjectIssues issues,
            JiraClients jira, ProgramRefinements refinements, SprintHorizons horizons) {
        this.horizons = horizons;
        this.refinements = refinements;
        this.programs = programs;
        this.rollups = rollups;
        this.clock = clock;
        this.issues = issues;
        this.jira = jira;
        this.boards = new PlanBoards(refinements, clock);
    }

    /**
     * The plan inputs of the next {@code quarters} quarters (or {@code sprints}) as the
     * caller's rollup sees the program (only projects the caller may browse), comparing
     * {@code model}'s scores (else the model scoring the most open items), other models'
     * converted by {@code factors}, with the {@code boards} named as teams
     * ({@link BoardTeams}): each must exist and show one of the program's projects the
     * caller may browse (Jira lists boards by project; the rule the backlog pages
     * follow), else 400 on {@code boards}.
     */
    public ProgramInputs inputs(Caller caller, String programId, int quarters, Optional<String> model,
            Map<String, Double> factors, List<Long> boards, Optional<SprintHorizon> sprints) {
        return inputs(caller, programId, quarters, model, factors, boards, true, sprints);
    }

    /**
     * The periods a plan written now covers: its quarters from today, or its sprints as
     * Jira has them ({@link SprintHorizons}: 400 on {@code sprints} when a rule breaks).
     */
    public List<String> horizon(Caller caller, String programId, StoredPlan draft) {
        if (draft.sprints() == null) {
            return StoredPlanChecks.horizon(today(), draft.quarters());
        }
        return inputs(caller, programId, 1, Optional.empty(), Map.of(), List.of(), true, Optional.of(draft.sprints()))
            .periods();
    }

    /**
     * {@code strict}: a board the caller cannot find is a 400; else it is left out (a
     * stored plan's board whose project this caller may not browse: its work is not in
     * their view either).
     */
    private ProgramInputs inputs(Caller caller, String programId, int quarters, Optional<String> model,
            Map<String, Double> factors, List<Long> boards, boolean strict, Optional<SprintHorizon> sprints) {
        Read read = projectInputs(caller, programId, quarters, model, factors);
        ProgramInputs projects = read.inputs();
        ProgramInputs teams = boards.isEmpty() ? projects : withBoards(caller, read, boards, strict);
        // the sprint board is seen through the caller's projects, not the board teams
        List<String> keys = projects.teams().stream().map(PlanTeam::id).toList();
        return sprints.map(h -> horizons.read(caller, keys, h, today()).applyTo(teams)).orElse(teams);
    }

    private ProgramInputs withBoards(Caller caller, Read read, List<Long> named, boolean strict) {
        ProgramInputs projects = read.inputs();
        JiraClient client = jira.forSite(caller.site());
        List<BoardTeams.BoardTeam> teams = boards.named(client, projects, named, strict);
        Map<String, TeamThroughput> measured = Map.of();
        if (read.facts().isPresent()) {
            List<IssueFacts> facts = read.facts().get();
            teams = boards.withMembers(client, caller.site().clientKey(), read.program().projects(), teams, facts);
            measured = PlanBoards.throughput(read.program(), teams, projects, facts, today());
        }
        try {
            return BoardTeams.apply(projects, teams, measured);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("boards", e.getMessage());
        }
    }

    /**
     * The boards a plan may name as teams (the picker's choices, by name): those Jira
     * lists under the program's projects the caller may browse; their issues are not
     * read.
     */
    public List<BoardTeams.BoardTeam> boardChoices(Caller caller, String programId) {
        ProgramInputs projects = sharedInputs(rollups.rollup(caller, programId, false), 1, Optional.empty(), Map.of());
        List<BoardTeams.BoardTeam> choices = new ArrayList<>(
                PlanBoards.showing(jira.forSite(caller.site()), projects, id -> true).values());
        choices.sort(Comparator.comparing(BoardTeams.BoardTeam::name, String.CASE_INSENSITIVE_ORDER));
        return choices;
    }

    /**
     * A program's inputs by project; {@code facts}: the issues they were measured from
     * (the caller's projects, refined), empty when they could not be read.
     */
    private record Read(ProgramInputs inputs, ProgramDefinition program, Optional<List<IssueFacts>> facts) {
    }

    private Read projectInputs(Caller caller, String programId, int quarters, Optional<String> model,
            Map<String, Double> factors) {
        ProgramRollup rollup = rollups.rollup(caller, programId, false);
        ProgramDefinition program = rollup.program();
        LocalDate today = today();
        ProgramInputs shared = sharedInputs(rollup, quarters, model, factors);
        if (shared.teams().isEmpty()) {
            return new Read(shared, program, Optional.empty());
        }
        String siteKey = caller.site().clientKey();
        // the rollup's projects are the caller's view: only those the caller may browse
        List<String> projects = shared.teams().stream().map(t -> t.id()).toList();
        List<IssueFacts> read = issues.of(jira.forSite(caller.site()), siteKey, projects);
        if (program.jql().isPresent()) {
            // the rollup just synced the ids its refinement matches (the same projects
            // and JQL): without them the teams' issues would count work the program
            // leaves out, so the teams keep their share of the program's throughput
            boolean synced = refinements.refinement(siteKey, programId)
                .filter(r -> r.sameAs(program.projects(), program.jql().get()))
                .isPresent();
            if (!synced) {
                return new Read(shared.withoutEpics() ? shared.withNotice(REFINED_WITHOUT_EPICS) : shared, program,
                        Optional.empty());
            }
            Set<Long> matching = refinements.ids(siteKey, programId);
            read = read.stream().filter(i -> matching.contains(i.id())).toList();
        }
        ProgramInputs epics = shared.withThroughput(MeasuredThroughput.of(read, projects, program.progressBasis(),
                program.includeSubtasks(), program.throughputWeeks(), today));
        if (!epics.withoutEpics()) {
            return new Read(epics, program, Optional.of(read));
        }
        return new Read(IssueCandidates.of(epics, read, program.progressBasis(), model, factors), program,
                Optional.of(read));
    }

    /**
     * The inputs with each team's share of the program's throughput (not measured yet).
     */
    private ProgramInputs sharedInputs(ProgramRollup rollup, int quarters, Optional<String> model,
            Map<String, Double> factors) {
        ProgramDefinition program = rollup.program();
        return ProgramInputs.of(rollup.result(), program.progressBasis(), program.throughputWeeks(), today(), quarters,
                model, factors);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The inputs a stored plan is solved on: its horizon, compared on its model with its
     * conversions (every solve and write-back of a stored plan reads them so).
     */
    public ProgramInputs inputs(Caller caller, StoredPlan plan) {
        return inputs(caller, plan.programId(), plan.quarters(), Optional.ofNullable(plan.model()), plan.factors(),
                plan.boards(), false, Optional.ofNullable(plan.sprints()));
    }

    /**
     * A solved plan with its odds, why-nots and scenario comparisons. {@code notices}: a
     * stored plan's overrides this solve does not use, each with its rule; {@code read}:
     * the inputs a stored plan was solved on (the one-model rule's model, epics apart,
     * conversions); both empty when solving a request body.
     */
    public record Solved(PlanProblem problem, PlanSolution solution, PlanOdds odds, Map<String, String> whyNot,
            List<ScenarioResult> scenarios, List<PlanNotice> notices, Optional<ProgramInputs> read) {

        public Solved {
            notices = List.copyOf(notices);
        }

        Solved readFrom(ProgramInputs inputs, List<PlanNotice> found) {
            return new Solved(problem, solution, odds, whyNot, scenarios, found, Optional.of(inputs));
        }

    }

    public record ScenarioResult(String name, PlanSolution solution, PlanOdds odds, PlanComparison comparison) {
    }

    /**
     * Solves a stored plan: the program's inputs of its horizon with its overrides.
     */
    public Solved solve(Caller caller, StoredPlan plan) {
        ProgramInputs read = inputs(caller, plan);
        PlanInputs inputs;
        try {
            inputs = plan.apply(read);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("plan", e.getMessage());
        }
        return solve(caller, plan.programId(), inputs, read.sprints()).readFrom(read,
                StoredPlanChecks.unused(plan, read));
    }

    public Solved solve(Caller caller, String programId, PlanInputs inputs) {
        return solve(caller, programId, inputs, Optional.empty());
    }

    /** {@code sprints}: the periods' own lengths (odds), else 13 weeks each. */
    private Solved solve(Caller caller, String programId, PlanInputs inputs, Optional<SprintPeriods> sprints) {
        programs.get(caller, programId);
        RollupSettings forecast = RollupSettings.defaults(LocalDate.now());
        OddsSimulator simulator = sprints.map(s -> new OddsSimulator(forecast.trials(), forecast.seed(), s.endWeeks()))
            .orElseGet(() -> new OddsSimulator(forecast.trials(), forecast.seed(), WEEKS_PER_QUARTER));
        return PlanRun.run(solver, inputs, simulator);
    }

}
