package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest extends JiraWireMockTest {

    private static final String CHECK = "/rest/api/3/permissions/check";

    private static final String USER_GROUPS = "/rest/api/3/user/groups";

    private void stubCheck(String request, String answer) {
        stub(post(urlPathEqualTo(CHECK)).withRequestBody(equalToJson(q(request))).willReturn(okJson(q(answer))));
    }

    @Test
    void browsableProjectsAsksForBrowseProjectsOnThoseProjects() {
        stubCheck(
                "{'accountId':'acc-1','projectPermissions':[{'permissions':['BROWSE_PROJECTS'],'projects':[10000,10001]}]}",
                "{'projectPermissions':[{'permission':'BROWSE_PROJECTS','projects':[10001],'issues':[]}],'globalPermissions':[]}");

        assertThat(client.browsableProjects("acc-1", List.of(10001L, 10000L))).containsExactly(10001L);
    }

    @Test
    void editableIssuesAsksForEditIssuesOnThoseIssues() {
        stubCheck("{'accountId':'acc-1','projectPermissions':[{'permissions':['EDIT_ISSUES'],'issues':[10001,10002]}]}",
                "{'projectPermissions':[{'permission':'EDIT_ISSUES','issues':[10002],'projects':[]}],'globalPermissions':[]}");

        assertThat(client.editableIssues("acc-1", Set.of(10001L, 10002L))).containsExactly(10002L);
    }

    @Test
    void administratorIsTheGlobalAdministerPermission() {
        stubCheck("{'accountId':'acc-1','globalPermissions':['ADMINISTER']}",
                "{'projectPermissions':[],'globalPermissions':[]}");

        assertThat(client.isAdministrator("acc-1")).isFalse();
    }

    @Test
    void schedulingIsScheduleIssuesInTheProject() {
        stubCheck("{'accountId':'acc-1','projectPermissions':[{'permissions':['SCHEDULE_ISSUES'],'projects':[10000]}]}",
                "{'projectPermissions':[{'permission':'SCHEDULE_ISSUES','projects':[10000],'issues':[]}],'globalPermissions':[]}");

        assertThat(client.canScheduleIssues("acc-1", 10000)).isTrue();
    }

    @Test
    void answersAreCachedSoTheSecondCallMakesNoRequest() {
        stubCheck("{'accountId':'acc-1','globalPermissions':['ADMINISTER']}",
                "{'projectPermissions':[],'globalPermissions':['ADMINISTER']}");

        assertThat(client.isAdministrator("acc-1")).isTrue();
        assertThat(client.isAdministrator("acc-1")).isTrue();

        jira.verify(exactly(1), postRequestedFor(urlPathEqualTo(CHECK)));
    }

    @Test
    void theCacheKeysOnAccountAndQuestion() {
        stub(post(urlPathEqualTo(CHECK)).willReturn(okJson(q(
                "{'projectPermissions':[{'permission':'BROWSE_PROJECTS','projects':[10000],'issues':[]}],'globalPermissions':[]}"))));

        client.browsableProjects("acc-1", List.of(10000L));
        client.browsableProjects("acc-1", List.of(10000L));
        client.browsableProjects("acc-2", List.of(10000L));
        client.browsableProjects("acc-1", List.of(10000L, 10001L));

        jira.verify(exactly(3), postRequestedFor(urlPathEqualTo(CHECK)));
    }

    @Test
    void cachedAnswersExpireAfterTheTtl() {
        stubCheck("{'accountId':'acc-1','globalPermissions':['ADMINISTER']}",
                "{'projectPermissions':[],'globalPermissions':['ADMINISTER']}");

        client.isAdministrator("acc-1");
        nanos.addAndGet(settings.permissionCacheTtl().minusSeconds(1).toNanos());
        client.isAdministrator("acc-1");
        jira.verify(exactly(1), postRequestedFor(urlPathEqualTo(CHECK)));

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        client.isAdministrator("acc-1");
        jira.verify(exactly(2), postRequestedFor(urlPathEqualTo(CHECK)));
    }

    @Test
    void groupsOfAUserAreAskedByAccountIdAndCachedForTheTtl() {
        stub(get(urlPathEqualTo(USER_GROUPS)).withQueryParam("accountId", equalTo("557058:f58131cb"))
            .willReturn(okJson(q("[{'name':'roadmap-planners','groupId':'952d12c3-5b5b-4d04-bb32-44d383afc4b2',"
                    + "'self':'https://example.atlassian.net/rest/api/3/group?groupId=952d12c3-5b5b-4d04-bb32-44d383afc4b2'},"
                    + "{'name':'jira-software-users','groupId':null}]"))));

        List<JiraGroup> groups = client.groupsOf("557058:f58131cb");
        client.groupsOf("557058:f58131cb");

        assertThat(groups).containsExactly(
                new JiraGroup("roadmap-planners", Optional.of("952d12c3-5b5b-4d04-bb32-44d383afc4b2")),
                new JiraGroup("jira-software-users", Optional.empty()));
        jira.verify(exactly(1), getRequestedFor(urlPathEqualTo(USER_GROUPS)));
        nanos.addAndGet(settings.permissionCacheTtl().plusSeconds(1).toNanos());
        client.groupsOf("557058:f58131cb");
        jira.verify(exactly(2), getRequestedFor(urlPathEqualTo(USER_GROUPS)));
    }

    @Test
    void anAccountJiraDoesNotKnowBelongsToNoGroup() {
        stub(get(urlPathEqualTo(USER_GROUPS)).willReturn(aResponse().withStatus(404)));

        assertThat(client.groupsOf("gone")).isEmpty();
    }

    @Test
    void noIdsMeansNoQuestion() {
        assertThat(client.browsableProjects("acc-1", List.of())).isEmpty();
    }

    @Test
    void projectsAreSearchedByKeyAcrossPages() {
        String path = "/rest/api/3/project/search";
        stub(get(urlPathEqualTo(path)).withQueryParam("startAt", equalTo("0"))
            .withQueryParam("keys", equalTo("TL"))
            .willReturn(okJson(q("{'startAt':0,'maxResults':1,'total':2,'isLast':false,"
                    + "'values':[{'id':'10000','key':'TL','name':'Throughline'}]}"))));
        stub(get(urlPathEqualTo(path)).withQueryParam("startAt", equalTo("1"))
            .willReturn(okJson(q("{'startAt':1,'maxResults':1,'total':2,'isLast':true,"
                    + "'values':[{'id':'10001','key':'OPS','name':'Ops'}]}"))));

        assertThat(client.projects(List.of("TL", "OPS")).map(JiraProject::key)).containsExactly("TL", "OPS");
    }

    @Test
    void moreThanFiftyProjectKeysAreAskedInChunks() {
        String path = "/rest/api/3/project/search";
        stub(get(urlPathEqualTo(path))
            .willReturn(okJson(q("{'startAt':0,'maxResults':50,'total':0,'isLast':true,'values':[]}"))));
        List<String> keys = IntStream.range(0, 51).mapToObj(i -> "P" + i).toList();

        assertThat(client.projects(keys)).isEmpty();
        jira.verify(exactly(2), getRequestedFor(urlPathEqualTo(path)));
    }

}
