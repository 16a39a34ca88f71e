package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.MemoryProgramRefinements;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.SyncPlan;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.RefinementSync;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refined program's ids: read once in full, then kept by two small searches of what
 * changed (changed issues of the projects, and those of them the refinement matches).
 */
class RefinementSyncTest {

    private static final String REFINEMENT = "status != Done";

    private JiraSandbox sandbox;

    private SandboxSite site;

    private JiraClient client;

    private RefinementSync refinements;

    private List<String> projects;

    @BeforeEach
    void start() {
        site = SandboxGenerator.generate(7, 3, 450);
        sandbox = JiraSandbox.start(site);
        client = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        projects = site.projects().stream().map(p -> p.key()).toList().subList(0, 2);
    }

    private void keptIn(ProgramRefinements store) {
        refinements = new RefinementSync(store,
                new IssueSync(new MemoryIssueFacts(), site.clock(), Duration.ofMinutes(5)));
    }

    static List<Supplier<ProgramRefinements>> stores() {
        return List.of(MemoryProgramRefinements::new, ReadModelDatabase::h2Refinements);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private Set<Long> matchingInJira() {
        return site.issues()
            .stream()
            .filter(i -> projects.contains(i.projectKey()) && i.status() != IssueStatus.DONE)
            .map(SandboxIssue::id)
            .collect(Collectors.toSet());
    }

    private Set<Long> matching(String refinement) {
        return refinements.matching(client, "site", "p1", projects, refinement,
                new SyncPlan(List.of(), List.of(), Optional.empty(), List.of()), Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void readOnceInFullThenKeptByWhatChangedAndReadAgainWhenForgotten(Supplier<ProgramRefinements> store) {
        keptIn(store.get());
        Set<Long> first = matching(REFINEMENT);
        int fullRead = sandbox.servedCount(JiraSandbox.SEARCH);
        assertThat(first).isEqualTo(matchingInJira()).isNotEmpty();
        assertThat(fullRead).isEqualTo((first.size() + 99) / 100);

        site.advance(Duration.ofMinutes(30));
        SandboxIssue open = site.issues().stream().filter(i -> first.contains(i.id())).findFirst().orElseThrow();
        SandboxIssue done = site.issues()
            .stream()
            .filter(i -> projects.contains(i.projectKey()) && i.status() == IssueStatus.DONE)
            .findFirst()
            .orElseThrow();
        site.transition(open.key(), IssueStatus.DONE);
        site.transition(done.key(), IssueStatus.IN_PROGRESS);
        sandbox.resetTraffic();

        Set<Long> second = matching(REFINEMENT);

        assertThat(second).isEqualTo(matchingInJira()).contains(done.id()).doesNotContain(open.id());
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("the changed issues, then those that match")
            .isEqualTo(2);

        sandbox.resetTraffic();
        refinements.forget("site", "p1");
        assertThat(matching(REFINEMENT)).isEqualTo(second);
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("forgotten: read in full").isEqualTo(fullRead);

        sandbox.resetTraffic();
        assertThat(matching("status = Done")).hasSize(
                (int) site.issues().stream().filter(i -> projects.contains(i.projectKey())).count() - second.size());
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("another refinement is read in full").isPositive();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aRefreshReadsEachChangedIssueOnceWithItsFactsAndKeepsTheIds(Supplier<ProgramRefinements> store) {
        PointsMeter meter = new PointsMeter();
        JiraClient metered = BenchJira.client(sandbox.baseUrl(), meter);
        MemoryIssueFacts facts = new MemoryIssueFacts();
        IssueSync sync = new IssueSync(facts, site.clock(), Duration.ofMinutes(5));
        refinements = new RefinementSync(store.get(), sync);
        sync.readInFull(metered, "site", projects, Optional.empty());
        SyncPlan none = new SyncPlan(List.of(), List.of(), Optional.empty(), List.of());
        refinements.matching(metered, "site", "p1", projects, REFINEMENT, none, Optional.empty());
        site.advance(Duration.ofMinutes(30));
        List<SandboxIssue> edited = site.issues()
            .stream()
            .filter(i -> projects.contains(i.projectKey()))
            .limit(150)
            .map(i -> site.transition(i.key(),
                    i.status() == IssueStatus.DONE ? IssueStatus.IN_PROGRESS : IssueStatus.DONE))
            .toList();
        meter.reset();

        SyncPlan plan = sync.plan("site", projects, Optional.empty(), true, Duration.ofMinutes(10));
        Set<Long> ids = refinements.matching(metered, "site", "p1", projects, REFINEMENT, plan, Optional.empty());

        assertThat(ids).isEqualTo(matchingInJira());
        int k = edited.size();
        assertThat(meter.points.get()).as("each changed issue once, with its facts: k + pages")
            .isLessThanOrEqualTo(k + (k + 99) / 100 + 2);
        assertThat(meter.requests.get()).as("the changed issues that match, then the others, by pages of 100")
            .isBetween(2L, 2L + k / 100);
        edited.forEach(i -> assertThat(facts.byId("site", i.id()).orElseThrow().statusCategory())
            .isEqualTo(i.status().done() ? "done" : "indeterminate"));
        assertThat(facts.syncs("site", projects).values()).allMatch(s -> !s.syncedAt().isBefore(site.now()));
    }

}
