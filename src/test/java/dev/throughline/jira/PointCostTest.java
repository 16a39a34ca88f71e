package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Atlassian's points on the shapes Jira answers (its OpenAPI examples, trimmed): a read
 * costs 1 + 1 per issue or project returned + 2 per user, group or permission object; a
 * write costs 1; a 429 was not served.
 */
class PointCostTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSearchPageCostsOnePlusItsIssuesWhateverTheyCarry() {
        byte[] page = json("""
                {"issues":[{"id":"10001","key":"WEB-1","fields":{"summary":"a","issuelinks":[{"id":"1"}],
                "subtasks":[{"id":"2"},{"id":"3"}]}},{"id":"10002","key":"WEB-2","fields":{}},
                {"id":"10003","key":"WEB-3","properties":{"throughline.value":{"score":4}}}],
                "nextPageToken":"CAEaAggD","isLast":false}""");

        assertThat(PointCost.of(false, "/rest/api/3/search/jql", 200, page)).isEqualTo(4);
        assertThat(PointCost.of(false, "/jira/rest/api/3/search/jql", 200, page)).isEqualTo(4);
        assertThat(PointCost.of(false, "/rest/api/3/search/jql", 200, json("{\"issues\":[],\"isLast\":true}")))
            .isEqualTo(1);
    }

    @Test
    void aBacklogPageCountsItsIssues() {
        assertThat(PointCost.of(false, "/rest/agile/1.0/board/7/backlog", 200,
                json("{\"startAt\":0,\"maxResults\":50,\"total\":2,\"issues\":[{\"id\":\"1\"},{\"id\":\"2\"}]}")))
            .isEqualTo(3);
    }

    @Test
    void oneIssueOrProjectReadAloneCostsTwo() {
        assertThat(PointCost.of(false, "/rest/api/3/issue/WEB-1", 200, json("{\"id\":\"1\",\"key\":\"WEB-1\"}")))
            .isEqualTo(2);
        assertThat(PointCost.of(false, "/rest/api/3/project/WEB", 200, json("{\"id\":\"10000\",\"key\":\"WEB\"}")))
            .isEqualTo(2);
    }

    @Test
    void aProjectPageCountsItsProjects() {
        assertThat(PointCost.of(false, "/rest/api/3/project/search", 200, json(
                "{\"isLast\":true,\"maxResults\":50,\"startAt\":0,\"total\":3,\"values\":[{\"id\":\"1\"},{\"id\":\"2\"},"
                        + "{\"id\":\"3\",\"insight\":{\"totalIssueCount\":100}}]}")))
            .isEqualTo(4);
    }

    @Test
    void usersGroupsAndPermissionsCostTwoEach() {
        assertThat(PointCost.of(false, "/rest/api/3/user/groups", 200, json(
                "[{\"groupId\":\"1\",\"name\":\"jira-administrators\"},{\"groupId\":\"2\",\"name\":\"planners\"}]")))
            .isEqualTo(5);
        assertThat(PointCost.of(false, "/rest/api/3/user/bulk", 200, json(
                "{\"isLast\":true,\"values\":[{\"accountId\":\"a\"},{\"accountId\":\"b\"},{\"accountId\":\"c\"}]}")))
            .isEqualTo(7);
        assertThat(PointCost.of(false, "/rest/api/3/permissions/check", 200, json(
                "{\"globalPermissions\":[\"ADMINISTER\"],\"projectPermissions\":[{\"permission\":\"BROWSE_PROJECTS\","
                        + "\"projects\":[10000,10001],\"issues\":[]},{\"permission\":\"EDIT_ISSUES\",\"issues\":[1,2,3]}]}")))
            .isEqualTo(7);
    }

    @Test
    void everythingElseCostsOne() {
        assertThat(PointCost.of(false, "/rest/api/3/issue/WEB-1/properties/throughline.value", 200,
                json("{\"key\":\"throughline.value\",\"value\":{\"issues\":[1,2,3]}}")))
            .isEqualTo(1);
        assertThat(PointCost.of(false, "/rest/api/3/search/approximate-count", 200, json("{\"count\":4000}")))
            .isEqualTo(1);
        assertThat(PointCost.of(false, "/rest/api/3/field", 200, json("[{\"id\":\"summary\"},{\"id\":\"status\"}]")))
            .isEqualTo(1);
    }

    @Test
    void writesCostOneFailuresOneAndARefusalNothing() {
        assertThat(PointCost.of(true, "/rest/api/3/issue/properties/multi", 303, null)).isEqualTo(1);
        assertThat(PointCost.of(true, "/rest/api/3/issue/WEB-1/properties/throughline.value", 200, null)).isEqualTo(1);
        assertThat(PointCost.of(false, "/rest/api/3/search/jql", 400, json("{\"errorMessages\":[\"bad\"]}")))
            .isEqualTo(1);
        assertThat(PointCost.of(false, "/rest/api/3/search/jql", 429, null)).isZero();
        assertThat(PointCost.of(false, "/rest/api/3/search/jql", 200, json("not json"))).isEqualTo(1);
    }

}
