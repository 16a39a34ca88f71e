package dev.throughline.program;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.StaleVersionException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramDraftTest {

    private static List<String> fieldsOf(Map<String, ?> body, boolean versionRequired) {
        try {
            ProgramDraft.parse(body, versionRequired);
            return List.of();
        }
        catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void defaultsAndTrimming() {
        ProgramDraft draft = ProgramDraft.parse(
                Map.of("name", "  Checkout  ", "projects", List.of("WEB", "WEB", "MOB"), "jql", "  issuetype = Story "),
                false);

        assertThat(draft.name()).isEqualTo("Checkout");
        assertThat(draft.projects()).containsExactly("WEB", "MOB");
        assertThat(draft.jql()).contains("issuetype = Story");
        assertThat(draft.progressBasis()).isEqualTo(ProgressBasis.ISSUE_COUNT);
        assertThat(draft.includeSubtasks()).isFalse();
        assertThat(draft.scopeGrowth()).as("forecasts add no new work unless asked").isFalse();
        assertThat(draft.throughputWeeks()).isEqualTo(12);
        assertThat(draft.version()).isEmpty();
    }

    @Test
    void eachRuleNamesItsField() {
        assertThat(fieldsOf(Map.of("name", "x".repeat(81), "projects", List.of("WEB")), false)).containsExactly("name");
        assertThat(fieldsOf(Map.of("name", "A", "projects", "WEB"), false)).containsExactly("projects");
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("WEB", 7)), false)).containsExactly("projects[1]");
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("WEB"), "jql", "status = Done order   BY rank"),
                false))
            .containsExactly("jql");
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("WEB"), "throughputWeeks", 0), false))
            .containsExactly("throughputWeeks");
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("WEB"), "throughputWeeks", 2.5), false))
            .containsExactly("throughputWeeks");
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("WEB")), true)).containsExactly("version");
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("WEB"), "version", 0), true))
            .containsExactly("version");
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("WEB"), "progressBasis", "STORY_POINTS"), false))
            .isEmpty();
    }

    @Test
    void aRefinementThatCouldReachOutsideItsProjectsIsRefusedNamingJql() {
        for (String escaping : List.of("key = KAN-2) OR (project = HID", "status = Done) OR project = HID OR (x = 1",
                "summary ~ \"open", "(project = HID")) {
            assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("KAN"), "jql", escaping), false)).as(escaping)
                .containsExactly("jql");
        }
        assertThat(fieldsOf(Map.of("name", "A", "projects", List.of("KAN"), "jql",
                "summary ~ \"a) OR (b\" AND (issuetype = Epic OR issuetype = Story)"), false))
            .isEmpty();
    }

    @Test
    void aStoredRefinementThatCouldReachOutsideItsProjectsIsRefusedWhenUsed() {
        ProgramDefinition stored = new ProgramDefinition("p1", "P", List.of("KAN"),
                Optional.of("key = KAN-2) OR (project = HID"), ProgressBasis.ISSUE_COUNT, false, false, 12, 1);

        assertThatThrownBy(() -> stored.partitionJql("KAN")).isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
                .containsExactly("jql"));
        assertThatThrownBy(stored::programJql).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aProgramStoredBeforeScopeGrowthExistedReadsItAsOffAndANewOneKeepsIt() {
        ProgramDefinition growing = new ProgramDefinition("p1", "P", List.of("WEB"), Optional.empty(),
                ProgressBasis.ISSUE_COUNT, false, true, 12, 1);
        Map<String, Object> stored = new LinkedHashMap<>(ProgramCodec.toMap(growing));

        assertThat(ProgramCodec.fromMap(stored)).isEqualTo(growing);
        stored.remove("scopeGrowth");
        assertThat(ProgramCodec.fromMap(stored).scopeGrowth()).isFalse();
    }

    @Test
    void aRefinementIsAndedToEachProjectsSearch() {
        ProgramDefinition program = new ProgramDefinition("p1", "P", List.of("WEB"), Optional.of("a = 1 OR b = 2"),
                ProgressBasis.ISSUE_COUNT, false, false, 12, 1);

        assertThat(program.partitionJql("WEB").text()).isEqualTo("project = \"WEB\" AND (a = 1 OR b = 2)");
        assertThat(program.programJql().text()).isEqualTo("project in (\"WEB\") AND (a = 1 OR b = 2)");
        assertThatThrownBy(() -> new ProgramDefinition("p1", "P", List.of("web"), Optional.empty(),
                ProgressBasis.ISSUE_COUNT, false, false, 12, 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogKeepsNamesUniqueAndChecksVersions() {
        ProgramDefinition existing = new ProgramDefinition("p1", "Checkout", List.of("WEB"), Optional.empty(),
                ProgressBasis.ISSUE_COUNT, false, false, 12, 3);
        ProgramCatalog catalog = new ProgramCatalog(List.of(ProgramSummary.of(existing)));

        assertThatThrownBy(() -> catalog
            .create(ProgramDraft.parse(Map.of("name", "CHECKOUT", "projects", List.of("MOB")), false), () -> "p2"))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> catalog.update(existing,
                ProgramDraft.parse(Map.of("name", "New", "projects", List.of("MOB"), "version", 2), true)))
            .isInstanceOf(StaleVersionException.class);
        ProgramDefinition renamed = catalog.update(existing,
                ProgramDraft.parse(Map.of("name", "checkout", "projects", List.of("MOB"), "version", 3), true));
        assertThat(renamed.version()).isEqualTo(4);
        assertThat(renamed.name()).isEqualTo("checkout");
    }

}
