package dev.throughline.theme;

import dev.throughline.problems.NotFoundException;
import java.util.ArrayList;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.StaleVersionException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThemeCatalogTest {

    static Theme theme(String id, String name, Horizon horizon, int sortOrder) {
        return new Theme(id, name, "", ThemeColor.BLUE, ThemeStatus.ACTIVE, horizon, Optional.empty(), Optional.empty(),
                "", Optional.empty(), sortOrder, 1);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        ThemeCatalog catalog = new ThemeCatalog(List.of(theme("a1", "Mobile first", Horizon.NOW, 0)));

        assertThatThrownBy(() -> catalog.create(ThemeDraft.parse(Map.of("name", "MOBILE FIRST "), false), () -> "b2"))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("name");
    }

    @Test
    void renamingAThemeToItsOwnNameIsFine() {
        ThemeCatalog catalog = new ThemeCatalog(List.of(theme("a1", "Mobile first", Horizon.NOW, 0)));

        Theme updated = catalog.update("a1", ThemeDraft.parse(Map.of("name", "mobile FIRST", "version", 1), true));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.name()).isEqualTo("mobile FIRST");
    }

    @Test
    void staleVersionIsRefusedWithTheCurrentTheme() {
        ThemeCatalog catalog = new ThemeCatalog(List.of(theme("a1", "Mobile first", Horizon.NOW, 0)));

        assertThatThrownBy(() -> catalog.update("a1", ThemeDraft.parse(Map.of("name", "x", "version", 7), true)))
            .isInstanceOf(StaleVersionException.class)
            .satisfies(e -> assertThat(((StaleVersionException) e).current(Theme.class).orElseThrow().id())
                .isEqualTo("a1"));
    }

    @Test
    void newThemeGoesToTheEndOfItsHorizon() {
        ThemeCatalog catalog = new ThemeCatalog(List.of(theme("a1", "One", Horizon.NOW, 0),
                theme("a2", "Two", Horizon.NOW, 4), theme("a3", "Three", Horizon.LATER, 9)));

        Theme created = catalog.create(ThemeDraft.parse(Map.of("name", "Four", "horizon", "now"), false), () -> "a4");

        assertThat(created.sortOrder()).isEqualTo(5);
        assertThat(created.version()).isEqualTo(1);
    }

    @Test
    void boardOrderIsHorizonThenSortOrder() {
        ThemeCatalog catalog = new ThemeCatalog(
                List.of(theme("c", "Later", Horizon.LATER, 0), theme("b", "Now two", Horizon.NOW, 2),
                        theme("a", "Now one", Horizon.NOW, 1), theme("d", "Next", Horizon.NEXT, 0)));

        assertThat(catalog.themes()).extracting(Theme::id).containsExactly("a", "b", "d", "c");
    }

    @Test
    void unknownThemeIsNotFound() {
        assertThatThrownBy(() -> new ThemeCatalog(List.of()).require("zz")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void placingAThemeRenumbersItsNewColumnAndKeepsTheOthersInOrder() {
        ThemeCatalog catalog = new ThemeCatalog(List.of(theme("a", "A", Horizon.NOW, 0),
                theme("b", "B", Horizon.NOW, 1), theme("c", "C", Horizon.NOW, 2), theme("x", "X", Horizon.LATER, 0)));

        List<Theme> changed = catalog.place("x", Horizon.NOW, 1, 1);

        assertThat(changed.get(0).id()).isEqualTo("x");
        assertThat(changed.get(0).horizon()).isEqualTo(Horizon.NOW);
        List<Theme> after = new ArrayList<>(catalog.themes());
        for (Theme theme : changed) {
            after.replaceAll(t -> t.id().equals(theme.id()) ? theme : t);
        }
        assertThat(new ThemeCatalog(after).themes()).extracting(Theme::id).containsExactly("a", "x", "b", "c");
        assertThat(changed).allSatisfy(t -> assertThat(t.version()).isEqualTo(2));
    }

    @Test
    void placingWithAStaleVersionIsRefused() {
        ThemeCatalog catalog = new ThemeCatalog(List.of(theme("a", "A", Horizon.NOW, 0)));

        assertThatThrownBy(() -> catalog.place("a", Horizon.NEXT, 0, 5)).isInstanceOf(StaleVersionException.class);
    }

}
