package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.service.ReadModelBench.Row;
import dev.throughline.readmodel.MemoryProgramRefinements;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.RefinementEvents;
import dev.throughline.readmodel.service.RefinementSync;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The refined program's rows of the read-model benchmark: a program over the same
 * projects with the JQL refinement {@code status != Done}, refreshed after 0.1 % and 1 %
 * of the issues changed and viewed after the same changes as webhooks (each event's
 * fields decide whether the issue still matches, {@link RefinementEvents}: no search).
 */
final class RefinedBench {

    static final String REFINEMENT = "status != Done";

    private RefinedBench() {
    }

    static List<Row> run(int issues, int projects, Duration latency, long seed) {
        SandboxSite site = SandboxGenerator.generate(seed, projects, issues);
        JiraSandbox sandbox = JiraSandbox.start(site);
        PointsMeter meter = new PointsMeter();
        JiraClient client = BenchJira.client(sandbox.baseUrl(), meter);
        JiraClient unmetered = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        Caller admin = Caller.of(new Site("bench-refined", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        ProgramService programs = BenchJira.programs(client);
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        String plain = programs.create(admin, ProgramDraft.parse(Map.of("name", "Bench", "projects", keys), false))
            .id();
        String refined = programs
            .create(admin, ProgramDraft.parse(Map.of("name", "Refined", "projects", keys, "jql", REFINEMENT), false))
            .id();
        sandbox.withLatency(latency);
        IssueSync sync = new IssueSync(ReadModelDatabase.h2Store(), site.clock(), Duration.ofMinutes(5));
        ProgramRefinements held = new MemoryProgramRefinements();
        IssueEvents events = new IssueEvents(sync.store(), new MemoryPropertyEventTimes(),
                Optional.of(new RefinementEvents(held, site.clock())));
        ProgramRollupService service = new ProgramRollupService(BenchJira.clients(client), programs,
                KeptCatalogs.of(site.clock()), site.clock(), 4, Duration.ofMinutes(10), Duration.ofSeconds(2), sync,
                new RefinementSync(held, sync));
        List<Row> rows = new ArrayList<>();
        Random random = new Random(seed);
        try {
            rows.add(ReadModelBench.measure(meter,
                    "refined: cold rollup of the unrefined program (fills the read model)", "",
                    () -> service.rollup(admin, plain, false)));
            rows.add(ReadModelBench.measure(meter, "refined: first view of the refined program (its matching ids)", "",
                    () -> service.rollup(admin, refined, false)));
            for (double share : new double[] { 0.001, 0.01 }) {
                int k = (int) Math.round(issues * share);
                // past the overlap, so the step before is not read again; then
                // everything synced now
                site.advance(Duration.ofMinutes(6));
                service.rollup(admin, refined, true);
                site.advance(Duration.ofMinutes(1));
                ReadModelBench.edit(site, random, k);
                site.advance(Duration.ofMinutes(10)); // past the cache time
                service.invalidateSite(admin.site());
                rows.add(ReadModelBench.measure(meter,
                        "(b) refined (" + REFINEMENT + "): refresh after " + k + " changed (" + share * 100 + " %)",
                        "target ≤ " + (k + (k + 99) / 100 + 8), () -> service.rollup(admin, refined, false)));
                site.advance(Duration.ofMinutes(1));
                List<SandboxIssue> changed = ReadModelBench.edit(site, random, k);
                List<JiraIssue> payloads = changed.stream()
                    .map(i -> ReadModelBench.payload(unmetered, i.key()))
                    .toList();
                rows.add(ReadModelBench.measure(meter, "(c) refined: the same " + k + " changes as webhooks, next view",
                        "target ≤ 8 (membership decided from each event's fields)", () -> {
                            payloads.forEach(p -> events.changed(admin.site().clientKey(), p)
                                .forEach(project -> service.invalidateProject(admin.site(), project)));
                            service.rollup(admin, refined, false);
                        }));
            }
        }
        finally {
            service.stop();
            sandbox.stop();
        }
        return rows;
    }

}
