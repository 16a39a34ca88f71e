package dev.throughline.program.service;

import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.PropertyValue;
import dev.throughline.program.rollup.IssueKind;
import dev.throughline.program.rollup.ProgramIssue;
import dev.throughline.program.rollup.StatusCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IssueMapperTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Map<String, Object> link(String id, String type, String direction, String key) {
        return Map.of("id", id, "type", Map.of("name", type), direction, Map.of("key", key));
    }

    @Test
    void mapsEveryFieldTheRollupNeeds() {
        Map<String, Object> fields = Map.ofEntries(Map.entry("summary", "Pay by card"),
                Map.entry("status", Map.of("statusCategory", Map.of("key", "done"))),
                Map.entry("issuetype", Map.of("name", "Story", "subtask", false, "hierarchyLevel", 0)),
                Map.entry("parent", Map.of("key", "WEB-1")), Map.entry("created", "2026-05-01T23:30:00.000-0500"),
                Map.entry("resolutiondate", "2026-06-02T10:00:00.000+0000"), Map.entry("duedate", "2026-07-01"),
                Map.entry("customfield_10016", 5.0), Map.entry("timeoriginalestimate", 7200),
                Map.entry("fixVersions", List.of(Map.of("name", "1.0"), Map.of("name", "2.0"))),
                Map.entry("subtasks", List.of(Map.of("key", "WEB-3"), Map.of("key", "WEB-4"))),
                Map.entry("issuelinks", List.of(link("1", "Blocks", "outwardIssue", "MOB-9"),
                        link("2", "Blocks", "inwardIssue", "PLAT-7"), link("3", "Relates", "outwardIssue", "WEB-5"))));
        JiraIssue issue = new JiraIssue("10002", "WEB-2", IssueFields.of(fields),
                Map.of("throughline.value", PropertyValue.ofMap(Map.of("score", 42.5)), "throughline.themes",
                        PropertyValue.ofMap(Map.of("themeIds", List.of("t1")))));

        ProgramIssue mapped = IssueMapper.map(issue, "WEB", Optional.of("customfield_10016"), TODAY);

        assertThat(mapped.summary()).isEqualTo("Pay by card");
        assertThat(mapped.kind()).isEqualTo(IssueKind.STANDARD);
        assertThat(mapped.status()).isEqualTo(StatusCategory.DONE);
        assertThat(mapped.parentKey()).contains("WEB-1");
        assertThat(mapped.created()).isEqualTo(LocalDate.of(2026, 5, 2)); // UTC
        assertThat(mapped.resolved()).contains(LocalDate.of(2026, 6, 2));
        assertThat(mapped.due()).contains(LocalDate.of(2026, 7, 1));
        assertThat(mapped.storyPoints()).contains(5.0);
        assertThat(mapped.originalEstimateSeconds()).contains(7200L);
        assertThat(mapped.fixVersions()).containsExactly("1.0", "2.0");
        assertThat(mapped.subtaskCount()).isEqualTo(2);
        assertThat(mapped.blocks()).containsExactly("MOB-9");
        assertThat(mapped.blockedBy()).containsExactly("PLAT-7");
        assertThat(mapped.valueScore()).contains(new BigDecimal("42.5"));
        assertThat(mapped.themeIds()).containsExactly("t1");
    }

    @Test
    void epicsSubtasksAndMissingFieldsAreHandledLeniently() {
        JiraIssue epic = new JiraIssue("1", "WEB-1", IssueFields.of(Map.of("issuetype",
                Map.of("name", "Initiative-ish", "subtask", false, "hierarchyLevel", 1), "customfield_10016", -3)),
                Map.of());
        JiraIssue subtask = new JiraIssue("3", "WEB-3", IssueFields
            .of(Map.of("issuetype", Map.of("name", "Sub-task", "subtask", true), "parent", Map.of("key", "WEB-2"))),
                Map.of());

        ProgramIssue mappedEpic = IssueMapper.map(epic, "WEB", Optional.of("customfield_10016"), TODAY);
        ProgramIssue mappedSubtask = IssueMapper.map(subtask, "WEB", Optional.empty(), TODAY);

        assertThat(mappedEpic.kind()).isEqualTo(IssueKind.EPIC);
        assertThat(mappedEpic.summary()).as("Jira sent no summary").isEmpty();
        assertThat(mappedEpic.status()).isEqualTo(StatusCategory.TODO);
        assertThat(mappedEpic.created()).isEqualTo(TODAY);
        assertThat(mappedEpic.storyPoints()).isEmpty();
        assertThat(mappedEpic.valueScore()).isEmpty();
        assertThat(mappedSubtask.kind()).isEqualTo(IssueKind.SUBTASK);
        assertThat(mappedSubtask.parentKey()).contains("WEB-2");
    }

    @Test
    void asksForExactlyTheRollupFieldsAndTwoProperties() {
        assertThat(IssueMapper.fields(Optional.of("customfield_10016"))).containsExactly("project", "summary", "status",
                "issuetype", "parent", "issuelinks", "created", "resolutiondate", "duedate", "timeoriginalestimate",
                "fixVersions", "subtasks", "updated", "customfield_10016");
        assertThat(IssueMapper.properties()).containsExactly("throughline.value", "throughline.themes");
    }

}
