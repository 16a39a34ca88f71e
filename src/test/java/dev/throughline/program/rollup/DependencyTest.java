package dev.throughline.program.rollup;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.throughline.program.rollup.TestIssue.epic;
import static dev.throughline.program.rollup.TestIssue.rollUp;
import static dev.throughline.program.rollup.TestIssue.settings;
import static dev.throughline.program.rollup.TestIssue.story;
import static org.assertj.core.api.Assertions.assertThat;

class DependencyTest {

    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    @Test
    void anOpenItemBlockedByAnOpenItemIsFoundWhicheverEndArrivesFirst() {
        DependencyReport blockerFirst = rollUp(story("A-1").blocks("B-1"), story("B-1").blockedBy("A-1"))
            .dependencies();
        DependencyReport blockedFirst = rollUp(story("B-1").blockedBy("A-1"), story("A-1").blocks("B-1"))
            .dependencies();

        assertThat(blockerFirst.open()).singleElement().satisfies(dependency -> {
            assertThat(dependency.blocker().key()).isEqualTo("A-1");
            assertThat(dependency.blocked().key()).isEqualTo("B-1");
        });
        assertThat(blockedFirst).isEqualTo(blockerFirst);
    }

    @Test
    void aLinkReportedByBothEndsIsListedOnce() {
        DependencyReport report = rollUp(story("A-1").blocks("A-2"), story("A-2").blockedBy("A-1")).dependencies();

        assertThat(report.open()).hasSize(1);
    }

    @Test
    void endsInDifferentProjectRollupsMeetWhenMerged() {
        RollupSettings settings = settings();
        ProjectRollup a = new ProjectRollup(settings);
        ProjectRollup b = new ProjectRollup(settings);
        a.accept(story("A-1").blocks("B-1").build());
        b.accept(story("B-1").blockedBy("A-1").build());

        DependencyReport report = RollupEngine.rollUp(settings, List.of(b, a)).dependencies();

        assertThat(report.open()).singleElement().satisfies(d -> assertThat(d.crossProject()).isTrue());
        assertThat(report.crossProject()).hasSize(1);
    }

    @Test
    void linksInvolvingADoneItemAreNotOpenDependencies() {
        DependencyReport report = rollUp(story("A-1").done().blocks("A-2"), story("A-2").blockedBy("A-1"),
                story("A-3").blocks("A-4"), story("A-4").done().blockedBy("A-3"))
            .dependencies();

        assertThat(report.open()).isEmpty();
    }

    @Test
    void aLinkWhoseOtherEndWasNotSeenIsOnlyCounted() {
        DependencyReport report = rollUp(story("A-1").blocks("Z-9")).dependencies();

        assertThat(report.open()).isEmpty();
        assertThat(report.linksWithUnseenEnd()).isEqualTo(1);
    }

    @Test
    void anEndsParentInAProjectTheViewerCannotBrowseIsNotNamed() {
        // A-1's epic lives in HID, which this viewer's merge does not hold; A-2's epic
        // A-9 was read
        DependencyReport report = rollUp(story("A-1").parent("HID-7").blocks("A-2"),
                story("A-2").parent("A-9").blockedBy("A-1"), epic("A-9"))
            .dependencies();

        assertThat(report.open()).singleElement().satisfies(dependency -> {
            assertThat(dependency.blocker().parentKey()).isEmpty();
            assertThat(dependency.blocked().parentKey()).contains("A-9");
        });
        assertThat(report.toString()).doesNotContain("HID");
    }

    @Test
    void aLinkListedOnOnlyOneEndIsCountedAsUnseen() {
        // Jira lists every link on both issues; an end that does not list it is treated
        // as not seen, because
        // remembering every issue that might be linked later would keep all issues in
        // memory.
        DependencyReport report = rollUp(story("A-1").blocks("A-2"), story("A-2")).dependencies();

        assertThat(report.open()).isEmpty();
        assertThat(report.linksWithUnseenEnd()).isEqualTo(1);
    }

    @Test
    void aBlockerDueAfterTheBlockedItemIsAConflict() {
        DependencyReport report = rollUp(story("A-1").due(JUNE_1).blocks("A-2", "A-3"),
                story("A-2").due(MAY_1).blockedBy("A-1"), story("A-3").due(JUNE_1).blockedBy("A-1"))
            .dependencies();

        assertThat(report.conflicts()).singleElement().satisfies(d -> {
            assertThat(d.blocked().key()).isEqualTo("A-2");
            assertThat(d.crossProject()).isFalse();
            assertThat(d.conflicts()).containsExactly(new DependencyConflict(ConflictKind.BLOCKER_DUE_AFTER_BLOCKED_DUE,
                    JUNE_1, MAY_1, Optional.empty()));
        });
    }

    @Test
    void aBlockerDueAfterTheBlockedItemsThemeEndsIsAConflictAlsoForInheritedThemes() {
        RollupSettings settings = settings().withThemeEnds(Map.of("T", MAY_1, "U", LocalDate.of(2026, 12, 31)));

        DependencyReport report = rollUp(settings, story("B-1").due(JUNE_1).blocks("A-2", "A-3"),
                story("A-2").parent("A-1").blockedBy("B-1"), epic("A-1").themes("T"),
                story("A-3").themes("U").blockedBy("B-1"))
            .dependencies();

        assertThat(report.conflicts()).singleElement().satisfies(d -> {
            assertThat(d.blocked().key()).isEqualTo("A-2");
            assertThat(d.conflicts()).containsExactly(
                    new DependencyConflict(ConflictKind.BLOCKER_DUE_AFTER_THEME_END, JUNE_1, MAY_1, Optional.of("T")));
        });
        assertThat(report.open()).hasSize(2);
    }

    @Test
    void conflictsAreTheSameWhicheverOrderTheIssuesArrive() {
        RollupSettings settings = settings().withThemeEnds(Map.of("T", MAY_1));
        List<ProgramIssue> issues = TestIssue.all(epic("A-1").themes("T"),
                story("A-2").parent("A-1").due(MAY_1).blockedBy("B-1"), story("B-1").due(JUNE_1).blocks("A-2"));
        List<ProgramIssue> reversed = new ArrayList<>(issues);
        Collections.reverse(reversed);

        DependencyReport forward = RollupEngine.rollUpIssues(settings, issues).dependencies();
        DependencyReport backward = RollupEngine.rollUpIssues(settings, reversed).dependencies();

        assertThat(forward.conflicts()).singleElement()
            .satisfies(d -> assertThat(d.conflicts()).extracting(DependencyConflict::kind)
                .containsExactly(ConflictKind.BLOCKER_DUE_AFTER_BLOCKED_DUE, ConflictKind.BLOCKER_DUE_AFTER_THEME_END));
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void aBlockerWithoutADueDateHasNoConflict() {
        DependencyReport report = rollUp(story("A-1").blocks("A-2"), story("A-2").due(MAY_1).blockedBy("A-1"))
            .dependencies();

        assertThat(report.open()).hasSize(1);
        assertThat(report.conflicts()).isEmpty();
    }

}
