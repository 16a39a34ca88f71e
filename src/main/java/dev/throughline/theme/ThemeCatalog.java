package dev.throughline.theme;

import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.problems.StaleVersionException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A site's themes and the rules that span them: names unique (ignoring case), at most
 * {@value #MAX_THEMES}, saves version-checked. Pure: returns the theme to store; the
 * caller writes it.
 */
public final class ThemeCatalog {

    public static final int MAX_THEMES = 1_000;

    private final List<Theme> themes;

    public ThemeCatalog(List<Theme> themes) {
        this.themes = List.copyOf(themes);
    }

    /** Board order: horizon, then sortOrder, then name. */
    public List<Theme> themes() {
        List<Theme> sorted = new ArrayList<>(themes);
        sorted.sort(Comparator.comparing(Theme::horizon)
            .thenComparingInt(Theme::sortOrder)
            .thenComparing(t -> t.name().toLowerCase(Locale.ROOT)));
        return sorted;
    }

    public Optional<Theme> find(String id) {
        return themes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Theme require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no theme " + id + "."));
    }

    public Theme create(ThemeDraft draft, Supplier<String> newId) {
        if (themes.size() >= MAX_THEMES) {
            throw new InvalidInputException("name",
                    "A site can have at most " + MAX_THEMES + " themes; archive or delete some first");
        }
        requireUniqueName(draft.name(), null);
        int sortOrder = draft.sortOrder().orElseGet(() -> nextSortOrder(draft.horizon()));
        return new Theme(newId.get(), draft.name(), draft.description(), draft.color(), draft.status(), draft.horizon(),
                draft.startQuarter(), draft.endQuarter(), draft.outcome(), draft.owner(), sortOrder, 1);
    }

    /** The updated theme; a stale version is refused with the current theme. */
    public Theme update(String id, ThemeDraft draft) {
        Theme current = require(id);
        long expected = draft.version().orElseThrow();
        if (current.version() != expected) {
            throw stale(current, expected);
        }
        requireUniqueName(draft.name(), id);
        return new Theme(id, draft.name(), draft.description(), draft.color(), draft.status(), draft.horizon(),
                draft.startQuarter(), draft.endQuarter(), draft.outcome(), draft.owner(),
                draft.sortOrder().orElse(current.sortOrder()), current.version() + 1);
    }

    /**
     * Drag and drop on the board: the theme goes to position {@code index} of the
     * {@code horizon} column, and the column is renumbered 0, 10, 20, ... Returns every
     * theme whose place changed (moved one first).
     */
    public List<Theme> place(String id, Horizon horizon, int index, long expectedVersion) {
        Theme moving = require(id);
        if (moving.version() != expectedVersion) {
            throw stale(moving, expectedVersion);
        }
        List<Theme> column = new ArrayList<>(
                themes().stream().filter(t -> t.horizon() == horizon && !t.id().equals(id)).toList());
        column.add(Math.max(0, Math.min(index, column.size())), moving);
        List<Theme> changed = new ArrayList<>();
        for (int position = 0; position < column.size(); position++) {
            Theme theme = column.get(position);
            int sortOrder = position * 10;
            if (theme == moving) {
                changed.add(0, theme.withPlacement(horizon, sortOrder));
            }
            else if (theme.sortOrder() != sortOrder) {
                changed.add(theme.withPlacement(horizon, sortOrder));
            }
        }
        return changed;
    }

    private void requireUniqueName(String name, String exceptId) {
        themes.stream()
            .filter(t -> !t.id().equals(exceptId) && t.name().equalsIgnoreCase(name.strip()))
            .findFirst()
            .ifPresent(t -> {
                throw new InvalidInputException("name", "Another theme is already called \"" + t.name() + "\"");
            });
    }

    private int nextSortOrder(Horizon horizon) {
        return themes.stream().filter(t -> t.horizon() == horizon).mapToInt(Theme::sortOrder).max().orElse(-1) + 1;
    }

    private static StaleVersionException stale(Theme current, long expected) {
        return StaleVersionException.of("The theme \"" + current.name() + "\"", expected, current.version(), current);
    }

}
