package dev.throughline.program.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.ReadModelServices;
import dev.throughline.readmodel.service.Reconciliation;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.ThemeDraft;
import dev.throughline.theme.service.KeptCatalogs;
import dev.throughline.theme.service.ThemeProgressService;
import dev.throughline.theme.service.ThemeProgressService.ThemeRow;
import dev.throughline.theme.service.ThemeService;
import dev.throughline.theme.store.ThemeJiraStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay test of theme progress ({@link ReadModelReplayTest} for programs): seeded
 * random interleavings of edits in Jira (status, estimates, re-parenting, also under a
 * linked epic of another project, one that nothing made the read model hold yet;
 * creation, deletion, moves between projects), their webhook events (some dropped, some
 * delivered twice) and views; after each reconciliation every theme's progress, for a
 * viewer who may browse only some projects, equals a cold full read of the same site.
 */
class ThemeReplayTest {

    private static final String VIEWER = "viewer";

    private JiraSandbox sandbox;

    private SandboxSite site;

    private JiraClient client;

    private Caller admin;

    private Caller viewer;

    private Clock clock;

    @BeforeEach
    void start() {
        site = SandboxGenerator.generate(7, 4, 600);
        sandbox = JiraSandbox.start(site);
        client = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        Site where = new Site("theme-replay", URI.create(sandbox.baseUrl()));
        admin = Caller.of(where, SandboxSite.ADMIN);
        site.addUser(VIEWER, "Viewer");
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        keys.subList(0, 3).forEach(k -> site.grant(VIEWER, k, "BROWSE_PROJECTS"));
        viewer = Caller.of(where, VIEWER);
        clock = site.clock();
        ThemeService themes = new ThemeService(clients(), new ThemeJiraStore(), caller -> true, new Unlocked(),
                progress(new MemoryIssueFacts()).projectIssues(), catalogs(), clock);
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Checkout", "Search", "Onboarding")) {
            ids.add(themes.create(admin, ThemeDraft.parse(Map.of("name", name, "horizon", "now"), false)).id());
        }
        // epics of the first two projects only: the others are held only once a child
        // of a linked epic (or linked work) lands there
        List<SandboxIssue> epics = site.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && keys.subList(0, 2).contains(i.projectKey()))
            .toList();
        for (int e = 0; e < epics.size(); e += 2) {
            site.setIssueProperty(epics.get(e).key(), "throughline.themes",
                    Map.of("themeIds", List.of(ids.get(e % ids.size()))));
        }
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private JiraClients clients() {
        return BenchJira.clients(client);
    }

    /**
     * The revisions the warm views' instance shares with its events and reconciliation
     * (the database's, in production).
     */
    private final SiteRevisions revisions = SiteRevisions.inMemory();

    private KeptCatalogs catalogs() {
        return new KeptCatalogs(new ThemeJiraStore(), clock, Duration.ofMinutes(10), revisions);
    }

    /** Theme progress over a read model of its own. */
    private record Progress(ThemeProgressService service, ProjectIssues projectIssues, IssueSync sync) {
    }

    private Progress progress(MemoryIssueFacts store) {
        IssueSync sync = new IssueSync(store, clock, Duration.ofMinutes(5));
        ProjectIssues issues = ReadModelServices.projectIssues(sync, Duration.ofMinutes(10));
        return new Progress(new ThemeProgressService(clients(), catalogs(), clock, issues, store), issues, sync);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2 })
    void everyThemesProgressEqualsAColdFullReadAfterAnyInterleaving(long seed) {
        Random random = new Random(seed);
        MemoryIssueFacts store = new MemoryIssueFacts();
        Progress warm = progress(store);
        IssueEvents events = new IssueEvents(store, new MemoryPropertyEventTimes(), revisions);
        Reconciliation reconciliation = new Reconciliation(warm.sync(), Optional.empty(),
                new MemoryPropertyEventTimes(), clock, revisions);
        List<String> all = site.projects().stream().map(p -> p.key()).toList();
        warm.service().board(admin, Optional.empty());
        for (int step = 1; step <= 200; step++) {
            site.advance(Duration.ofSeconds(random.nextInt(90)));
            Consumer<IssueEvents> event = edit(random, all);
            int fate = random.nextInt(10); // 0–1 dropped, 2 delivered twice
            for (int times = fate < 2 ? 0 : fate == 2 ? 2 : 1; times > 0; times--) {
                event.accept(events);
            }
            if (random.nextInt(4) == 0) {
                warm.service().board(random.nextBoolean() ? admin : viewer, Optional.empty());
            }
            if (step % 50 == 0) {
                reconciliation.run(client, admin.site().clientKey(),
                        warm.projectIssues().held(admin.site().clientKey()));
                Progress cold = progress(new MemoryIssueFacts());
                // both folds could miss the same work: the admin's items are also counted
                // from the sandbox itself
                for (ThemeRow row : warm.service().board(admin, Optional.empty())) {
                    assertThat(row.progress().itemsTotal()).as("seed " + seed + ", step " + step + ", in Jira")
                        .isEqualTo(itemsInJira(row.theme().id()));
                }
                for (Caller caller : List.of(admin, viewer)) {
                    assertSame(warm.service().board(caller, Optional.empty()),
                            cold.service().board(caller, Optional.empty()),
                            "seed " + seed + ", step " + step + (caller == admin ? ", admin" : ", viewer"));
                }
            }
        }
    }

    private static void assertSame(List<ThemeRow> warm, List<ThemeRow> cold, String when) {
        assertThat(warm).as(when).hasSameSizeAs(cold);
        for (int i = 0; i < warm.size(); i++) {
            assertThat(warm.get(i).progress()).as(when + ": " + warm.get(i).theme().name())
                .isEqualTo(cold.get(i).progress());
            assertThat(warm.get(i).linkedEpics()).as(when + ": epics of " + warm.get(i).theme().name())
                .containsExactlyInAnyOrderElementsOf(cold.get(i).linkedEpics());
        }
    }

    /**
     * A theme's items as the sandbox holds them: each linked epic's children but
     * sub-tasks, or the epic itself when it has none (every linked issue here is an
     * epic).
     */
    private int itemsInJira(String themeId) {
        int items = 0;
        for (SandboxIssue issue : site.issues()) {
            Object links = site.issueProperty(issue.id(), "throughline.themes").orElse(Map.of());
            if (links instanceof Map<?, ?> map && map.get("themeIds") instanceof List<?> ids && ids.contains(themeId)) {
                long work = site.children(issue.id()).stream().filter(c -> c.type() != IssueType.SUBTASK).count();
                items += (int) Math.max(1, work);
            }
        }
        return items;
    }

    /** One edit in Jira, and the event Jira would send for it. */
    private Consumer<IssueEvents> edit(Random random, List<String> projects) {
        List<SandboxIssue> issues = site.issues();
        SandboxIssue issue = issues.get(random.nextInt(issues.size()));
        switch (random.nextInt(7)) {
            case 0 -> {
                return changed(site.create(projects.get(random.nextInt(projects.size())), IssueType.STORY, 0).key());
            }
            case 1 -> {
                if (!site.children(issue.id()).isEmpty() || !site.linksOf(issue.id()).isEmpty()) {
                    return changed(issue.key());
                }
                JiraIssue before = read(issue.key()).orElseThrow();
                site.delete(issue.key());
                return events -> events.deleted(admin.site().clientKey(), before);
            }
            case 2 -> {
                String to = projects.get(random.nextInt(projects.size()));
                if (!issue.type().standard() || !site.children(issue.id()).isEmpty()
                        || !site.linksOf(issue.id()).isEmpty() || to.equals(issue.projectKey())) {
                    return changed(issue.key());
                }
                return changed(site.move(issue.key(), to).key());
            }
            case 3, 4 -> {
                if (!issue.type().standard()) {
                    return changed(issue.key());
                }
                // any epic of the site: a child may sit in another project than its epic
                List<SandboxIssue> epics = issues.stream().filter(i -> i.type() == IssueType.EPIC).toList();
                long parent = random.nextInt(4) == 0 ? 0 : epics.get(random.nextInt(epics.size())).id();
                return changed(site.setParent(issue.key(), parent).key());
            }
            case 5 -> {
                return changed(site.setStoryPoints(issue.key(), random.nextInt(13)).key());
            }
            default -> {
                IssueStatus status = IssueStatus.values()[random.nextInt(IssueStatus.values().length)];
                return changed(site.transition(issue.key(), status).key());
            }
        }
    }

    /** An issue event with every field, as Jira sends it (no entity properties). */
    private Consumer<IssueEvents> changed(String key) {
        JiraIssue now = read(key).orElseThrow();
        JiraIssue payload = new JiraIssue(now.id(), now.key(), now.fields(), Map.of());
        return events -> events.changed(admin.site().clientKey(), payload);
    }

    private Optional<JiraIssue> read(String key) {
        return client
            .search(new SearchRequest(Jql.issueKeyIn(List.of(key)), FactsOf.fields(client.storyPointsFieldId()),
                    List.of(), 1))
            .findFirst();
    }

}
