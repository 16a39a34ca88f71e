package dev.throughline.program.service;

import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.SearchPage;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.store.ProgramJiraStore;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pages are folded on the fold pool, and a partition's last page is folded while its
 * worker already searches the next partition. A page whose issues cannot be read must
 * still fail the whole fetch, wherever it is.
 */
class FoldFailureTest {

    private JiraSandbox sandbox;

    private JiraClient real;

    private Caller admin;

    private String programId;

    private String badProject;

    /** Which page of the bad project cannot be read: 1 = its first; 0 = none. */
    private volatile int badPage;

    @BeforeEach
    void start() {
        SandboxSite site = SandboxGenerator.generate(5, 250, 40, 30);
        sandbox = JiraSandbox.start(site);
        real = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        admin = Caller.of(new Site("fold-site", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        badProject = keys.get(0);
        programId = new ProgramService(BenchJira.clients(real), new ProgramJiraStore(), caller -> true, new Unlocked(),
                ChangeFeed.alone())
            .create(admin, ProgramDraft.parse(Map.of("name", "Folds", "projects", keys), false))
            .id();
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @ParameterizedTest(name = "page {0} of 3")
    @ValueSource(ints = { 1, 2, 3 })
    void aPageWhoseIssuesCannotBeReadFailsTheFetchAndNothingIsCached(int page) {
        badPage = page;
        ProgramRollupService service = service(1);
        try {
            assertThatThrownBy(() -> service.rollup(admin, programId, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable issue");

            badPage = 0;
            int searchesBefore = sandbox.servedCount(JiraSandbox.SEARCH);
            ProgramRollup rollup = service.rollup(admin, programId, false);
            assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).as("the failed fetch was not cached")
                .isGreaterThan(searchesBefore);
            assertThat(rollup.result().projects()).hasSize(3);
        }
        finally {
            service.stop();
        }
    }

    @Test
    void everyLastPageIsFoldedBeforeTheFetchIsAnswered() {
        badPage = 0;
        ProgramRollupService oneWorker = service(1);
        ProgramRollupService threeWorkers = service(3);
        try {
            ProgramRollup one = oneWorker.rollup(admin, programId, true);
            ProgramRollup three = threeWorkers.rollup(admin, programId, true);

            assertThat(one.result().program().items()).isPositive();
            assertThat(three.result()).isEqualTo(one.result());
        }
        finally {
            oneWorker.stop();
            threeWorkers.stop();
        }
    }

    private ProgramRollupService service(int concurrency) {
        JiraClient client = breakingPages(real);
        return new ProgramRollupService(BenchJira.clients(client),
                new ProgramService(BenchJira.clients(client), new ProgramJiraStore(), caller -> true, new Unlocked(),
                        ChangeFeed.alone()),
                KeptCatalogs.of(Clock.fixed(SandboxSite.DEFAULT_NOW, ZoneOffset.UTC)),
                Clock.fixed(SandboxSite.DEFAULT_NOW, ZoneOffset.UTC), concurrency, Duration.ofMinutes(10));
    }

    /**
     * The client, except that page {@link #badPage} of the bad project has keys but no
     * readable issues.
     */
    private JiraClient breakingPages(JiraClient client) {
        int[] pagesOfBadProject = { 0 };
        return BenchJira.changingSearchPages(client, (request, token, page) -> {
            if (request.jql().text().startsWith("project = \"" + badProject + "\"")) {
                synchronized (pagesOfBadProject) {
                    pagesOfBadProject[0] = token.isEmpty() ? 1 : pagesOfBadProject[0] + 1;
                    if (pagesOfBadProject[0] == badPage) {
                        return unreadable(page);
                    }
                }
            }
            return page;
        });
    }

    /**
     * A page with the same keys and token whose issues fail to parse, as a page with a
     * broken field would.
     */
    private static SearchPage unreadable(SearchPage page) {
        List<JiraIssue> issues = page.issues();
        boolean[] keysTaken = { false };
        SearchPage broken = new SearchPage(new AbstractList<>() {
            @Override
            public JiraIssue get(int index) {
                if (keysTaken[0]) {
                    throw new IllegalStateException("unreadable issue " + issues.get(index).key());
                }
                return issues.get(index);
            }

            @Override
            public int size() {
                return issues.size();
            }
        }, page.nextPageToken());
        keysTaken[0] = true;
        return broken;
    }

}
