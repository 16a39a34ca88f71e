package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.RefinementEvents;
import dev.throughline.readmodel.service.RefinementSync;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refined program's ids kept by issue events: an event whose fields decide the
 * refinement moves the issue in or out with no Jira call, and the next view (projects
 * fresh) searches nothing; an event the subset cannot judge makes that view search what
 * changed, as before. Memory and H2 stores (two instances share the H2 one).
 */
class RefinementEventsTest {

    private static final String DECIDED = "status != Done";

    /** Dates are outside the subset: every event leaves this one to Jira. */
    private static final String UNDECIDED = "status != Done AND created >= \"2000-01-01\"";

    private JiraSandbox sandbox;

    private SandboxSite site;

    private JiraClient client;

    private List<String> projects;

    private IssueSync sync;

    private RefinementSync refinements;

    private IssueEvents events;

    @BeforeEach
    void start() {
        site = SandboxGenerator.generate(7, 3, 450);
        sandbox = JiraSandbox.start(site);
        client = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        projects = site.projects().stream().map(p -> p.key()).toList().subList(0, 2);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private void keptIn(ProgramRefinements store) {
        sync = new IssueSync(new MemoryIssueFacts(), site.clock(), Duration.ofMinutes(5));
        refinements = new RefinementSync(store, sync);
        events = new IssueEvents(sync.store(), new MemoryPropertyEventTimes(),
                Optional.of(new RefinementEvents(store, site.clock())));
        sync.readInFull(client, "site", projects, Optional.empty());
    }

    private Set<Long> view(String programId, String refinement) {
        return refinements.matching(client, "site", programId, projects, refinement,
                sync.plan("site", projects, Optional.empty(), false, Duration.ofMinutes(10)), Optional.empty());
    }

    private Set<Long> openInJira() {
        return site.issues()
            .stream()
            .filter(i -> projects.contains(i.projectKey()) && i.status() != IssueStatus.DONE)
            .map(SandboxIssue::id)
            .collect(Collectors.toSet());
    }

    /**
     * The issue event Jira sends for the issue as it is now (its fields, no properties).
     */
    private void deliver(SandboxIssue issue) {
        JiraIssue now = client
            .search(new SearchRequest(Jql.issueKeyIn(List.of(issue.key())), FactsOf.fields(Optional.empty()), List.of(),
                    1))
            .findFirst()
            .orElseThrow();
        events.changed("site", new JiraIssue(now.id(), now.key(), now.fields(), Map.of()));
    }

    private SandboxIssue first(IssueStatus status) {
        return site.issues()
            .stream()
            .filter(i -> projects.contains(i.projectKey())
                    && (i.status() == IssueStatus.DONE) == (status == IssueStatus.DONE))
            .findFirst()
            .orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("dev.throughline.program.service.RefinementSyncTest#stores")
    void eventsThatDecideTheRefinementLeaveNothingToSearch(Supplier<ProgramRefinements> store) {
        keptIn(store.get());
        assertThat(view("p1", DECIDED)).isEqualTo(openInJira());
        site.advance(Duration.ofMinutes(1));
        SandboxIssue open = first(IssueStatus.IN_PROGRESS);
        SandboxIssue done = first(IssueStatus.DONE);
        site.transition(open.key(), IssueStatus.DONE);
        site.transition(done.key(), IssueStatus.IN_PROGRESS);
        deliver(open);
        deliver(done);
        deliver(done); // delivered twice: the same
        sandbox.resetTraffic();

        Set<Long> ids = view("p1", DECIDED);

        assertThat(ids).isEqualTo(openInJira()).contains(done.id()).doesNotContain(open.id());
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("decided by the events: no search").isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.throughline.program.service.RefinementSyncTest#stores")
    void anEventTheSubsetCannotJudgeMakesTheNextViewSearch(Supplier<ProgramRefinements> store) {
        keptIn(store.get());
        view("p1", DECIDED);
        view("p2", UNDECIDED);
        site.advance(Duration.ofMinutes(1));
        SandboxIssue open = first(IssueStatus.IN_PROGRESS);
        site.transition(open.key(), IssueStatus.DONE);
        deliver(open);
        // an event at the very instant a read starts counts as during it
        site.advance(Duration.ofSeconds(1));
        sandbox.resetTraffic();

        assertThat(view("p1", DECIDED)).doesNotContain(open.id());
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("p1: decided").isZero();
        assertThat(view("p2", UNDECIDED)).isEqualTo(openInJira()).doesNotContain(open.id());
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("p2: the changed issues searched, as before")
            .isEqualTo(2);

        sandbox.resetTraffic();
        assertThat(view("p2", UNDECIDED)).isEqualTo(openInJira());
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("searched since the event: nothing left").isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.throughline.program.service.RefinementSyncTest#stores")
    void aDeletionLeavesWithoutASearch(Supplier<ProgramRefinements> store) {
        keptIn(store.get());
        view("p1", DECIDED);
        site.advance(Duration.ofMinutes(1));
        SandboxIssue gone = site.issues()
            .stream()
            .filter(i -> projects.contains(i.projectKey()) && i.status() != IssueStatus.DONE
                    && site.children(i.id()).isEmpty() && site.linksOf(i.id()).isEmpty())
            .findFirst()
            .orElseThrow();
        JiraIssue before = client
            .search(new SearchRequest(Jql.issueKeyIn(List.of(gone.key())), FactsOf.fields(Optional.empty()), List.of(),
                    1))
            .findFirst()
            .orElseThrow();
        site.delete(gone.key());
        events.deleted("site", before);
        sandbox.resetTraffic();

        assertThat(view("p1", DECIDED)).isEqualTo(openInJira()).doesNotContain(gone.id());
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).isZero();
    }

}
