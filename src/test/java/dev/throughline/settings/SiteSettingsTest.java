package dev.throughline.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.settings.web.SettingsRequest;
import dev.throughline.problems.StaleVersionException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SiteSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as the API receives it, read by the web layer's request reader. */
    private static SiteSettings parse(Map<String, ?> body) {
        return SettingsRequest.from(JSON.valueToTree(body));
    }

    private static Map<String, Object> body(Object field, Object staleDays, Object ttl, Object version) {
        Map<String, Object> body = new HashMap<>();
        body.put("storyPointsFieldId", field);
        body.put("staleDays", staleDays);
        body.put("rollupCacheTtlMinutes", ttl);
        body.put("version", version);
        return body;
    }

    private static List<String> fieldsOf(Map<String, ?> body) {
        InvalidInputException e = catchThrowableOfType(() -> parse(body), InvalidInputException.class);
        assertThat(e).as("expected 400 for %s", body).isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void defaultsDetectTheFieldFlagAfter90DaysAndKeepTheAppsCacheTime() {
        assertThat(SiteSettings.DEFAULT.storyPointsFieldId()).isEmpty();
        assertThat(SiteSettings.DEFAULT.staleDays()).isEqualTo(90);
        assertThat(SiteSettings.DEFAULT.rollupCacheTtl()).isEmpty();
        assertThat(SiteSettings.DEFAULT.version()).isZero();
    }

    @Test
    void parseTakesEveryValueAtItsLimits() {
        SiteSettings low = parse(body("customfield_10016", 1, 1, 0));
        SiteSettings high = parse(body(null, 3650, 1440, 7));

        assertThat(low.storyPointsFieldId()).contains("customfield_10016");
        assertThat(low.staleDays()).isEqualTo(1);
        assertThat(low.rollupCacheTtl()).contains(Duration.ofMinutes(1));
        assertThat(high.storyPointsFieldId()).isEmpty();
        assertThat(high.rollupCacheTtl()).contains(Duration.ofDays(1));
        assertThat(high.version()).isEqualTo(7);
    }

    @Test
    void blankFieldAndMissingCacheTimeMeanDetectAndTheAppsDefault() {
        Map<String, Object> body = new HashMap<>(Map.of("storyPointsFieldId", "  ", "staleDays", 30, "version", 2));

        SiteSettings parsed = parse(body);

        assertThat(parsed.storyPointsFieldId()).isEmpty();
        assertThat(parsed.rollupCacheTtlMinutes()).isEmpty();
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        Map<String, Object> body = body(12, 0, 1441, -1);
        body.put("colour", "red");

        assertThat(fieldsOf(body)).containsExactlyInAnyOrder("colour", "storyPointsFieldId", "staleDays",
                "rollupCacheTtlMinutes", "version");
    }

    @Test
    void staleDaysAboveTenYearsIsRefused() {
        assertThat(fieldsOf(body(null, 3651, null, 0))).containsExactly("staleDays");
    }

    @Test
    void fractionsTextAndBooleansAreNotWholeNumbers() {
        assertThat(fieldsOf(body(null, 12.5, null, 0))).containsExactly("staleDays");
        assertThat(fieldsOf(body(null, "12", null, 0))).containsExactly("staleDays");
        assertThat(fieldsOf(body(null, 30, true, 0))).containsExactly("rollupCacheTtlMinutes");
        assertThat(fieldsOf(body(null, 30, null, "1"))).containsExactly("version");
    }

    @Test
    void wholeDecimalsAreAccepted() {
        assertThat(parse(body(null, new BigDecimal("30.0"), null, 0)).staleDays()).isEqualTo(30);
    }

    @Test
    void missingStaleDaysAndVersionAreNamed() {
        assertThat(fieldsOf(new HashMap<>())).containsExactlyInAnyOrder("staleDays", "version");
    }

    @Test
    void fieldIdMustLookLikeAJiraFieldId() {
        assertThat(fieldsOf(body("custom field; drop", 30, null, 0))).containsExactly("storyPointsFieldId");
        assertThatThrownBy(() -> new SiteSettings(Optional.of("1abc"), 30, Optional.empty(), Planners.NONE, 0))
            .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void savedOverTheVersionItWasMadeFromGetsTheNextVersion() {
        SiteSettings current = new SiteSettings(Optional.empty(), 90, Optional.empty(), Planners.NONE, 3);
        SiteSettings submitted = new SiteSettings(Optional.empty(), 14, Optional.of(5), Planners.NONE, 3);

        SiteSettings saved = submitted.savedOver(current);

        assertThat(saved.version()).isEqualTo(4);
        assertThat(saved.staleDays()).isEqualTo(14);
    }

    @Test
    void savedOverANewerVersionIsStaleAndCarriesTheCurrentSettings() {
        SiteSettings current = new SiteSettings(Optional.empty(), 60, Optional.empty(), Planners.NONE, 4);
        SiteSettings submitted = new SiteSettings(Optional.empty(), 14, Optional.empty(), Planners.NONE, 3);

        StaleVersionException e = catchThrowableOfType(() -> submitted.savedOver(current), StaleVersionException.class);

        assertThat(e.current(SiteSettings.class)).contains(current);
        assertThat(e.getMessage()).contains("version 3").contains("version 4");
    }

    @Test
    void storyPointsFieldMustBeANumberFieldOfTheSite() {
        List<NumberField> numbers = List.of(new NumberField("customfield_10028", "Story point estimate", true));
        SiteSettings chosen = new SiteSettings(Optional.of("customfield_10028"), 90, Optional.empty(), Planners.NONE,
                0);
        SiteSettings other = new SiteSettings(Optional.of("summary"), 90, Optional.empty(), Planners.NONE, 0);

        chosen.requireStoryPointsFieldAmong(numbers);
        SiteSettings.DEFAULT.requireStoryPointsFieldAmong(List.of());
        InvalidInputException e = catchThrowableOfType(() -> other.requireStoryPointsFieldAmong(numbers),
                InvalidInputException.class);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("storyPointsFieldId");
        assertThat(e.errors().get(0).message()).contains("\"summary\" is not a number field");
    }

    @Test
    void codecRoundTripsAndABrokenPropertyFallsBackToDefaultsKeepingItsVersion() {
        SiteSettings settings = new SiteSettings(Optional.of("customfield_10016"), 21, Optional.of(3), Planners.NONE,
                5);

        assertThat(SiteSettingsCodec.fromMap(SiteSettingsCodec.toMap(settings))).isEqualTo(settings);
        assertThat(SiteSettingsCodec.fromMap(Map.of("version", 5, "staleDays", -4)))
            .isEqualTo(new SiteSettings(Optional.empty(), 90, Optional.empty(), Planners.NONE, 5));
        assertThat(SiteSettingsCodec.fromMap(Map.of())).isEqualTo(SiteSettings.DEFAULT);
    }

}
