package dev.throughline.program.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.ReadModelServices;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.LinkSelection;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeDraft;
import dev.throughline.theme.ThemeProgress;
import dev.throughline.theme.service.KeptCatalogs;
import dev.throughline.theme.service.ThemeLinkService;
import dev.throughline.theme.service.ThemeProgressService;
import dev.throughline.theme.service.ThemeProgressService.ThemeRow;
import dev.throughline.theme.service.ThemeService;
import dev.throughline.theme.store.ThemeJiraStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Theme progress kept between views (the fold with its rows, each theme's progress per
 * scope): a view with nothing changed hands back what the last one counted, and what
 * another app instance changes over the shared database — a theme renamed, an epic
 * linked, an issue's status through its event — shows at the next view, equal to a cold
 * read.
 */
class KeptThemeProgressTest {

    private JiraSandbox sandbox;

    private SandboxSite site;

    private JiraClient client;

    private Caller admin;

    private Clock clock;

    /** The revisions both instances share (the database's, in production). */
    private final SiteRevisions revisions = SiteRevisions.inMemory();

    private final String database = "mem:kept-theme-progress-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        site = SandboxGenerator.generate(11, 3, 400);
        sandbox = JiraSandbox.start(site);
        client = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        admin = Caller.of(new Site("kept-theme-progress", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        clock = site.clock();
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private JiraClients clients() {
        return BenchJira.clients(client);
    }

    private KeptCatalogs catalogs() {
        return new KeptCatalogs(new ThemeJiraStore(), clock, Duration.ofMinutes(10), revisions);
    }

    private ProjectIssues issues(IssueFactsStore store) {
        return ReadModelServices.projectIssues(new IssueSync(store, clock, Duration.ofMinutes(5)),
                Duration.ofMinutes(10));
    }

    @Test
    void whatAnotherInstanceChangesShowsAtTheNextView() {
        IssueFactsStore otherStore = ReadModelDatabase.h2Store(database);
        ProjectIssues other = issues(otherStore);
        ThemeService themes = new ThemeService(clients(), new ThemeJiraStore(), caller -> true, new Unlocked(), other,
                catalogs(), clock);
        ThemeLinkService links = new ThemeLinkService(clients(), new ThemeJiraStore(), new Unlocked(), other, clock);
        Theme checkout = themes.create(admin, ThemeDraft.parse(Map.of("name", "Checkout", "horizon", "now"), false));
        themes.create(admin, ThemeDraft.parse(Map.of("name", "Search", "horizon", "next"), false));
        List<SandboxIssue> epics = site.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && !work(i).isEmpty())
            .toList();
        links.link(admin, checkout.id(), LinkSelection.parse(Map.of("issueKeys", List.of(epics.get(0).key()))));
        IssueFactsStore warmStore = ReadModelDatabase.h2Store(database);
        ThemeProgressService warm = new ThemeProgressService(clients(), catalogs(), clock, issues(warmStore),
                warmStore);

        List<ThemeRow> first = warm.board(admin, Optional.empty());
        assertEqualsCold(first, "first view");
        // the first view read rows while its syncs wrote them: the second folds them
        List<ThemeRow> second = warm.board(admin, Optional.empty());
        assertThat(warm.board(admin, Optional.empty()).get(0).progress())
            .as("nothing changed: the progress counted before")
            .isSameAs(second.get(0).progress());

        themes.update(admin, checkout.id(), ThemeDraft
            .parse(Map.of("name", "Checkout 2027", "horizon", "now", "endQuarter", "2026-Q1", "version", 1), true));
        List<ThemeRow> renamed = warm.board(admin, Optional.empty());
        assertThat(renamed.get(0).theme().name()).isEqualTo("Checkout 2027");
        assertThat(renamed.get(0).progress().status()).as("its end quarter is over")
            .isEqualTo(ThemeProgress.Status.OFF_TRACK);
        assertEqualsCold(renamed, "after a rename through another instance");

        links.link(admin, checkout.id(), LinkSelection.parse(Map.of("issueKeys", List.of(epics.get(1).key()))));
        List<ThemeRow> linked = warm.board(admin, Optional.empty());
        assertThat(linked.get(0).linkedEpics()).contains(epics.get(1).key());
        assertEqualsCold(linked, "after an epic was linked through another instance");

        SandboxIssue child = work(epics.get(0)).get(0);
        IssueStatus status = child.status() == IssueStatus.DONE ? IssueStatus.TO_DO : IssueStatus.DONE;
        JiraIssue now = read(site.transition(child.key(), status).key());
        new IssueEvents(otherStore, new MemoryPropertyEventTimes(), revisions).changed(admin.site().clientKey(),
                new JiraIssue(now.id(), now.key(), now.fields(), Map.of()));
        List<ThemeRow> edited = warm.board(admin, Optional.empty());
        assertThat(edited.get(0).progress().itemsDone()).as("the child's new status")
            .isNotEqualTo(linked.get(0).progress().itemsDone());
        assertEqualsCold(edited, "after an event applied by another instance");
    }

    /** The same rows as a cold read's: a read model of its own, nothing kept. */
    private void assertEqualsCold(List<ThemeRow> warm, String when) {
        IssueFactsStore coldStore = ReadModelDatabase.h2Store("mem:cold-" + UUID.randomUUID());
        ThemeProgressService cold = new ThemeProgressService(clients(), catalogs(), clock, issues(coldStore),
                coldStore);
        List<ThemeRow> expected = cold.board(admin, Optional.empty());
        assertThat(warm).as(when).hasSameSizeAs(expected);
        for (int i = 0; i < warm.size(); i++) {
            assertThat(warm.get(i).theme()).as(when).isEqualTo(expected.get(i).theme());
            assertThat(warm.get(i).progress()).as(when).isEqualTo(expected.get(i).progress());
            assertThat(warm.get(i).linkedEpics()).as(when)
                .containsExactlyInAnyOrderElementsOf(expected.get(i).linkedEpics());
        }
    }

    /** An epic's children that count as work (not sub-tasks). */
    private List<SandboxIssue> work(SandboxIssue epic) {
        return site.children(epic.id()).stream().filter(c -> c.type() != IssueType.SUBTASK).toList();
    }

    private JiraIssue read(String key) {
        return client
            .search(new SearchRequest(Jql.issueKeyIn(List.of(key)), FactsOf.fields(client.storyPointsFieldId()),
                    List.of(), 1))
            .findFirst()
            .orElseThrow();
    }

}
