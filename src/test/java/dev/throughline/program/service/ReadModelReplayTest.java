package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.MemoryProgramRefinements;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.readmodel.service.RefinementSync;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.Reconciliation;
import dev.throughline.readmodel.service.RefinementEvents;
import dev.throughline.sandbox.IssueLink;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.LinkType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay test of the read model: seeded random interleavings of edits in Jira
 * (status, estimates, re-parenting, creation, deletion, moves between projects, links),
 * their webhook events (some dropped, some delivered twice), views, refreshes by
 * {@code updated} and reconciliations; after each reconciliation the warm rollup equals a
 * cold full read of the same site, exactly.
 */
class ReadModelReplayTest {

    private JiraSandbox sandbox;

    private SandboxSite site;

    private JiraClient client;

    private Caller admin;

    private Clock clock;

    private String programId;

    @BeforeEach
    void start() {
        site = SandboxGenerator.generate(5, 4, 600);
        sandbox = JiraSandbox.start(site);
        client = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        admin = Caller.of(new Site("replay-site", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        clock = site.clock();
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        assertThat(keys).hasSize(4);
        programId = programs()
            .create(admin,
                    ProgramDraft.parse(
                            Map.of("name", "Replay", "projects", keys.subList(0, 3), "includeSubtasks", true), false))
            .id();
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private ProgramService programs() {
        return BenchJira.programs(client);
    }

    private ProgramRollupService service(IssueSync sync) {
        return new ProgramRollupService(BenchJira.clients(client), programs(), KeptCatalogs.of(clock), clock, 2,
                Duration.ofMinutes(10), Duration.ofSeconds(2), sync);
    }

    private ProgramRollupService service(IssueSync sync, RefinementSync refinements) {
        return new ProgramRollupService(BenchJira.clients(client), programs(), KeptCatalogs.of(clock), clock, 2,
                Duration.ofMinutes(10), Duration.ofSeconds(2), sync, refinements);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3 })
    void everyTotalEqualsAColdFullReadAfterAnyInterleaving(long seed) {
        replay(seed, programId, false);
    }

    /**
     * Another tool writes and deletes scores and theme links among the edits; their
     * webhooks come as the sandbox sends them, some dropped, twice or late
     * ({@link PropertyEdits}): after each reconciliation the rollup and every held
     * issue's score and theme links equal a cold full read.
     */
    @ParameterizedTest
    @ValueSource(longs = { 6, 7 })
    void propertyWritesAmongTheEditsEqualAColdFullReadAfterEachReconciliation(long seed) {
        replay(seed, programId, true);
    }

    /**
     * A program refined by a JQL its issues enter and leave as they are edited (status,
     * creation, moves): the ids it matches are kept by what changed, as the issues are.
     */
    @ParameterizedTest
    @ValueSource(longs = { 4, 5 })
    void aRefinedProgramsTotalsEqualAColdFullReadAfterAnyInterleaving(long seed) {
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        String refined = programs()
            .create(admin,
                    ProgramDraft.parse(Map.of("name", "Refined replay", "projects", keys.subList(0, 3),
                            "includeSubtasks", true, "jql", "status != Done"), false))
            .id();
        replay(seed, refined, false);
    }

    /**
     * The same with the refinement judged from each issue event's fields (no search when
     * every event was judged): a refinement in the subset events decide, with empty and
     * multi-valued cases. With every event delivered (some twice) each view equals a cold
     * full read; with some dropped, each view after a reconciliation does.
     */
    @ParameterizedTest
    @ValueSource(longs = { 8, 9 })
    void aRefinedProgramKeptByItsEventsEqualsAColdFullReadAfterEveryView(long seed) {
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        String refined = programs()
            .create(admin, ProgramDraft.parse(
                    Map.of("name", "Refined by events", "projects", keys.subList(0, 3), "includeSubtasks", true, "jql",
                            "(status != Done AND type in (Story, Bug, \"Sub-task\")) OR NOT statusCategory = new"),
                    false))
            .id();
        replay(seed, refined, false, Delivery.EVERY_EVENT);
        replay(seed + 100, refined, false, Delivery.SOME_DROPPED);
    }

    /** How the refinement's events are delivered and when the replay compares. */
    private enum Delivery {

        /** Events only mark the changed issues; compared after each reconciliation. */
        SEARCHED,
        /**
         * Events judged by their fields, some dropped; compared after each
         * reconciliation.
         */
        SOME_DROPPED,
        /** Events judged by their fields, none dropped; compared after every view. */
        EVERY_EVENT

    }

    private void replay(long seed, String programId, boolean propertyWrites) {
        replay(seed, programId, propertyWrites, Delivery.SEARCHED);
    }

    private void replay(long seed, String programId, boolean propertyWrites, Delivery delivery) {
        Random random = new Random(seed);
        MemoryIssueFacts store = new MemoryIssueFacts();
        IssueSync sync = new IssueSync(store, clock, Duration.ofMinutes(5));
        MemoryProgramRefinements ids = new MemoryProgramRefinements();
        IssueEvents events = delivery == Delivery.SEARCHED ? new IssueEvents(store)
                : new IssueEvents(store, new MemoryPropertyEventTimes(), Optional.of(new RefinementEvents(ids, clock)));
        RefinementSync refinements = new RefinementSync(ids, sync);
        Reconciliation reconciliation = new Reconciliation(sync, Optional.of(refinements), clock);
        ProgramRollupService warm = service(sync, refinements);
        List<String> all = site.projects().stream().map(p -> p.key()).toList();
        String siteKey = admin.site().clientKey();
        PropertyEdits properties = propertyWrites
                ? new PropertyEdits(site, sandbox.webhooks(), new JiraEventIntake(warm, events), admin.site()) : null;
        try {
            reconciliation.begin(siteKey); // the schedule's first use of the site
            warm.rollup(admin, programId, false);
            for (int step = 1; step <= 300; step++) {
                site.advance(Duration.ofSeconds(random.nextInt(90)));
                Event event = edit(random, all);
                int fate = random.nextInt(10); // 0–1 dropped, 2 delivered twice
                boolean dropped = fate < 2 && delivery != Delivery.EVERY_EVENT;
                for (int times = dropped ? 0 : fate == 2 ? 2 : 1; times > 0; times--) {
                    event.deliver(events, warm);
                }
                if (properties != null && random.nextInt(2) == 0) {
                    properties.edit(random);
                    properties.deliver(random);
                }
                if (random.nextInt(5) == 0) {
                    ProgramResult viewed = warm.rollup(admin, programId, false).result();
                    if (delivery == Delivery.EVERY_EVENT) {
                        assertSame(viewed, cold(programId), "seed " + seed + ", step " + step + ", every event");
                    }
                }
                if (step % 60 == 0) {
                    if (properties != null) {
                        properties.deliverLate();
                    }
                    reconciliation.run(client, siteKey, all);
                    if (properties != null) {
                        MemoryIssueFacts cold = new MemoryIssueFacts();
                        List<String> held = store.projects(siteKey);
                        new IssueSync(cold, clock, Duration.ofMinutes(5)).readInFull(client, siteKey, held,
                                client.storyPointsFieldId());
                        assertThat(PropertyEdits.kept(store, siteKey, held))
                            .as("seed " + seed + ", step " + step + ": scores and theme links")
                            .isEqualTo(PropertyEdits.kept(cold, siteKey, held));
                    }
                    ProgramRollupService cold = service(
                            new IssueSync(new MemoryIssueFacts(), clock, Duration.ofMinutes(5)));
                    try {
                        warm.invalidateSite(admin.site());
                        assertSame(warm.rollup(admin, programId, false).result(),
                                cold.rollup(admin, programId, false).result(), "seed " + seed + ", step " + step);
                    }
                    finally {
                        cold.stop();
                    }
                }
            }
        }
        finally {
            warm.stop();
        }
    }

    private ProgramResult cold(String programId) {
        ProgramRollupService cold = service(new IssueSync(new MemoryIssueFacts(), clock, Duration.ofMinutes(5)));
        try {
            return cold.rollup(admin, programId, false).result();
        }
        finally {
            cold.stop();
        }
    }

    /** Part by part, so a difference names where it is. */
    private static void assertSame(ProgramResult warm, ProgramResult cold, String when) {
        assertThat(warm.program()).as(when + ": program").isEqualTo(cold.program());
        assertThat(warm.projects()).as(when + ": projects").isEqualTo(cold.projects());
        assertThat(warm.epics()).as(when + ": epics").isEqualTo(cold.epics());
        assertThat(warm.fixVersions()).as(when + ": fix versions").isEqualTo(cold.fixVersions());
        assertThat(warm.dependencies()).as(when + ": dependencies").isEqualTo(cold.dependencies());
        assertThat(warm).as(when + ": everything").isEqualTo(cold);
    }

    /** An event as Jira would send it for the edit just made. */
    private interface Event {

        void deliver(IssueEvents events, ProgramRollupService rollups);

    }

    private Event edit(Random random, List<String> projects) {
        List<SandboxIssue> issues = site.issues();
        SandboxIssue issue = issues.get(random.nextInt(issues.size()));
        String siteKey = admin.site().clientKey();
        switch (random.nextInt(8)) {
            case 0 -> {
                SandboxIssue created = site.create(projects.get(random.nextInt(projects.size())), IssueType.STORY, 0);
                return changed(created.key());
            }
            case 1 -> {
                if (!site.children(issue.id()).isEmpty() || !site.linksOf(issue.id()).isEmpty()) {
                    return changed(issue.key());
                }
                JiraIssue before = read(issue.key()).orElseThrow();
                site.delete(issue.key());
                return (events, rollups) -> events.deleted(siteKey, before)
                    .forEach(p -> rollups.invalidateProject(admin.site(), p));
            }
            case 2 -> {
                if (!issue.type().standard() || !site.children(issue.id()).isEmpty()
                        || !site.linksOf(issue.id()).isEmpty()) {
                    return changed(issue.key());
                }
                String to = projects.get(random.nextInt(projects.size()));
                if (to.equals(issue.projectKey())) {
                    return changed(issue.key());
                }
                return changed(site.move(issue.key(), to).key());
            }
            case 3 -> {
                SandboxIssue other = issues.get(random.nextInt(issues.size()));
                if (other.id() == issue.id()) {
                    return changed(issue.key());
                }
                boolean created = site.linksOf(issue.id()).isEmpty();
                if (created) {
                    site.addLink(LinkType.BLOCKS, issue.id(), other.id());
                }
                else {
                    IssueLink link = site.linksOf(issue.id()).get(0);
                    site.removeLink(link.id());
                    issue = site.issueById(link.sourceIssueId()).orElseThrow();
                    other = site.issueById(link.targetIssueId()).orElseThrow();
                }
                // Jira records a link change in both issues' history: both are updated
                site.edit(issue.key(), i -> i);
                site.edit(other.key(), i -> i);
                long source = issue.id();
                long target = other.id();
                return (events, rollups) -> {
                    events.linked(siteKey, created, source, target, "Blocks");
                    rollups.invalidateSite(admin.site());
                };
            }
            case 4 -> {
                if (!issue.type().standard()) {
                    return changed(issue.key());
                }
                List<SandboxIssue> epics = issues.stream().filter(i -> i.type() == IssueType.EPIC).toList();
                long parent = random.nextBoolean() || epics.isEmpty() ? 0
                        : epics.get(random.nextInt(epics.size())).id();
                return changed(site.setParent(issue.key(), parent).key());
            }
            case 5 -> {
                double points = random.nextBoolean() ? Double.NaN : random.nextInt(13);
                return changed(site.setStoryPoints(issue.key(), points).key());
            }
            default -> {
                IssueStatus status = IssueStatus.values()[random.nextInt(IssueStatus.values().length)];
                return changed(site.transition(issue.key(), status).key());
            }
        }
    }

    /** An issue event with every field, as Jira sends it (no entity properties). */
    private Event changed(String key) {
        JiraIssue now = read(key).orElseThrow();
        JiraIssue payload = new JiraIssue(now.id(), now.key(), now.fields(), Map.of());
        return (events, rollups) -> events.changed(admin.site().clientKey(), payload)
            .forEach(p -> rollups.invalidateProject(admin.site(), p));
    }

    private Optional<JiraIssue> read(String key) {
        return client
            .search(new SearchRequest(Jql.issueKeyIn(List.of(key)), FactsOf.fields(client.storyPointsFieldId()),
                    List.of(), 1))
            .findFirst();
    }

}
