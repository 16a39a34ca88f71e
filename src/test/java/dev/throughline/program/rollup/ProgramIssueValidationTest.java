package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static dev.throughline.program.rollup.TestIssue.story;
import static dev.throughline.program.rollup.TestIssue.subtask;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramIssueValidationTest {

    @Test
    void negativeStoryPointsAreRejected() {
        assertThatThrownBy(() -> story("A-1").points(-1).build()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("A-1")
            .hasMessageContaining("story points");
    }

    @Test
    void aSubtaskWithoutParentIsRejected() {
        assertThatThrownBy(() -> subtask("A-2", null).build()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("needs a parent");
    }

    @Test
    void anIssueCannotBlockItselfOrBeItsOwnParent() {
        assertThatThrownBy(() -> story("A-1").blocks("A-1").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> story("A-1").parent("A-1").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankThemeIdsAreRejected() {
        assertThatThrownBy(() -> story("A-1").themes(" ").build()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("themeIds");
    }

    @Test
    void unknownJiraStatusCategoryIsRejected() {
        assertThatThrownBy(() -> StatusCategory.fromJiraKey("undefined")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("undefined");
    }

    @Test
    void settingsRejectAnEmptyThroughputWindowAndZeroTrials() {
        LocalDate today = TestIssue.TODAY;
        assertThatThrownBy(() -> RollupSettings.defaults(today).withThroughputWeeks(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("throughputWeeks");
        assertThatThrownBy(() -> RollupSettings.defaults(today).withTrials(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("trials");
        assertThatThrownBy(() -> new RollupSettings(ProgressBasis.ISSUE_COUNT, false, 12, 10, 1, null, Map.of(), false))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("today");
    }

}
