package dev.throughline.readmodel;

import dev.throughline.jira.IssueFields;
import dev.throughline.readmodel.RefinementCondition.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refinement subset an issue event can decide, and JQL's meaning of it: three-valued
 * on empty fields, names by Jira's case rules, ids, precedence.
 */
class RefinementParserTest {

    /** A story in progress in project WEB, labelled "Beta", with no resolution. */
    private static Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("project", Map.of("id", "10000", "key", "WEB", "name", "Web shop"));
        fields.put("issuetype", Map.of("id", "10001", "name", "Story"));
        fields.put("status", Map.of("id", "3", "name", "In Progress", "statusCategory",
                Map.of("id", 4, "key", "indeterminate", "name", "In Progress")));
        fields.put("created", "2026-11-01T10:00:00.000+0000");
        fields.put("labels", List.of("Beta"));
        fields.put("components", List.of());
        fields.put("fixVersions", List.of(Map.of("id", "20000", "name", "1.0")));
        fields.put("priority", Map.of("id", "2", "name", "High"));
        fields.put("resolution", null);
        return fields;
    }

    private static Truth truth(String refinement) {
        return truth(refinement, fields());
    }

    private static Truth truth(String refinement, Map<String, Object> fields) {
        RefinementCondition condition = RefinementParser.parse(refinement)
            .orElseThrow(() -> new AssertionError("not in the subset: " + refinement));
        return condition.test(new EventFields(IssueFields.of(fields)));
    }

    @Test
    void namesIdsAndKeysAsJiraMatchesThem() {
        assertThat(truth("status = \"In Progress\"")).isEqualTo(Truth.TRUE);
        assertThat(truth("status = 'in progress'")).as("status names ignore case").isEqualTo(Truth.TRUE);
        assertThat(truth("status = 3")).as("by id").isEqualTo(Truth.TRUE);
        assertThat(truth("status != Done")).isEqualTo(Truth.TRUE);
        assertThat(truth("project = web")).isEqualTo(Truth.TRUE);
        assertThat(truth("project = \"Web shop\" and project = 10000")).isEqualTo(Truth.TRUE);
        assertThat(truth("type = story AND issuetype in (Bug, Story)")).isEqualTo(Truth.TRUE);
        assertThat(truth("statusCategory = indeterminate and statusCategory != \"To Do\"")).isEqualTo(Truth.TRUE);
        assertThat(truth("statuscategory = 4")).isEqualTo(Truth.TRUE);
        assertThat(truth("priority in (High, Highest)")).isEqualTo(Truth.TRUE);
        assertThat(truth("fixVersion = \"1.0\" AND fixVersion = 20000")).isEqualTo(Truth.TRUE);
        assertThat(truth("labels = Beta")).isEqualTo(Truth.TRUE);
        assertThat(truth("labels = Alpha")).isEqualTo(Truth.FALSE);
    }

    @Test
    void labelsComponentsAndVersionsDifferingOnlyInCaseAreLeftToJira() {
        assertThat(truth("labels = beta")).isEqualTo(Truth.UNDECIDED);
        assertThat(truth("fixVersion = 2.0 OR labels = BETA")).isEqualTo(Truth.UNDECIDED);
        assertThat(truth("fixVersion = 1.0 OR labels = BETA")).as("true whatever the case rule").isEqualTo(Truth.TRUE);
        assertThat(truth("labels = beta AND project = OPS")).as("false whatever the case rule").isEqualTo(Truth.FALSE);
    }

    @Test
    void anEmptyFieldMatchesNeitherAComparisonNorItsNegation() {
        assertThat(truth("component = Api")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("component != Api")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("NOT component = Api")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("component not in (Api, Ui)")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("component != Api OR component is EMPTY")).isEqualTo(Truth.TRUE);
        assertThat(truth("resolution is empty and component is null")).isEqualTo(Truth.TRUE);
        assertThat(truth("resolution is not empty")).isEqualTo(Truth.FALSE);
        assertThat(truth("resolution != Done")).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("labels != Alpha")).as("has labels, none is Alpha").isEqualTo(Truth.TRUE);
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(truth("project = OPS AND status = Done OR labels = Beta")).isEqualTo(Truth.TRUE);
        assertThat(truth("project = OPS AND (status = Done OR labels = Beta)")).isEqualTo(Truth.FALSE);
        assertThat(truth("NOT project = OPS AND NOT status = Done")).isEqualTo(Truth.TRUE);
        assertThat(truth("not (project = WEB and labels = Beta)")).isEqualTo(Truth.FALSE);
    }

    @Test
    void aFieldTheEventDoesNotCarryIsLeftToJira() {
        Map<String, Object> fields = fields();
        fields.remove("labels");
        assertThat(truth("labels = Beta", fields)).isEqualTo(Truth.UNDECIDED);
        assertThat(truth("labels = Beta AND project = OPS", fields)).isEqualTo(Truth.FALSE);
        fields.put("priority", Map.of("name", "High"));
        assertThat(truth("priority = High", fields)).as("a value without its id").isEqualTo(Truth.UNDECIDED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "assignee = currentUser()", "status = Done AND assignee = currentUser()",
            "fixVersion in unreleasedVersions()", "summary ~ login", "created >= -30d", "cf[10010] = 3",
            "\"Story Points\" = 3", "status = Done ORDER BY rank", "status = Done && project = WEB", "status = EMPTY",
            "resolution = Unresolved", "sprint in openSprints()", "status = Done AND", "(status = Done",
            "status in Done", "status = \"Done", "labels = a+b", "issue.property[x].y = 1", "" })
    void anythingOutsideTheSubsetIsNotRead(String refinement) {
        assertThat(RefinementParser.parse(refinement)).isEmpty();
    }

    @Test
    void quotedValuesMayHoldEscapedQuotesAndReservedWords() {
        Map<String, Object> fields = fields();
        fields.put("labels", List.of("say \"hi\"", "and"));
        assertThat(truth("labels = \"say \\\"hi\\\"\"", fields)).isEqualTo(Truth.TRUE);
        assertThat(truth("labels in ('and')", fields)).isEqualTo(Truth.TRUE);
        assertThat(RefinementParser.parse("labels = and")).isEmpty();
    }

}
