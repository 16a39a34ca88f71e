package dev.throughline.jira;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every verb of {@link JiraClient}, with spec-valid stub answers, for the behaviour
 * matrix.
 */
final class Verbs {

    static final String ISSUE_PROPERTY = "/rest/api/3/issue/TL-1/properties/throughline.value";
    static final String PROJECT_PROPERTY = "/rest/api/3/project/TL/properties/throughline.settings";
    static final String APP_PROPERTY = "/rest/atlassian-connect/1/addons/throughline/properties/site.settings";
    static final String TASK = "/rest/api/3/task/1001";
    static final String ISSUE_JSON = "{'id':'10001','key':'TL-1','fields':{'summary':'First'}}";
    static final PropertyValue VALUE = PropertyValue.ofJson("{\"score\":3}");

    private Verbs() {
    }

    static ResponseDefinitionBuilder ok(String singleQuotedJson) {
        return JiraWireMockTest.okJson(JiraWireMockTest.q(singleQuotedJson));
    }

    static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status);
    }

    static String completedTask() {
        return JiraWireMockTest.q("{'self':'https://example.atlassian.net/rest/api/3/task/1001','id':'1001',"
                + "'status':'COMPLETE','message':'done','progress':100,'elapsedRuntime':120,"
                + "'submitted':1700000000000,'submittedBy':10000,'lastUpdate':1700000000120}");
    }

    static List<Verb> all() {
        return List.of(
                Verb.of("searchPage", "POST", "/rest/api/3/search/jql",
                        () -> ok("{'issues':[" + ISSUE_JSON + "],'isLast':true}"),
                        c -> c.searchPage(SearchRequest.of(Jql.projectIs("TL"), List.of("summary")), Optional.empty()),
                        r -> assertThat(((SearchPage) r).issues()).extracting(JiraIssue::key).containsExactly("TL-1")),
                Verb.of("search", "POST", "/rest/api/3/search/jql",
                        () -> ok("{'issues':[" + ISSUE_JSON + "],'isLast':true}"),
                        c -> c.search(SearchRequest.of(Jql.projectIs("TL"), List.of("summary"))).toList(),
                        r -> assertThat((List<?>) r).hasSize(1)),
                Verb.of("approximateCount", "POST", "/rest/api/3/search/approximate-count", () -> ok("{'count':42}"),
                        c -> c.approximateCount(Jql.projectIs("TL")), r -> assertThat(r).isEqualTo(42L)),
                Verb.of("displayNames", "GET", "/rest/api/3/user/bulk",
                        () -> ok("{'isLast':true,'maxResults':100,'startAt':0,'total':1,'values':[{'accountId':'u-1',"
                                + "'accountType':'atlassian','active':true,'displayName':'Ada Lovelace',"
                                + "'self':'https://example.atlassian.net/rest/api/3/user?accountId=u-1'}]}"),
                        c -> c.displayNames(List.of("u-1", "u-2")),
                        r -> assertThat(r).isEqualTo(Map.of("u-1", "Ada Lovelace"))),
                Verb.of("findUsers", "GET", "/rest/api/3/user/search", () -> ok(
                        "[{'accountId':'u-1','accountType':'atlassian','active':true,'displayName':'Ada Lovelace',"
                                + "'self':'https://example.atlassian.net/rest/api/3/user?accountId=u-1'},"
                                + "{'accountId':'app-1','accountType':'app','active':true,'displayName':'Ada Bot',"
                                + "'self':'https://example.atlassian.net/rest/api/3/user?accountId=app-1'}]"),
                        c -> c.findUsers("ada", 10), r -> assertThat(r).isEqualTo(Map.of("u-1", "Ada Lovelace"))),
                Verb.of("issue", "GET", "/rest/api/3/issue/TL-1",
                        () -> ok("{'id':'10001','key':'TL-1','fields':{'summary':'First'},"
                                + "'properties':{'throughline.value':{'score':3}}}"),
                        c -> c.issue("TL-1", List.of("summary"), List.of("throughline.value")),
                        r -> assertThat(
                                ((Optional<?>) r).map(i -> ((JiraIssue) i).properties().get("throughline.value")))
                            .contains(VALUE))
                    .notFoundMeans(r -> assertThat(r).isEqualTo(Optional.empty())),
                Verb.of("getIssueProperty", "GET", ISSUE_PROPERTY,
                        () -> ok("{'key':'throughline.value','value':{'score':3}}"),
                        c -> c.getProperty(PropertyTarget.issue("TL-1"), "throughline.value"),
                        r -> assertThat(r).isEqualTo(Optional.of(VALUE)))
                    .notFoundMeans(r -> assertThat(r).isEqualTo(Optional.empty())),
                Verb.of("putIssueProperty", "PUT", ISSUE_PROPERTY, () -> JiraWireMockTest.json(201, "{}"), c -> {
                    c.putProperty(PropertyTarget.issue("TL-1"), "throughline.value", VALUE);
                    return "done";
                }, r -> assertThat(r).isEqualTo("done")),
                Verb.of("deleteIssueProperty", "DELETE", ISSUE_PROPERTY, () -> status(204), c -> {
                    c.deleteProperty(PropertyTarget.issue("TL-1"), "throughline.value");
                    return "done";
                }, r -> assertThat(r).isEqualTo("done")).notFoundMeans(r -> assertThat(r).isEqualTo("done")),
                Verb.of("getProjectProperty", "GET", PROJECT_PROPERTY,
                        () -> ok("{'key':'throughline.settings','value':{'score':3}}"),
                        c -> c.getProperty(PropertyTarget.project("TL"), "throughline.settings"),
                        r -> assertThat(r).isEqualTo(Optional.of(VALUE)))
                    .notFoundMeans(r -> assertThat(r).isEqualTo(Optional.empty())),
                Verb.of("putProjectProperty", "PUT", PROJECT_PROPERTY, () -> ok("{}"), c -> {
                    c.putProperty(PropertyTarget.project("TL"), "throughline.settings", VALUE);
                    return "done";
                }, r -> assertThat(r).isEqualTo("done")),
                Verb.of("deleteProjectProperty", "DELETE", PROJECT_PROPERTY, () -> status(204), c -> {
                    c.deleteProperty(PropertyTarget.project("TL"), "throughline.settings");
                    return "done";
                }, r -> assertThat(r).isEqualTo("done")).notFoundMeans(r -> assertThat(r).isEqualTo("done")),
                Verb.of("getAppProperty", "GET", APP_PROPERTY, () -> ok("{'key':'site.settings','value':{'score':3}}"),
                        c -> c.getProperty(PropertyTarget.app(), "site.settings"),
                        r -> assertThat(r).isEqualTo(Optional.of(VALUE)))
                    .notFoundMeans(r -> assertThat(r).isEqualTo(Optional.empty()))
                    .onConnectApi(),
                Verb.of("putAppProperty", "PUT", APP_PROPERTY,
                        () -> ok("{'message':'Property updated.','statusCode':200}"), c -> {
                            c.putProperty(PropertyTarget.app(), "site.settings", VALUE);
                            return "done";
                        }, r -> assertThat(r).isEqualTo("done"))
                    .onConnectApi(),
                Verb.of("deleteAppProperty", "DELETE", APP_PROPERTY, () -> status(204), c -> {
                    c.deleteProperty(PropertyTarget.app(), "site.settings");
                    return "done";
                }, r -> assertThat(r).isEqualTo("done"))
                    .notFoundMeans(r -> assertThat(r).isEqualTo("done"))
                    .onConnectApi(),
                Verb.of("putIssuePropertiesInBulk", "POST", "/rest/api/3/issue/properties/multi",
                        () -> status(303).withHeader("Location", "https://example.atlassian.net" + TASK),
                        c -> c.putIssuePropertiesInBulk(
                                List.of(new IssuePropertyUpdate(10001, Map.of("throughline.value", VALUE)))),
                        r -> assertThat(((BulkPropertyResult) r).taskId()).isEqualTo("1001"))
                    .also(() -> get(urlPathEqualTo(TASK)).willReturn(JiraWireMockTest.okJson(completedTask())))
                    .notRepeatable(),
                Verb.of("fields", "GET", "/rest/api/3/field",
                        () -> ok("[{'id':'customfield_10016','name':'Story point estimate','custom':true,"
                                + "'schema':{'type':'number','custom':'com.pyxis.greenhopper.jira:jsw-story-points','customId':10016}}]"),
                        JiraClient::fields, r -> assertThat((List<?>) r).hasSize(1)),
                Verb.of("storyPointsFieldIdOfBoard", "GET", "/rest/agile/1.0/board/7/configuration",
                        () -> ok(BoardsTest.CONFIGURATION), c -> c.storyPointsFieldId(7),
                        r -> assertThat(r).isEqualTo(Optional.of("customfield_10016"))),
                Verb.of("boards", "GET", "/rest/agile/1.0/board",
                        () -> ok("{'maxResults':50,'startAt':0,'total':1,'isLast':true,'values':[" + BoardsTest.BOARD
                                + "]}"),
                        c -> c.boards(Optional.of("TL")).toList(), r -> assertThat((List<?>) r).hasSize(1)),
                Verb.of("boardConfiguration", "GET", "/rest/agile/1.0/board/7/configuration",
                        () -> ok(BoardsTest.CONFIGURATION), c -> c.boardConfiguration(7),
                        r -> assertThat(((BoardConfiguration) r).estimationFieldId()).contains("customfield_10016")),
                Verb.of("openSprints", "GET", "/rest/agile/1.0/board/7/sprint",
                        () -> ok("{'maxResults':50,'startAt':0,'total':1,'isLast':true,'values':[{'id':37,"
                                + "'state':'future','name':'TL 2'}]}"),
                        c -> c.openSprints(7).toList(), r -> assertThat((List<?>) r).hasSize(1)),
                Verb.of("backlog", "GET", "/rest/agile/1.0/board/7/backlog",
                        () -> ok("{'startAt':0,'maxResults':50,'total':1,'issues':[" + ISSUE_JSON + "]}"),
                        c -> c.backlog(BacklogRequest.of(7, List.of("summary"))).toList(),
                        r -> assertThat((List<?>) r).hasSize(1)),
                Verb.of("rank", "PUT", "/rest/agile/1.0/issue/rank", () -> status(204),
                        c -> c.rank(RankRequest.before("TL-1", List.of("TL-2"))),
                        r -> assertThat(((RankResult) r).allRanked()).isTrue()),
                Verb.of("projects", "GET", "/rest/api/3/project/search",
                        () -> ok("{'startAt':0,'maxResults':50,'total':1,'isLast':true,"
                                + "'values':[{'id':'10000','key':'TL','name':'Throughline'}]}"),
                        c -> c.projects(List.of("TL")).toList(),
                        r -> assertThat(r).isEqualTo(List.of(new JiraProject(10000, "TL", "Throughline")))),
                Verb.of("projectsWithIssueCounts", "GET", "/rest/api/3/project/search",
                        () -> ok("{'startAt':0,'maxResults':50,'total':1,'isLast':true,"
                                + "'values':[{'id':'10000','key':'TL','name':'Throughline','insight':{'totalIssueCount':4200}}]}"),
                        c -> c.projectsWithIssueCounts(List.of("TL")).toList(),
                        r -> assertThat(r)
                            .isEqualTo(List.of(new JiraProject(10000, "TL", "Throughline", OptionalLong.of(4200))))),
                Verb.of("browsableProjects", "POST", "/rest/api/3/permissions/check", () -> ok(
                        "{'projectPermissions':[{'permission':'BROWSE_PROJECTS','projects':[10000],'issues':[]}],"
                                + "'globalPermissions':[]}"),
                        c -> c.browsableProjects("acc-1", List.of(10000L, 10001L)),
                        r -> assertThat(r).isEqualTo(Set.of(10000L))),
                Verb.of("editableIssues", "POST", "/rest/api/3/permissions/check",
                        () -> ok("{'projectPermissions':[{'permission':'EDIT_ISSUES','projects':[],'issues':[10001]}],"
                                + "'globalPermissions':[]}"),
                        c -> c.editableIssues("acc-1", List.of(10001L, 10002L)),
                        r -> assertThat(r).isEqualTo(Set.of(10001L))),
                Verb.of("isAdministrator", "POST", "/rest/api/3/permissions/check",
                        () -> ok("{'projectPermissions':[],'globalPermissions':['ADMINISTER']}"),
                        c -> c.isAdministrator("acc-1"), r -> assertThat(r).isEqualTo(true)),
                Verb.of("groupsOf", "GET", "/rest/api/3/user/groups",
                        () -> ok("[{'name':'roadmap-planners','groupId':'276f955c-63d7-42c8-9520-92d01dca0625',"
                                + "'self':'https://example.atlassian.net/rest/api/3/group?groupId=276f955c-63d7-42c8-9520-92d01dca0625'}]"),
                        c -> c.groupsOf("acc-1"),
                        r -> assertThat(r).isEqualTo(List.of(new JiraGroup("roadmap-planners",
                                Optional.of("276f955c-63d7-42c8-9520-92d01dca0625")))))
                    .notFoundMeans(r -> assertThat(r).isEqualTo(List.of())),
                Verb.of("canScheduleIssues", "POST", "/rest/api/3/permissions/check", () -> ok(
                        "{'projectPermissions':[{'permission':'SCHEDULE_ISSUES','projects':[10000],'issues':[]}],"
                                + "'globalPermissions':[]}"),
                        c -> c.canScheduleIssues("acc-1", 10000), r -> assertThat(r).isEqualTo(true)));
    }

    static Set<String> names() {
        return all().stream().map(Verb::name).collect(Collectors.toSet());
    }

}
