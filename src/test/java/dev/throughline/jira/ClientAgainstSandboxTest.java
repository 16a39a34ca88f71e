package dev.throughline.jira;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real client against the sandbox's Jira semantics: what later features rely on, end
 * to end over HTTP.
 */
class ClientAgainstSandboxTest {

    private JiraSandbox sandbox;

    private SandboxSite site;

    private JiraClient client;

    @BeforeEach
    void start() {
        sandbox = JiraSandbox.start(SandboxGenerator.demo());
        site = sandbox.site();
        JiraClientSettings settings = new JiraClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(60),
                Duration.ofMillis(5), Duration.ofSeconds(5));
        RetryInterceptor retry = new RetryInterceptor(settings, wait -> {
        }, () -> 0.5);
        client = new RestJiraClient(JiraRestTemplates.create(JiraRestTemplates.requestFactory(settings),
                sandbox.baseUrl(), List.of(), retry), "throughline", settings);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void searchPagesThroughAProjectWithOnlyTheRequestedFields() {
        long expected = site.issues().stream().filter(i -> site.projectById(i.projectId()).key().equals("WEB")).count();

        List<JiraIssue> issues = client
            .search(new SearchRequest(Jql.projectIs("WEB").orderedBy("key"), List.of("summary", "status"), List.of(),
                    37))
            .toList();

        assertThat(issues).hasSize((int) expected);
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).isEqualTo((int) Math.ceil(expected / 37.0));
        assertThat(issues.get(0).fields().summary()).hasValueSatisfying(s -> assertThat(s).isNotBlank());
        assertThat(issues.get(0).fields().statusCategory()).isPresent();
        assertThat(issues.get(0).fields().created()).isEmpty();
    }

    @Test
    void approximateCountMatchesTheSearch() {
        long count = client.approximateCount(Jql.projectIn(List.of("WEB", "MOB")));

        assertThat(count)
            .isEqualTo(client.search(SearchRequest.of(Jql.projectIn(List.of("WEB", "MOB")), List.of("id"))).count());
    }

    @Test
    void issuePropertyWrittenIsReadBackInSearchAndFoundByItsJqlAlias() {
        client.putProperty(PropertyTarget.issue("WEB-1"), "throughline.value",
                PropertyValue.ofMap(Map.of("model", "RICE", "score", 200)));
        client.putProperty(PropertyTarget.issue("WEB-2"), "throughline.value",
                PropertyValue.ofMap(Map.of("model", "RICE", "score", 10)));

        List<JiraIssue> found = client
            .search(new SearchRequest(Jql.projectIs("WEB").and(Jql.refinement("valueScore >= 40")), List.of("summary"),
                    List.of("throughline.value"), 50))
            .toList();

        assertThat(found).extracting(JiraIssue::key).containsExactly("WEB-1");
        assertThat(found.get(0).properties().get("throughline.value").asMap()).containsEntry("model", "RICE");
        assertThat(client.getProperty(PropertyTarget.issue("WEB-2"), "throughline.value")).isPresent();
        assertThat(client.getProperty(PropertyTarget.issue("WEB-3"), "throughline.value")).isEmpty();
    }

    @Test
    void appPropertiesRoundTrip() {
        client.putProperty(PropertyTarget.app(), "throughline.settings", PropertyValue.ofMap(Map.of("staleDays", 90)));

        assertThat(client.getProperty(PropertyTarget.app(), "throughline.settings").orElseThrow().asMap())
            .containsEntry("staleDays", 90);
        client.deleteProperty(PropertyTarget.app(), "throughline.settings");
        assertThat(client.getProperty(PropertyTarget.app(), "throughline.settings")).isEmpty();
    }

    @Test
    void bulkPropertiesAreWrittenThroughTheJiraTask() {
        List<SandboxIssue> three = site.issues().subList(0, 3);
        List<IssuePropertyUpdate> updates = three.stream()
            .map(issue -> new IssuePropertyUpdate(issue.id(),
                    Map.of("throughline.themes", PropertyValue.ofMap(Map.of("themeIds", List.of("t1"))))))
            .toList();

        client.putIssuePropertiesInBulk(updates);

        assertThat(client.search(SearchRequest.of(Jql.refinement("roadmapTheme = \"t1\""), List.of("id")))
            .map(JiraIssue::key)
            .collect(Collectors.toSet())).isEqualTo(three.stream().map(SandboxIssue::key).collect(Collectors.toSet()));
    }

    @Test
    void storyPointsFieldIsDiscoveredFromTheBoardConfiguration() {
        long boardId = site.boards().get(0).id();

        assertThat(client.storyPointsFieldId(boardId)).contains(site.storyPointsFieldId());
        assertThat(client.storyPointsFieldId()).contains(site.storyPointsFieldId());
        assertThat(site.storyPointsFieldId()).isNotEqualTo("customfield_10016");
    }

    @Test
    void rankingMovesIssuesInTheBacklog() {
        long boardId = site.boards().get(0).id();
        List<String> before = client.backlog(BacklogRequest.of(boardId, List.of("summary")))
            .map(JiraIssue::key)
            .toList();
        String last = before.get(before.size() - 1);

        RankResult result = client.rank(RankRequest.before(before.get(0), List.of(last)));

        assertThat(result.allRanked()).isTrue();
        List<String> after = client.backlog(BacklogRequest.of(boardId, List.of("summary")))
            .map(JiraIssue::key)
            .toList();
        assertThat(after.get(0)).isEqualTo(last);
        assertThat(after).hasSameSizeAs(before);
    }

    @Test
    void permissionsFollowTheSitesGrants() {
        site.addUser("viewer-1", "Viewer");
        long web = site.project("WEB").orElseThrow().id();
        long mob = site.project("MOB").orElseThrow().id();
        site.grant("viewer-1", "WEB", "BROWSE_PROJECTS");

        assertThat(client.browsableProjects("viewer-1", List.of(web, mob))).isEqualTo(Set.of(web));
        assertThat(client.isAdministrator("viewer-1")).isFalse();
        assertThat(client.isAdministrator(SandboxSite.ADMIN)).isTrue();
    }

    @Test
    void rateLimitMidSearchIsRetriedWithoutLosingOrRepeatingIssues() {
        long expected = client.search(new SearchRequest(Jql.projectIs("PLAT"), List.of("id"), List.of(), 20)).count();
        sandbox.resetTraffic();

        List<JiraIssue> pages = new ArrayList<>();
        var iterator = client.search(new SearchRequest(Jql.projectIs("PLAT"), List.of("id"), List.of(), 20)).iterator();
        pages.add(iterator.next());
        sandbox.failNext(JiraSandbox.SEARCH, 2, 429, 1);
        iterator.forEachRemaining(pages::add);

        assertThat(pages).hasSize((int) expected);
        assertThat(pages.stream().map(JiraIssue::key).distinct().count()).isEqualTo(expected);
        assertThat(sandbox.requestCount(JiraSandbox.SEARCH) - sandbox.servedCount(JiraSandbox.SEARCH)).isEqualTo(2);
    }

}
