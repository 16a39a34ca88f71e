package dev.throughline.theme.service;

import dev.throughline.theme.Horizon;
import dev.throughline.theme.Quarter;
import dev.throughline.theme.ScopeItem;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeColor;
import dev.throughline.theme.ThemeProgress;
import dev.throughline.theme.ThemeStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A theme's progress kept per scope ({@link KeptProgress}): counted once while the view
 * hands the same scope back, and counted again for anything its answer depends on (the
 * theme record, the viewer's projects, the project viewed, the day, another scope),
 * always equal to {@link ThemeProgress#of}.
 */
class KeptProgressTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static final Instant UPDATED = Instant.parse("2026-10-24T12:00:00Z");

    private final KeptProgress kept = new KeptProgress();

    private static Theme theme(String name, String end) {
        return new Theme("t1", name, "", ThemeColor.BLUE, ThemeStatus.ACTIVE, Horizon.NOW, Optional.empty(),
                Optional.ofNullable(end).map(Quarter::parse), "", Optional.empty(), 0, 1);
    }

    private static Map<String, ScopeItem> scope() {
        Map<String, ScopeItem> scope = new LinkedHashMap<>();
        scope.put("WEB-1", item("WEB-1", 1, true, "3"));
        scope.put("WEB-2", item("WEB-2", 1, false, "5"));
        scope.put("SEC-3", item("SEC-3", 2, false, "8"));
        return scope;
    }

    private static ScopeItem item(String key, long project, boolean done, String score) {
        return new ScopeItem(key, project, ScopeItem.Kind.STANDARD, done, Optional.of(2.0),
                Optional.of(new BigDecimal(score)), Optional.of(LocalDate.of(2026, 12, 1)), UPDATED, false,
                Optional.of("RICE"));
    }

    private ThemeProgress view(Theme theme, Map<String, ScopeItem> scope, Set<Long> visible, Optional<Long> only,
            LocalDate today, Instant now) {
        ThemeProgress progress = kept.of(theme, scope, visible, only, today, now);
        assertThat(progress).isEqualTo(ThemeProgress.of(theme, scope.values(), visible, only, today, now));
        return progress;
    }

    @Test
    void theSameScopeIsCountedOnceAndEverythingElseAgain() {
        Map<String, ScopeItem> scope = scope();
        ThemeProgress first = view(theme("Checkout", null), scope, Set.of(1L, 2L), Optional.empty(), TODAY, NOW);
        assertThat(view(theme("Checkout", null), scope, Set.of(1L, 2L), Optional.empty(), TODAY, NOW))
            .as("the same scope and key: kept")
            .isSameAs(first);

        assertThat(view(theme("Checkout", null), scope, Set.of(1L), Optional.empty(), TODAY, NOW).hiddenItems())
            .as("a viewer who may browse less")
            .isEqualTo(1);
        assertThat(
                view(theme("Checkout", null), scope, Set.of(1L, 2L), Optional.of(1L), TODAY, NOW).otherProjectItems())
            .as("one project's view")
            .isEqualTo(1);
        assertThat(view(theme("Checkout", "2026-Q3"), scope, Set.of(1L, 2L), Optional.empty(), TODAY, NOW).status())
            .as("an end quarter set since")
            .isEqualTo(ThemeProgress.Status.OFF_TRACK);
        assertThat(
                view(theme("Checkout", null), scope, Set.of(1L, 2L), Optional.empty(), LocalDate.of(2026, 12, 2), NOW)
                    .overdue())
            .as("another day")
            .isEqualTo(2);

        Map<String, ScopeItem> changed = scope();
        changed.put("WEB-2", item("WEB-2", 1, true, "5"));
        assertThat(view(theme("Checkout", null), changed, Set.of(1L, 2L), Optional.empty(), TODAY, NOW).itemsDone())
            .as("another scope")
            .isEqualTo(2);
    }

    @Test
    void theStaleFlagFollowsTheInstant() {
        Map<String, ScopeItem> scope = scope();
        assertThat(view(theme("Checkout", null), scope, Set.of(1L, 2L), Optional.empty(), TODAY, NOW).stale())
            .isFalse();
        assertThat(view(theme("Checkout", null), scope, Set.of(1L, 2L), Optional.empty(), TODAY,
                NOW.plus(Duration.ofHours(12)))
            .stale()).as("30 days after the last update, later the same day").isTrue();
    }

}
