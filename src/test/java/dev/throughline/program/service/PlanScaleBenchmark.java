package dev.throughline.program.service;

import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.planning.StoredPlan;
import dev.throughline.planning.service.PlanningService;
import dev.throughline.planning.service.SprintHorizons;
import dev.throughline.planning.service.StoredPlans;
import dev.throughline.planning.store.PlanJiraStore;
import dev.throughline.planning.store.SnapshotJiraStore;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.service.ReadModelBench.Row;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.ReadModelServices;
import dev.throughline.readmodel.service.RefinementSync;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning at scale (docs/program-benchmark.md, *Planning at scale*): a program of
 * {@code throughline.bench.planIssues} issues (100,000) in 20 generated projects, the
 * open children of 500 of its epics with open work scored, two boards whose filters show
 * part of a project. The read model is filled once by the program's first rollup; then
 * each step runs {@code throughline.bench.planRuns} times (10) and gives p50 / p95 wall
 * time, Jira points and requests: the plan inputs, the solve of a stored plan, the same
 * with the two board teams, and a save that adds the boards. Runs in a forked
 * {@code java -Xmx}{@code .xmx} (1g) holding sandbox and app. Out of {@code mvn verify};
 * run with
 * <pre>mvn -q test -Dgroups=benchmark -DexcludedGroups= -Dtest=PlanScaleBenchmark</pre>
 * Writes {@code target/plan-scale-benchmark.md}.
 */
@Tag("benchmark")
class PlanScaleBenchmark {

    private static final int SCORED = 500;

    private static final int PROJECTS = 20;

    @Test
    void planningAtScale() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process forked = new ProcessBuilder(javaBin, "-Xmx" + System.getProperty("throughline.bench.xmx", "1g"),
                "-XX:+UseParallelGC", "-cp", classpath, PlanScaleBenchmark.class.getName(),
                System.getProperty("throughline.bench.planIssues", "100000"),
                System.getProperty("throughline.bench.planRuns", "10"))
            .redirectErrorStream(true)
            .start();
        String output = new String(forked.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = forked.waitFor();
        System.out.println(output);
        Files.writeString(Path.of("target", "plan-scale-benchmark.md"), output);
        assertThat(exit).as(output).isZero();
    }

    /** {@code issues runs}: the steps in this JVM, their table on standard output. */
    public static void main(String[] args) {
        int issues = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        SandboxSite site = SandboxGenerator.generate(42, PROJECTS, issues);
        // a candidate's value is its open children's scores: score those of up to 500
        // epics with open work, spread over the site
        Map<Long, List<SandboxIssue>> openChildren = site.issues()
            .stream()
            .filter(i -> i.hasParent() && i.type() != IssueType.SUBTASK && !i.status().done())
            .collect(Collectors.groupingBy(SandboxIssue::parentId));
        List<Long> epics = site.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && openChildren.containsKey(i.id()))
            .map(SandboxIssue::id)
            .toList();
        int step = Math.max(1, epics.size() / SCORED);
        for (int e = 0, scored = 0; e < epics.size() && scored < SCORED; e += step, scored++) {
            for (SandboxIssue child : openChildren.get(epics.get(e))) {
                site.setIssueProperty(child.key(), "throughline.value",
                        Map.of("score", 1 + (child.id() * 37) % 100, "model", "RICE"));
            }
        }
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        // each board's filter shows the older half of its project's issues
        List<Long> boards = new ArrayList<>();
        for (String key : keys.subList(0, 2)) {
            long last = site.issues().stream().filter(i -> i.projectKey().equals(key)).count();
            boards.add(site.addBoard("Bench " + key, key, "project = " + key + " AND key <= " + key + "-" + last / 2)
                .id());
        }
        JiraSandbox sandbox = JiraSandbox.start(site);
        PointsMeter meter = new PointsMeter();
        JiraClient client = BenchJira.client(sandbox.baseUrl(), meter);
        JiraClients clients = BenchJira.clients(client);
        Clock clock = site.clock();
        Caller admin = Caller.of(new Site("bench-plan", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        ProgramService programs = BenchJira.programs(client);
        String programId = programs.create(admin, ProgramDraft.parse(Map.of("name", "Bench", "projects", keys), false))
            .id();
        IssueSync sync = new IssueSync(ReadModelDatabase.h2Store(), clock, Duration.ofMinutes(5));
        ProgramRefinements refinements = ReadModelDatabase.h2Refinements();
        ProgramRollupService rollups = new ProgramRollupService(clients, programs, KeptCatalogs.of(clock), clock, 4,
                Duration.ofMinutes(10), Duration.ofSeconds(2), sync, new RefinementSync(refinements, sync));
        PlanningService planning = new PlanningService(programs, rollups, clock,
                ReadModelServices.projectIssues(sync, Duration.ofMinutes(10)), clients, refinements,
                new SprintHorizons(clients));
        StoredPlans plans = new StoredPlans(clients, new PlanJiraStore(), programs, caller -> true, new Unlocked(),
                clock, new SnapshotJiraStore(), planning);
        StoredPlan draft = new StoredPlan("new", programId, "Bench", 4, 0.1, 0.7, Map.of(), Map.of(), List.of(),
                List.of(), 1, "RICE", List.of(), List.of());
        List<Row> rows = new ArrayList<>();
        int[] candidates = { 0 };
        try {
            rows.add(ReadModelBench.measure(meter, "first rollup (fills the read model)", "",
                    () -> rollups.rollup(admin, programId, false)));
            rows.add(ReadModelBench.measure(meter, "first plan inputs", "",
                    () -> candidates[0] = planning
                        .inputs(admin, programId, 4, Optional.of("RICE"), Map.of(), List.of(), Optional.empty())
                        .candidates()
                        .size()));
            rows.add(repeated(meter, "plan inputs (4 quarters, RICE)", runs, i -> planning.inputs(admin, programId, 4,
                    Optional.of("RICE"), Map.of(), List.of(), Optional.empty())));
            StoredPlan plain = plans.create(admin, programId, draft);
            rows.add(repeated(meter, "solve of a stored plan (20 project teams)", runs,
                    i -> planning.solve(admin, plain)));
            StoredPlan[] current = { plain };
            rows.add(repeated(meter, "save adding the two boards (the other way back between runs, not timed)", runs,
                    i -> {
                        current[0] = plans.update(admin, programId, plain.id(), with(current[0], boards),
                                current[0].version());
                        if (i < runs - 1) {
                            current[0] = plans.update(admin, programId, plain.id(), with(current[0], List.of()),
                                    current[0].version());
                        }
                    }));
            StoredPlan withBoards = current[0];
            rows.add(repeated(meter, "solve with the two board teams", runs, i -> planning.solve(admin, withBoards)));
        }
        finally {
            rollups.stop();
            sandbox.stop();
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%,d issues, %d projects, %d epics with open work, %d candidates (their open children scored), 0 ms Jira, max heap %d MB (sandbox and app)"
                        + "%n%n| step | points | requests | wall time | peak heap | load | |%n"
                        + "|---|---:|---:|---:|---:|---:|---|%n",
                issues, PROJECTS, epics.size(), candidates[0], Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f s | %d MB | %.1f | %s |%n", row.what(),
                    row.points(), row.requests(), row.millis() / 1000.0, row.peakHeapMb(), row.load(), row.note()));
        }
        System.out.println(table);
        System.exit(0);
    }

    private static StoredPlan with(StoredPlan plan, List<Long> boards) {
        return new StoredPlan(plan.id(), plan.programId(), plan.name(), plan.quarters(), plan.discount(),
                plan.threshold(), plan.capacity(), plan.commitments(), plan.exclusions(), plan.scenarios(),
                plan.version(), plan.model(), plan.conversions(), boards);
    }

    /**
     * {@code runs} runs of {@code step}: the p50 and p95 wall time (the row's), points
     * and requests per run (the most of any run in the row, every run's in the note).
     */
    private static Row repeated(PointsMeter meter, String what, int runs, IntConsumer step) {
        long[] millis = new long[runs];
        List<Row> each = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int run = i;
            Row one = ReadModelBench.measure(meter, what, "", () -> step.accept(run));
            each.add(one);
            millis[i] = one.millis();
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        long p95 = sorted[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)];
        return new Row(what + ", p95 of " + runs, each.stream().mapToLong(Row::points).max().orElse(0),
                each.stream().mapToLong(Row::requests).max().orElse(0), p95,
                each.stream().mapToLong(Row::peakHeapMb).max().orElse(0),
                "p50 " + sorted[(runs - 1) / 2] + " ms; wall ms in order "
                        + Arrays.stream(millis).mapToObj(Long::toString).collect(Collectors.joining(", "))
                        + "; points per run "
                        + each.stream().map(r -> Long.toString(r.points())).collect(Collectors.joining(", ")),
                each.get(runs - 1).load());
    }

}
