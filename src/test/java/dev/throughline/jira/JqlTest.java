package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JqlTest {

    @Test
    void valuesAreQuotedWithQuotesAndBackslashesEscaped() {
        Jql jql = Jql.projectIs("WEB")
            .and(Jql.propertyEquals("throughline.value", "model", "RICE\" OR project = HID OR model = \"x\\"));

        assertThat(jql.text()).isEqualTo("project = \"WEB\" AND issue.property[throughline.value].model = "
                + "\"RICE\\\" OR project = HID OR model = \\\"x\\\\\"");
        // the whole value stays one string literal: nothing of it is read as JQL
        assertThat(Jql.refinementProblem(jql.text())).isEmpty();
        assertThat(Jql.quote("line\nbreak\ttab")).isEqualTo("\"line\\nbreak\\ttab\"");
    }

    @Test
    void aBoardsFilterIsNamedByItsIdAndAndedWithItsProjects() {
        assertThat(Jql.projectIn(List.of("WEB", "MOB")).and(Jql.filterIs(10012)).text())
            .isEqualTo("project in (\"WEB\", \"MOB\") AND filter = 10012");
        assertThatThrownBy(() -> Jql.filterIs(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAndPropertyNamesAreCheckedNotEscaped() {
        assertThatThrownBy(() -> Jql.projectIs("WEB\" OR project = \"HID"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.projectIn(List.of("WEB", "hid"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.issueKeyIn(List.of("WEB-1) OR (project = HID")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.parentIn(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.keyAtLeast("WEB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.propertyIsNotEmpty("a] OR x[", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.propertyIsNotEmpty("throughline.themes", "ids = 1 OR x"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(Jql.issueKeyIn(List.of("WEB-1", "MOB-20")).text()).isEqualTo("key in (\"WEB-1\", \"MOB-20\")");
        assertThat(Jql.parentIn(List.of("WEB-1")).and(Jql.keyAtLeast("WEB-5")).text())
            .isEqualTo("parent in (\"WEB-1\") AND key >= \"WEB-5\"");
    }

    @Test
    void childrenByParentIdOrAnotherRestrictionAreParenthesisedSoAndBindsToBoth() {
        Jql jql = Jql.propertyIsNotEmpty("throughline.themes", "themeIds")
            .or(Jql.parentIdIn(List.of(10001L, 10002L)))
            .and(Jql.projectNotIn(List.of("WEB")));

        assertThat(jql.text()).isEqualTo("(issue.property[throughline.themes].themeIds IS NOT EMPTY"
                + " OR parent in (10001, 10002)) AND project not in (\"WEB\")");
        assertThatThrownBy(() -> Jql.parentIdIn(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.parentIdIn(List.of(0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.projectIs("WEB").orderedBy("key").or(Jql.projectIs("MOB")))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFieldIsNamedByItsCustomFieldClauseOrItsSystemIdAndAnythingElseIsRefused() {
        assertThat(Jql.fieldIsNotEmpty("customfield_10028").text()).isEqualTo("cf[10028] IS NOT EMPTY");
        assertThat(Jql.fieldIsNotEmpty("timeoriginalestimate").text()).isEqualTo("timeoriginalestimate IS NOT EMPTY");
        assertThatThrownBy(() -> Jql.fieldIsNotEmpty("x OR project = A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.fieldIsNotEmpty("customfield_0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalDateBoundsAreOneParenthesisedOr() {
        assertThat(Jql.inLastMinutes(30, "valueUpdated").text()).isEqualTo("valueUpdated >= \"-30m\"");
        assertThat(Jql.projectIs("KAN").and(Jql.inLastMinutes(30, "valueUpdated", "themesUpdated")).text())
            .isEqualTo("project = \"KAN\" AND (valueUpdated >= \"-30m\" OR themesUpdated >= \"-30m\")");
        assertThatThrownBy(() -> Jql.inLastMinutes(30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.inLastMinutes(0, "updated")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.inLastMinutes(5, "updated OR x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefinementIsParenthesisedSoItCanOnlyNarrow() {
        Jql jql = Jql.projectIs("KAN").and(Jql.refinement(" issuetype = Epic OR issuetype = Story "));

        assertThat(jql.text()).isEqualTo("project = \"KAN\" AND (issuetype = Epic OR issuetype = Story)");
        assertThat(jql.orderedBy("key").text()).endsWith(" ORDER BY key ASC");
    }

    @Test
    void aRefinementThatClosesAParenthesisItDidNotOpenIsRefused() {
        assertThat(Jql.refinementProblem("key = KAN-2) OR (project = HID")).get().asString().contains("closes");
        assertThat(Jql.refinementProblem("a = 1) OR project = HID OR (b = 2")).isPresent();
        assertThat(Jql.refinementProblem("summary ~ a\\) OR (project = HID")).as("an escaped ) is not a parenthesis")
            .get()
            .asString()
            .contains("open");
        assertThatThrownBy(() -> Jql.refinement("key = KAN-2) OR (project = HID"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unclosedParenthesesAndQuotesAreRefused() {
        assertThat(Jql.refinementProblem("(project = HID")).get().asString().contains("open");
        assertThat(Jql.refinementProblem("summary ~ \"open) OR (x")).get().asString().contains("quoted");
        assertThat(Jql.refinementProblem("summary ~ 'open")).get().asString().contains("quoted");
        assertThat(Jql.refinementProblem("summary ~ \"ends with a backslash\\\"")).isPresent();
        assertThat(Jql.refinementProblem("  ")).isPresent();
        assertThat(Jql.refinementProblem(null)).isPresent();
    }

    @Test
    void parenthesesAndQuotesInsideStringsDoNotCount() {
        assertThat(Jql.refinementProblem("summary ~ \"a) OR (b\"")).isEmpty();
        assertThat(Jql.refinementProblem("summary ~ 'it\\'s' OR summary ~ \"say \\\"hi)\\\"\"")).isEmpty();
        assertThat(Jql.refinementProblem("(status = Done OR status = \"In (review)\") AND labels in (a, b)")).isEmpty();
    }

    @Test
    void orderByOutsideStringsIsRefusedInsideStringsIsText() {
        assertThat(Jql.refinementProblem("status = Done ORDER   by rank")).get().asString().contains("ORDER BY");
        assertThat(Jql.refinementProblem("ORDER BY created DESC")).isPresent();
        assertThat(Jql.refinementProblem("summary ~ \"order by phone\"")).isEmpty();
    }

    @Test
    void orderingIsByAPlainFieldAndComesLast() {
        assertThatThrownBy(() -> Jql.projectIs("WEB").orderedBy("key; DROP"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.projectIs("WEB").orderedBy("key").and(Jql.projectIs("MOB")))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void issueIdsAreExcludedByNumberAndOnlyPositiveOnes() {
        assertThat(Jql.projectIs("WEB").and(Jql.idNotIn(List.of(10001L, 10002L))).text())
            .isEqualTo("project = \"WEB\" AND id not in (10001, 10002)");
        assertThatThrownBy(() -> Jql.idNotIn(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jql.idNotIn(List.of(0L))).isInstanceOf(IllegalArgumentException.class);
    }

}
