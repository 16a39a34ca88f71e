package dev.throughline.jira;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Finds the story points field: a board's own estimation field wins (it is what the board
 * sums); else the field of Jira Software's story points type; else a field with one of
 * its well-known names. Answers are cached for an hour per board (the client is per
 * site): they change only when admins reconfigure.
 */
public final class StoryPointsDiscovery {

    static final String STORY_POINTS_TYPE = "com.pyxis.greenhopper.jira:jsw-story-points";

    /**
     * Team-managed projects call it "Story point estimate", company-managed ones "Story
     * Points".
     */
    static final Set<String> STORY_POINTS_NAMES = Set.of("story point estimate", "story points");

    private final LongFunction<BoardConfiguration> boardConfiguration;

    private final Supplier<List<JiraField>> fields;

    private final Cache<Long, Optional<String>> byBoard = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofHours(1))
        .maximumSize(1_000)
        .build();

    /**
     * Separate from byBoard: a board's computation falls back to this one, and caches
     * must not nest.
     */
    private final Cache<Boolean, Optional<String>> siteWide = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofHours(1))
        .build();

    StoryPointsDiscovery(LongFunction<BoardConfiguration> boardConfiguration, Supplier<List<JiraField>> fields) {
        this.boardConfiguration = boardConfiguration;
        this.fields = fields;
    }

    Optional<String> forBoard(long boardId) {
        Checks.positive("board id", boardId);
        return byBoard.get(boardId, id -> boardConfiguration.apply(id).estimationFieldId().or(this::siteWide));
    }

    Optional<String> siteWide() {
        return siteWide.get(Boolean.TRUE, ignored -> fromFields(fields.get()));
    }

    /**
     * Discovery among a site's fields, without a board and without any override: what
     * Jira's fields suggest.
     */
    public static Optional<String> fromFields(List<JiraField> fields) {
        return fields.stream()
            .filter(f -> f.schemaCustom().filter(STORY_POINTS_TYPE::equals).isPresent())
            .map(JiraField::id)
            .findFirst()
            .or(() -> fields.stream()
                .filter(f -> STORY_POINTS_NAMES.contains(f.name().strip().toLowerCase(Locale.ROOT)))
                .map(JiraField::id)
                .findFirst());
    }

}
