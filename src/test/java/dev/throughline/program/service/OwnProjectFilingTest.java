package dev.throughline.program.service;

import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchPage;
import dev.throughline.jira.SearchRequest;
import dev.throughline.program.rollup.GroupSummary;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.store.ProgramJiraStore;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollup files each issue under its own project as Jira returns it and drops what is
 * not the searched project's, so whatever a search returns (a refinement that escaped its
 * parentheses before they were checked) never names or counts another project's issues
 * under the program's project.
 */
class OwnProjectFilingTest {

    private JiraSandbox sandbox;

    private SandboxSite site;

    private JiraClient real;

    private Caller admin;

    private String program;

    private String hidden;

    private SandboxIssue foreignEpic;

    @BeforeEach
    void start() {
        site = SandboxGenerator.generate(7, 12, 80, 5);
        sandbox = JiraSandbox.start(site);
        real = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        admin = Caller.of(new Site("own-project-site", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        program = site.projects().get(0).key();
        hidden = site.projects().get(1).key();
        // a key number above all of the program project's 12, so the injected issue ends
        // the page in key order
        foreignEpic = site.issues()
            .stream()
            .filter(i -> i.projectKey().equals(hidden) && i.type() == IssueType.EPIC)
            .filter(i -> i.keyNumber() > 12)
            .findFirst()
            .orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void anIssueOfAnotherProjectInAProjectsSearchIsNeitherCountedNorNamed() {
        String id = new ProgramService(BenchJira.clients(real), new ProgramJiraStore(), caller -> true, new Unlocked(),
                ChangeFeed.alone())
            .create(admin, ProgramDraft.parse(Map.of("name", "Own projects", "projects", List.of(program)), false))
            .id();
        ProgramRollupService clean = service(real);
        ProgramRollupService injected = service(withForeignIssue(real));
        try {
            ProgramRollup expected = clean.rollup(admin, id, true);
            ProgramRollup answered = injected.rollup(admin, id, true);

            assertThat(answered.result()).isEqualTo(expected.result());
            assertThat(answered.result().projects()).extracting(GroupSummary::id).containsExactly(program);
            assertThat(answered.result().epics()).extracting(GroupSummary::id)
                .noneMatch(key -> key.startsWith(hidden + "-"));
            assertThat(answered.result().epicSummaries()).doesNotContainKey(foreignEpic.key())
                .doesNotContainValue(foreignEpic.summary());
        }
        finally {
            clean.stop();
            injected.stop();
        }
    }

    private ProgramRollupService service(JiraClient client) {
        return new ProgramRollupService(BenchJira.clients(client),
                new ProgramService(BenchJira.clients(client), new ProgramJiraStore(), caller -> true, new Unlocked(),
                        ChangeFeed.alone()),
                KeptCatalogs.of(Clock.fixed(SandboxSite.DEFAULT_NOW, ZoneOffset.UTC)),
                Clock.fixed(SandboxSite.DEFAULT_NOW, ZoneOffset.UTC), 2, Duration.ofMinutes(10));
    }

    /**
     * The client, except that the program project's last search page also holds the other
     * project's epic.
     */
    private JiraClient withForeignIssue(JiraClient client) {
        return BenchJira.changingSearchPages(client, (request, token, page) -> {
            if (!request.jql().text().startsWith("project = \"" + program + "\"") || !page.isLast()) {
                return page;
            }
            JiraIssue foreign = client
                .search(new SearchRequest(Jql.issueKeyIn(List.of(foreignEpic.key())), request.fields(),
                        request.properties(), 1))
                .findFirst()
                .orElseThrow();
            List<JiraIssue> issues = new ArrayList<>(page.issues());
            issues.add(foreign);
            return new SearchPage(issues, Optional.empty());
        });
    }

}
