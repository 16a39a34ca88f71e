package dev.throughline.settings;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.StaleVersionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a Jira administrator set for Throughline on their site.
 *
 * @param storyPointsFieldId the field to read story points from instead of the detected
 * one (empty: detect)
 * @param staleDays a backlog item not updated for this many days is flagged stale
 * (1–3650)
 * @param rollupCacheTtlMinutes how long a program rollup is reused (1–1440); empty: the
 * app's configured default
 * @param planners who besides Jira administrators may change themes and programs
 * @param version 0 until first saved; each save adds one, and a save must carry the
 * version it read
 */
public record SiteSettings(Optional<String> storyPointsFieldId, int staleDays, Optional<Integer> rollupCacheTtlMinutes,
        Planners planners, long version) {

    public static final int DEFAULT_STALE_DAYS = 90;

    public static final int MAX_STALE_DAYS = 3650;

    /**
     * A day: longer and a program's numbers would lag behind Jira for too long to be
     * trusted.
     */
    public static final int MAX_CACHE_TTL_MINUTES = 1440;

    public static final SiteSettings DEFAULT = new SiteSettings(Optional.empty(), DEFAULT_STALE_DAYS, Optional.empty(),
            Planners.NONE, 0);

    /** Jira's field ids: customfield_10016, timeoriginalestimate, … */
    private static final Pattern FIELD_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    public SiteSettings {
        Objects.requireNonNull(storyPointsFieldId, "storyPointsFieldId");
        Objects.requireNonNull(rollupCacheTtlMinutes, "rollupCacheTtlMinutes");
        Objects.requireNonNull(planners, "planners");
        List<FieldError> errors = new ArrayList<>();
        storyPointsFieldId.filter(id -> !FIELD_ID.matcher(id).matches())
            .ifPresent(id -> errors
                .add(new FieldError("storyPointsFieldId", "must be a Jira field id such as customfield_10016")));
        if (staleDays < 1 || staleDays > MAX_STALE_DAYS) {
            errors.add(new FieldError("staleDays", "Stale days must be a whole number from 1 to " + MAX_STALE_DAYS));
        }
        rollupCacheTtlMinutes.filter(minutes -> minutes < 1 || minutes > MAX_CACHE_TTL_MINUTES)
            .ifPresent(m -> errors.add(new FieldError("rollupCacheTtlMinutes",
                    "Rollup cache time must be a whole number of minutes from 1 to " + MAX_CACHE_TTL_MINUTES)));
        if (version < 0) {
            errors.add(new FieldError("version", "must be 0 or more"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Whether {@code id} looks like one of Jira's field ids. */
    public static boolean isFieldId(String id) {
        return FIELD_ID.matcher(id).matches();
    }

    /**
     * These settings saved over {@code current}: allowed only when they were made from
     * the current version (else someone else saved in between and nothing may be
     * overwritten).
     */
    /**
     * The 409 of a save made from version {@code expected} while {@code current} is
     * stored.
     */
    public static StaleVersionException stale(SiteSettings current, long expected) {
        return new StaleVersionException("Someone else changed Throughline's settings (you had version " + expected
                + ", they are now version " + current.version() + "); reload and try again.", current);
    }

    public SiteSettings savedOver(SiteSettings current) {
        if (version != current.version()) {
            throw stale(current, version);
        }
        return new SiteSettings(storyPointsFieldId, staleDays, rollupCacheTtlMinutes, planners, current.version() + 1);
    }

    /**
     * Checks the story points override against the site's number fields: Jira sums and
     * compares story points, so a text or date field would silently count nothing.
     */
    public void requireStoryPointsFieldAmong(List<NumberField> numberFields) {
        storyPointsFieldId.filter(id -> numberFields.stream().noneMatch(f -> f.id().equals(id))).ifPresent(id -> {
            throw new InvalidInputException("storyPointsFieldId",
                    "\"" + id + "\" is not a number field of this Jira site");
        });
    }

    public Optional<Duration> rollupCacheTtl() {
        return rollupCacheTtlMinutes.map(Duration::ofMinutes);
    }
}
