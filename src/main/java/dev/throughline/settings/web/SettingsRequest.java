package dev.throughline.settings.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.settings.Planners;
import dev.throughline.settings.SiteSettings;
import dev.throughline.web.RequestJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /api/settings}: the settings an admin submitted ({@code {storyPointsFieldId,
 * staleDays, rollupCacheTtlMinutes, planners, version}}), read into {@link SiteSettings}
 * with every problem named at once. {@code storyPointsFieldId},
 * {@code rollupCacheTtlMinutes} and {@code planners} may be null or absent (detect; the
 * app's default; nobody); {@code staleDays} and {@code version} are required.
 */
public final class SettingsRequest {

    private static final Set<String> FIELDS = Set.of("storyPointsFieldId", "staleDays", "rollupCacheTtlMinutes",
            "planners", "version");

    private static final String STALE_DAYS = "Stale days must be a whole number from 1 to "
            + SiteSettings.MAX_STALE_DAYS;

    private static final String CACHE_TTL = "Rollup cache time must be a whole number of minutes from 1 to "
            + SiteSettings.MAX_CACHE_TTL_MINUTES;

    private SettingsRequest() {
    }

    public static SiteSettings from(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode body = RequestJson.object(json, FIELDS, "is not a setting", errors);
        JsonNode field = body.get("storyPointsFieldId");
        if (!RequestJson.absent(field) && !field.isTextual()) {
            errors.add(new FieldError("storyPointsFieldId", "must be a field id or null"));
        }
        Optional<String> storyPoints = field != null && field.isTextual() && !field.textValue().isBlank()
                ? Optional.of(field.textValue().strip()) : Optional.empty();
        storyPoints.filter(id -> !SiteSettings.isFieldId(id))
            .ifPresent(id -> errors
                .add(new FieldError("storyPointsFieldId", "must be a Jira field id such as customfield_10016")));
        Long staleDays = whole(body.get("staleDays"), "staleDays", STALE_DAYS, errors);
        Long ttl = RequestJson.absent(body.get("rollupCacheTtlMinutes")) ? null
                : whole(body.get("rollupCacheTtlMinutes"), "rollupCacheTtlMinutes", CACHE_TTL, errors);
        Planners planners = Planners.parse(RequestJson.plain(body.get("planners")), errors);
        Long version = whole(body.get("version"), "version", "Send the version you read (0 before the first save)",
                errors);
        List<FieldError> ranges = new ArrayList<>();
        if (staleDays != null && (staleDays < 1 || staleDays > SiteSettings.MAX_STALE_DAYS)) {
            ranges.add(new FieldError("staleDays", STALE_DAYS));
        }
        if (ttl != null && (ttl < 1 || ttl > SiteSettings.MAX_CACHE_TTL_MINUTES)) {
            ranges.add(new FieldError("rollupCacheTtlMinutes", CACHE_TTL));
        }
        if (version != null && version < 0) {
            ranges.add(new FieldError("version", "must be 0 or more"));
        }
        errors.addAll(ranges);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SiteSettings(storyPoints, staleDays.intValue(), Optional.ofNullable(ttl).map(Long::intValue),
                planners, version);
    }

    /**
     * Only whole JSON numbers: 12.5 days, "12" or true are refused rather than rounded or
     * coerced.
     */
    private static Long whole(JsonNode value, String field, String message, List<FieldError> errors) {
        if (RequestJson.isWhole(value)) {
            return value.longValue();
        }
        if (value != null && value.isBigInteger() && value.bigIntegerValue().bitLength() < 63) {
            return value.longValue();
        }
        if (value != null && value.isBigDecimal() && value.decimalValue().stripTrailingZeros().scale() <= 0
                && value.decimalValue().abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return value.decimalValue().longValueExact();
        }
        errors.add(new FieldError(field, message));
        return null;
    }

}
