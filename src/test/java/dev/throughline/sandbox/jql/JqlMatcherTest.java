package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JqlMatcherTest {

    private final SandboxSite site = SandboxGenerator.demo();

    private List<SandboxIssue> select(String jql) {
        return JqlMatcher.select(site, jql);
    }

    @Test
    void projectEqualsAndInSelectByKeyOrId() {
        assertThat(select("project = WEB")).isNotEmpty().allMatch(i -> i.projectKey().equals("WEB"));
        assertThat(select("project = 10001")).allMatch(i -> i.projectKey().equals("MOB"));
        assertThat(select("project in (WEB, MOB)"))
            .hasSize((int) site.issues().stream().filter(i -> !i.projectKey().equals("PLAT")).count());
    }

    @Test
    void keyEqualsAndInSelectExactIssues() {
        assertThat(select("key = WEB-3")).extracting(SandboxIssue::key).containsExactly("WEB-3");
        assertThat(select("key in (WEB-1, MOB-2) ORDER BY key")).extracting(SandboxIssue::key)
            .containsExactly("MOB-2", "WEB-1");
    }

    @Test
    void keyRangesStayInsideTheKeysProjectAndNeedNoExistingIssueAtTheBound() {
        assertThat(select("project = WEB AND key >= \"WEB-5\" AND key < WEB-8 ORDER BY key ASC"))
            .extracting(SandboxIssue::key)
            .containsExactly("WEB-5", "WEB-6", "WEB-7");
        assertThat(select("key > WEB-3")).allMatch(i -> i.projectKey().equals("WEB") && i.keyNumber() > 3);
        assertThat(select("key <= WEB-2 ORDER BY key DESC")).extracting(SandboxIssue::key)
            .containsExactly("WEB-2", "WEB-1");
        assertThat(select("key >= WEB-999999")).isEmpty();
        assertThatThrownBy(() -> select("key >= NOPE-1")).isInstanceOf(JqlException.class)
            .hasMessageContaining("NOPE-1");
        assertThatThrownBy(() -> select("key >= 12")).isInstanceOf(JqlException.class);
    }

    @Test
    void issueTypeMatchesNamesInAnyCase() {
        assertThat(select("issuetype = epic")).isNotEmpty().allMatch(i -> i.type() == IssueType.EPIC);
        assertThat(select("issuetype in (Story, \"Sub-task\")")).isNotEmpty()
            .allMatch(i -> i.type() == IssueType.STORY || i.type() == IssueType.SUBTASK);
    }

    @Test
    void statusCategoryAcceptsNamesKeysAndNegation() {
        assertThat(select("statusCategory = Done")).isNotEmpty().allMatch(i -> i.status().done());
        assertThat(select("statusCategory = \"To Do\"")).isNotEmpty().allMatch(i -> i.status() == IssueStatus.TO_DO);
        assertThat(select("statusCategory = indeterminate")).isNotEmpty()
            .allMatch(i -> i.status() == IssueStatus.IN_PROGRESS);
        assertThat(select("statusCategory = new")).hasSameSizeAs(select("statusCategory = \"To Do\""));
        assertThat(select("statusCategory != done"))
            .hasSize(site.issues().size() - select("statusCategory = done").size());
    }

    @Test
    void parentSelectsChildren() {
        SandboxIssue epic = site.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && !site.children(i.id()).isEmpty())
            .findFirst()
            .orElseThrow();
        assertThat(select("parent = " + epic.key())).containsExactlyInAnyOrderElementsOf(site.children(epic.id()));
        assertThat(select("parent in (" + epic.id() + ")")).hasSameSizeAs(site.children(epic.id()));
    }

    @Test
    void aBoardsFilterSelectsWhatItsJqlSelects() {
        long webBoard = site.boards().get(0).filterId();
        assertThat(select("filter = " + webBoard)).isEqualTo(select("project = WEB"));
        long part = site.addBoard("Checkout", "WEB", "project = WEB AND key in (WEB-1, WEB-2)").filterId();
        assertThat(select("filter = " + part + " ORDER BY key")).extracting(SandboxIssue::key)
            .containsExactly("WEB-1", "WEB-2");
        assertThat(select("project = WEB AND filter != " + part)).hasSize(select("project = WEB").size() - 2);
        assertThat(select("filter in (" + part + ", " + webBoard + ")")).hasSameSizeAs(select("project = WEB"));
        assertThatThrownBy(() -> select("filter = 99")).isInstanceOf(JqlException.class)
            .hasMessage("The value '99' does not exist for the field 'filter'.");
    }

    @Test
    void andOrAndParenthesesCombine() {
        List<SandboxIssue> bugsOrEpicsInWeb = select("project = WEB AND (issuetype = Bug OR issuetype = Epic)");
        assertThat(bugsOrEpicsInWeb).isNotEmpty()
            .allMatch(i -> i.projectKey().equals("WEB") && (i.type() == IssueType.BUG || i.type() == IssueType.EPIC));
        assertThat(select("project = WEB AND issuetype = Bug OR issuetype = Epic"))
            .anyMatch(i -> !i.projectKey().equals("WEB"));
    }

    @Test
    void propertyComparisonsWorkOnNumbersStringsAndNestedPaths() {
        site.setIssueProperty("WEB-1", "throughline.value",
                Map.of("score", 40, "model", "wsjf", "detail", Map.of("effort", 3)));
        site.setIssueProperty("WEB-2", "throughline.value", Map.of("score", 75.5, "model", "rice"));
        site.setIssueProperty("WEB-3", "throughline.value", Map.of("score", 12, "model", "wsjf"));
        assertThat(keys("issue.property[throughline.value].score >= 40")).containsExactly("WEB-1", "WEB-2");
        assertThat(keys("issue.property[throughline.value].score > 40")).containsExactly("WEB-2");
        assertThat(keys("issue.property[throughline.value].score < 40")).containsExactly("WEB-3");
        assertThat(keys("issue.property[throughline.value].score <= 40")).containsExactly("WEB-1", "WEB-3");
        assertThat(keys("issue.property[throughline.value].score = 75.5")).containsExactly("WEB-2");
        assertThat(keys("issue.property[throughline.value].model != wsjf")).containsExactly("WEB-2");
        assertThat(keys("issue.property[throughline.value].detail.effort = 3")).containsExactly("WEB-1");
    }

    @Test
    void aliasesMapToThroughlineProperties() {
        site.setIssueProperty("MOB-1", "throughline.value",
                Map.of("score", 55, "model", "rice", "updatedAt", "2026-11-20T10:00:00Z"));
        site.setIssueProperty("MOB-2", "throughline.themes",
                Map.of("themeIds", List.of("t-growth", "t-platform"), "updatedAt", "2026-11-21T10:00:00"));
        assertThat(keys("valueScore >= 40")).containsExactly("MOB-1");
        assertThat(keys("themesUpdated > \"2026-11-01\"")).containsExactly("MOB-2");
        assertThat(keys("project = MOB AND (valueUpdated > \"2026-11-21\" OR themesUpdated > \"2026-11-21\")"))
            .containsExactly("MOB-2");
        assertThat(keys("valueModel = rice")).containsExactly("MOB-1");
        assertThat(keys("valueUpdated > \"2026-11-01\"")).containsExactly("MOB-1");
        assertThat(keys("roadmapTheme = t-platform")).containsExactly("MOB-2");
        assertThat(keys("roadmapTheme in (t-none, t-growth)")).containsExactly("MOB-2");
        assertThat(keys("project = MOB AND valueScore is EMPTY")).doesNotContain("MOB-1").contains("MOB-2");
    }

    @Test
    void datesCompareAbsoluteAndRelativeToTheSiteNow() {
        assertThat(select("created >= -30d")).isNotEmpty()
            .allMatch(i -> i.created().isAfter(site.now().minusSeconds(31L * 86400)));
        assertThat(select("resolved is EMPTY")).allMatch(i -> !i.status().done());
        assertThat(select("created < \"2026-06-01\"")).isNotEmpty();
    }

    @Test
    void orderByRankCreatedAndKey() {
        List<SandboxIssue> byRank = select("project = WEB ORDER BY Rank");
        for (int n = 1; n < byRank.size(); n++) {
            assertThat(site.rankPosition(byRank.get(n).id())).isGreaterThan(site.rankPosition(byRank.get(n - 1).id()));
        }
        List<SandboxIssue> newest = select("project = WEB ORDER BY created DESC");
        assertThat(newest.get(0).created()).isAfterOrEqualTo(newest.get(newest.size() - 1).created());
        assertThat(select("key in (WEB-10, WEB-9, WEB-100) ORDER BY key ASC")).extracting(SandboxIssue::key)
            .containsExactly("WEB-9", "WEB-10", "WEB-100");
    }

    @Test
    void unboundedAndUnknownFieldsAndValuesAreRejected() {
        assertThatThrownBy(() -> select("")).isInstanceOf(JqlException.class).hasMessageContaining("Unbounded");
        assertThatThrownBy(() -> select("ORDER BY key")).isInstanceOf(JqlException.class)
            .hasMessageContaining("Unbounded");
        assertThatThrownBy(() -> select("colour = red")).isInstanceOf(JqlException.class)
            .hasMessageContaining("'colour' does not exist");
        assertThatThrownBy(() -> select("project = NOPE")).isInstanceOf(JqlException.class)
            .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> select("key = WEB-99999")).isInstanceOf(JqlException.class);
        assertThatThrownBy(() -> select("project = WEB ORDER BY colour")).isInstanceOf(JqlException.class);
        assertThatThrownBy(() -> select("project > WEB")).isInstanceOf(JqlException.class);
    }

    private List<String> keys(String jql) {
        return select(jql + " ORDER BY key").stream().map(SandboxIssue::key).toList();
    }

}
