package dev.throughline.theme;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThemeDraftTest {

    private static Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Self-serve onboarding");
        body.put("description", "Let teams start without a call");
        body.put("color", "teal");
        body.put("status", "active");
        body.put("horizon", "now");
        body.put("startQuarter", "2027-Q1");
        body.put("endQuarter", "2027-Q2");
        body.put("outcome", "Time to first value under 1 day");
        body.put("owner", "557058:abc-123");
        return body;
    }

    private static List<String> fieldsRejected(Map<String, Object> body, boolean update) {
        try {
            ThemeDraft.parse(body, update);
        }
        catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("expected rejection of " + body);
    }

    @Test
    void validThemeIsParsedWithItsChoices() {
        ThemeDraft draft = ThemeDraft.parse(valid(), false);

        assertThat(draft.color()).isEqualTo(ThemeColor.TEAL);
        assertThat(draft.horizon()).isEqualTo(Horizon.NOW);
        assertThat(draft.status()).isEqualTo(ThemeStatus.ACTIVE);
        assertThat(draft.startQuarter()).contains(new Quarter(2027, 1));
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() {
        ThemeDraft draft = ThemeDraft.parse(Map.of("name", "Later idea"), false);

        assertThat(draft.horizon()).isEqualTo(Horizon.LATER);
        assertThat(draft.status()).isEqualTo(ThemeStatus.PROPOSED);
        assertThat(draft.color()).isEqualTo(ThemeColor.BLUE);
        assertThat(draft.startQuarter()).isEmpty();
    }

    @Test
    void nameMustBeOneToEightyCharacters() {
        Map<String, Object> blank = valid();
        blank.put("name", "   ");
        Map<String, Object> longName = valid();
        longName.put("name", "x".repeat(81));
        Map<String, Object> missing = valid();
        missing.remove("name");

        assertThat(fieldsRejected(blank, false)).containsExactly("name");
        assertThat(fieldsRejected(longName, false)).containsExactly("name");
        assertThat(fieldsRejected(missing, false)).containsExactly("name");
        Map<String, Object> eighty = valid();
        eighty.put("name", "x".repeat(80));
        assertThat(ThemeDraft.parse(eighty, false).name()).hasSize(80);
    }

    @Test
    void descriptionAndOutcomeHaveTheirLimits() {
        Map<String, Object> body = valid();
        body.put("description", "d".repeat(2001));
        body.put("outcome", "o".repeat(501));

        assertThat(fieldsRejected(body, false)).containsExactlyInAnyOrder("description", "outcome");
    }

    @Test
    void colorStatusAndHorizonMustComeFromTheirLists() {
        Map<String, Object> body = valid();
        body.put("color", "#ff0000");
        body.put("status", "someday");
        body.put("horizon", "soon");

        assertThat(fieldsRejected(body, false)).containsExactlyInAnyOrder("color", "status", "horizon");
    }

    @Test
    void quartersMustBeWellFormedAndEndMustNotPrecedeStart() {
        Map<String, Object> malformed = valid();
        malformed.put("startQuarter", "2027Q1");
        Map<String, Object> backwards = valid();
        backwards.put("startQuarter", "2027-Q3");
        backwards.put("endQuarter", "2027-Q2");
        Map<String, Object> sameQuarter = valid();
        sameQuarter.put("endQuarter", "2027-Q1");

        assertThat(fieldsRejected(malformed, false)).containsExactly("startQuarter");
        assertThat(fieldsRejected(backwards, false)).containsExactly("endQuarter");
        assertThat(ThemeDraft.parse(sameQuarter, false).endQuarter()).contains(new Quarter(2027, 1));
    }

    @Test
    void updatesNeedTheVersionTheyReadAndCreatesMustNotSendOne() {
        assertThat(fieldsRejected(valid(), true)).containsExactly("version");
        Map<String, Object> withVersion = valid();
        withVersion.put("version", 3);
        assertThat(fieldsRejected(withVersion, false)).containsExactly("version");
        assertThat(ThemeDraft.parse(withVersion, true).version()).contains(3L);
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        Map<String, Object> body = valid();
        body.put("priority", "high");
        body.put("outcome", 42);
        body.put("sortOrder", -1);
        body.put("owner", "not an account id!");

        assertThat(fieldsRejected(body, false)).containsExactlyInAnyOrder("priority", "outcome", "sortOrder", "owner");
    }

    @Test
    void quarterArithmetic() {
        assertThat(Quarter.parse("2027-Q4").next()).isEqualTo(new Quarter(2028, 1));
        assertThat(Quarter.parse("2027-Q2").lastDay()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(Quarter.of(LocalDate.of(2026, 11, 23))).isEqualTo(new Quarter(2026, 4));
        assertThatThrownBy(() -> Quarter.parse("2027-Q5")).isInstanceOf(IllegalArgumentException.class);
    }

}
