package dev.throughline.theme;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeProgressTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant RECENT = Instant.parse("2026-11-20T12:00:00Z");
    static final long WEB = 1;
    static final long SECRET = 2;

    static Theme theme(String start, String end) {
        return new Theme("t1", "Theme", "", ThemeColor.BLUE, ThemeStatus.ACTIVE, Horizon.NOW,
                Optional.ofNullable(start).map(Quarter::parse), Optional.ofNullable(end).map(Quarter::parse), "",
                Optional.empty(), 0, 1);
    }

    static ScopeItem story(String key, boolean done, Double points, String score, LocalDate due) {
        return new ScopeItem(key, WEB, ScopeItem.Kind.STANDARD, done, Optional.ofNullable(points),
                Optional.ofNullable(score).map(BigDecimal::new), Optional.ofNullable(due), RECENT, false);
    }

    static ScopeItem epic(String key, boolean hasChildren) {
        return new ScopeItem(key, WEB, ScopeItem.Kind.EPIC, false, Optional.empty(), Optional.empty(), Optional.empty(),
                RECENT, hasChildren);
    }

    @Test
    void countsDoneItemsPointsAndValueDeliveredOverTheScope() {
        List<ScopeItem> scope = List.of(epic("E-1", true), story("S-1", true, 3.0, "200", null),
                story("S-2", false, 5.0, "100", null), story("S-3", true, null, null, null),
                new ScopeItem("T-1", WEB, ScopeItem.Kind.SUBTASK, true, Optional.of(8.0), Optional.empty(),
                        Optional.empty(), RECENT, false));

        ThemeProgress p = ThemeProgress.of(theme(null, null), scope, Set.of(WEB), TODAY, NOW);

        assertThat(p.itemsDone()).isEqualTo(2); // S-1, S-3 (the epic is a container, the
                                                // sub-task a step)
        assertThat(p.itemsTotal()).isEqualTo(3);
        assertThat(p.pointsDone()).isEqualTo(3.0);
        assertThat(p.pointsTotal()).isEqualTo(8.0);
        assertThat(p.valueDone()).isEqualByComparingTo("200");
        assertThat(p.valueTotal()).isEqualByComparingTo("300");
        assertThat(p.status()).isEqualTo(ThemeProgress.Status.ON_TRACK);
    }

    static ScopeItem scored(String key, long project, boolean done, String score, String model) {
        return new ScopeItem(key, project, ScopeItem.Kind.STANDARD, done, Optional.empty(),
                Optional.of(new BigDecimal(score)), Optional.empty(), RECENT, false, Optional.ofNullable(model));
    }

    @Test
    void valueDeliveredIsGivenPerModelAndNeverAddsUnlikeScores() {
        List<ScopeItem> scope = List.of(scored("S-1", WEB, true, "200", "RICE"),
                scored("S-2", WEB, false, "100", "RICE"), scored("S-3", WEB, true, "64", "ICE"),
                scored("S-4", WEB, false, "448", "ICE"), scored("S-5", WEB, true, "7", null));

        ThemeProgress p = ThemeProgress.of(theme(null, null), scope, Set.of(WEB), TODAY, NOW);

        assertThat(p.valueByModel()).containsExactly(
                new ThemeProgress.ModelValue("ICE", new BigDecimal("64"), new BigDecimal("512"), 2),
                new ThemeProgress.ModelValue("RICE", new BigDecimal("200"), new BigDecimal("300"), 2),
                new ThemeProgress.ModelValue("unknown model", new BigDecimal("7"), new BigDecimal("7"), 1));
    }

    @Test
    void workAllOutOfSightSaysSoInsteadOfNoLinkedWork() {
        ThemeProgress p = ThemeProgress.of(theme(null, null),
                List.of(scored("X-1", SECRET, false, "1", "RICE"), scored("X-2", SECRET, true, "1", "RICE")),
                Set.of(WEB), TODAY, NOW);

        assertThat(p.hiddenItems()).isEqualTo(2);
        assertThat(p.reason()).isEqualTo("2 items in projects you cannot see; none in projects you can.")
            .doesNotContainIgnoringCase("no linked work");
    }

    @Test
    void aProjectsViewCountsWorkInOtherProjectsApart() {
        long mob = 3;
        List<ScopeItem> scope = List.of(scored("S-1", WEB, true, "10", "RICE"), scored("M-1", mob, false, "5", "RICE"),
                scored("M-2", mob, true, "5", "RICE"), scored("X-1", SECRET, false, "1", "RICE"));

        ThemeProgress p = ThemeProgress.of(theme(null, null), scope, Set.of(WEB, mob), Optional.of(WEB), TODAY, NOW);

        assertThat(p.itemsTotal()).isEqualTo(1);
        assertThat(p.otherProjectItems()).isEqualTo(2);
        assertThat(p.hiddenItems()).isEqualTo(1);
        assertThat(p.valueByModel()).extracting(ThemeProgress.ModelValue::total).containsExactly(new BigDecimal("10"));
    }

    @Test
    void anEpicWithoutChildrenIsOneItem() {
        ThemeProgress p = ThemeProgress.of(theme(null, null), List.of(epic("E-1", false)), Set.of(WEB), TODAY, NOW);

        assertThat(p.itemsTotal()).isEqualTo(1);
    }

    @Test
    void workInProjectsTheViewerCannotBrowseIsOnlyCounted() {
        ScopeItem hidden = new ScopeItem("X-1", SECRET, ScopeItem.Kind.STANDARD, true, Optional.of(5.0),
                Optional.of(BigDecimal.TEN), Optional.empty(), RECENT, false);

        ThemeProgress p = ThemeProgress.of(theme(null, null), List.of(story("S-1", false, 1.0, null, null), hidden),
                Set.of(WEB), TODAY, NOW);

        assertThat(p.hiddenItems()).isEqualTo(1);
        assertThat(p.itemsTotal()).isEqualTo(1);
        assertThat(p.valueTotal()).isEqualByComparingTo("0");
    }

    @Test
    void noLinkedWorkIsItsOwnStatus() {
        ThemeProgress p = ThemeProgress.of(theme(null, null), List.of(), Set.of(WEB), TODAY, NOW);

        assertThat(p.status()).isEqualTo(ThemeProgress.Status.NO_LINKED_WORK);
        assertThat(p.noLinkedWork()).isTrue();
        assertThat(p.stale()).isFalse();
    }

    @Test
    void nothingUpdatedForThirtyDaysIsStale() {
        ScopeItem old = new ScopeItem("S-9", WEB, ScopeItem.Kind.STANDARD, false, Optional.empty(), Optional.empty(),
                Optional.empty(), NOW.minusSeconds(31L * 24 * 3600), false);

        assertThat(ThemeProgress.of(theme(null, null), List.of(old), Set.of(WEB), TODAY, NOW).stale()).isTrue();
    }

    @Test
    void openWorkAfterTheEndQuarterIsOffTrack() {
        ThemeProgress p = ThemeProgress.of(theme("2026-Q2", "2026-Q3"), List.of(story("S-1", false, null, null, null)),
                Set.of(WEB), TODAY, NOW);

        assertThat(p.status()).isEqualTo(ThemeProgress.Status.OFF_TRACK);
        assertThat(p.reason()).contains("2026-Q3");
    }

    @Test
    void anOverdueItemPutsTheThemeAtRiskAndManyPutItOffTrack() {
        List<ScopeItem> oneOfSix = List.of(story("S-1", false, null, null, TODAY.minusDays(1)),
                story("S-2", false, null, null, null), story("S-3", false, null, null, null),
                story("S-4", false, null, null, null), story("S-5", false, null, null, null),
                story("S-6", false, null, null, null));
        List<ScopeItem> oneOfTwo = List.of(story("S-1", false, null, null, TODAY.minusDays(1)),
                story("S-2", false, null, null, null));

        assertThat(ThemeProgress.of(theme(null, null), oneOfSix, Set.of(WEB), TODAY, NOW).status())
            .isEqualTo(ThemeProgress.Status.AT_RISK);
        assertThat(ThemeProgress.of(theme(null, null), oneOfTwo, Set.of(WEB), TODAY, NOW).status())
            .isEqualTo(ThemeProgress.Status.OFF_TRACK);
    }

    @Test
    void workDueAfterTheEndQuarterIsAtRisk() {
        ThemeProgress p = ThemeProgress.of(theme("2026-Q4", "2026-Q4"),
                List.of(story("S-1", false, null, null, LocalDate.of(2027, 1, 15))), Set.of(WEB), TODAY, NOW);

        assertThat(p.status()).isEqualTo(ThemeProgress.Status.AT_RISK);
    }

    @Test
    void fallingWellBehindTheCalendarIsAtRisk() {
        // 2026-Q1..2026-Q4: on 23 Nov, ~89% of the time is gone; 1 of 4 done is more than
        // 25 points behind
        List<ScopeItem> scope = List.of(story("S-1", true, null, null, null), story("S-2", false, null, null, null),
                story("S-3", false, null, null, null), story("S-4", false, null, null, null));

        assertThat(ThemeProgress.of(theme("2026-Q1", "2026-Q4"), scope, Set.of(WEB), TODAY, NOW).status())
            .isEqualTo(ThemeProgress.Status.AT_RISK);
        assertThat(ThemeProgress.of(theme("2026-Q4", "2027-Q4"), scope, Set.of(WEB), TODAY, NOW).status())
            .isEqualTo(ThemeProgress.Status.ON_TRACK);
    }

}
