package dev.throughline.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.settings.web.SettingsRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlannersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as the API receives it, read by the web layer's request reader. */
    private static SiteSettings parse(Map<String, ?> body) {
        return SettingsRequest.from(JSON.valueToTree(body));
    }

    private static final String ACCOUNT = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";

    private static Map<String, Object> settingsWith(Object planners) {
        Map<String, Object> body = new HashMap<>(Map.of("staleDays", 90, "version", 0));
        body.put("planners", planners);
        return body;
    }

    private static List<FieldError> errorsOf(Object planners) {
        InvalidInputException e = catchThrowableOfType(() -> parse(settingsWith(planners)),
                InvalidInputException.class);
        assertThat(e).as("expected 400 for %s", planners).isNotNull();
        return e.errors();
    }

    @Test
    void plannersAreParsedStrippedAndKeptOnceGroupsIgnoringCase() {
        SiteSettings parsed = parse(
                settingsWith(Map.of("accountIds", List.of(" " + ACCOUNT, "5b10ac8d82e05b22cc7d4ef5", ACCOUNT), "groups",
                        List.of("Roadmap-Planners", "roadmap-planners ", "jira-administrators"))));

        assertThat(parsed.planners().accountIds()).containsExactly(ACCOUNT, "5b10ac8d82e05b22cc7d4ef5");
        assertThat(parsed.planners().groups()).containsExactly("Roadmap-Planners", "jira-administrators");
    }

    @Test
    void absentOrNullPlannersMeanNobodyAndEitherListMayBeLeftOut() {
        assertThat(parse(settingsWith(null)).planners()).isEqualTo(Planners.NONE);
        assertThat(parse(settingsWith(Map.of("groups", List.of("pm")))).planners().accountIds()).isEmpty();
    }

    @Test
    void eachBadEntryIsNamedByItsPlaceAndTheRule() {
        List<FieldError> errors = errorsOf(Map.of("accountIds", List.of(ACCOUNT, "not an id", ""), "groups",
                List.of("ok", "x".repeat(256), "two\nlines"), "users", List.of()));

        assertThat(errors).extracting(FieldError::field)
            .containsExactly("planners.users", "planners.accountIds[1]", "planners.accountIds[2]", "planners.groups[1]",
                    "planners.groups[2]");
        assertThat(errors.get(1).message()).contains("Atlassian accountId such as 5b10ac8d82e05b22cc7d4ef5");
        assertThat(errors.get(3).message()).contains("1 to 255 characters");
    }

    @Test
    void sizesAreBoundedAndShapesChecked() {
        List<String> tooMany = IntStream.rangeClosed(0, Planners.MAX_ACCOUNT_IDS).mapToObj(i -> "acc" + i).toList();
        List<String> tooManyGroups = IntStream.rangeClosed(0, Planners.MAX_GROUPS).mapToObj(i -> "g" + i).toList();

        assertThat(errorsOf(Map.of("accountIds", tooMany, "groups", tooManyGroups))).extracting(FieldError::message)
            .containsExactly("at most 100 accountIds", "at most 20 group names");
        assertThat(errorsOf(List.of(ACCOUNT))).extracting(FieldError::field).containsExactly("planners");
        assertThat(errorsOf(Map.of("accountIds", ACCOUNT, "groups", List.of(7)))).extracting(FieldError::field)
            .containsExactly("planners.accountIds", "planners.groups");
    }

    @Test
    void accountsMatchExactlyAndGroupsIgnoringCase() {
        Planners planners = new Planners(List.of(ACCOUNT), List.of("Roadmap-Planners"));

        assertThat(planners.names(ACCOUNT)).isTrue();
        assertThat(planners.names(ACCOUNT.toUpperCase())).isFalse();
        assertThat(planners.namesGroup("roadmap-planners")).isTrue();
        assertThat(planners.namesGroup("planners")).isFalse();
        assertThat(Planners.NONE.hasGroups()).isFalse();
    }

    @Test
    void settingsStoredBeforePlannersExistedOrWithBrokenOnesNameNobody() {
        Map<String, Object> old = Map.of("version", 3, "staleDays", 30);
        Map<String, Object> broken = Map.of("version", 3, "staleDays", 30, "planners",
                Map.of("accountIds", List.of("a b")));
        List<Object> withNull = new ArrayList<>(Collections.singletonList(null));

        assertThat(SiteSettingsCodec.fromMap(old))
            .isEqualTo(new SiteSettings(Optional.empty(), 30, Optional.empty(), Planners.NONE, 3));
        assertThat(SiteSettingsCodec.fromMap(broken).planners()).isEqualTo(Planners.NONE);
        assertThat(SiteSettingsCodec.fromMap(Map.of("planners", Map.of("groups", withNull))).planners())
            .isEqualTo(Planners.NONE);
    }

    @Test
    void plannersRoundTripThroughTheStoredProperty() {
        SiteSettings settings = new SiteSettings(Optional.empty(), 90, Optional.empty(),
                new Planners(List.of(ACCOUNT), List.of("roadmap-planners")), 4);

        assertThat(SiteSettingsCodec.fromMap(SiteSettingsCodec.toMap(settings))).isEqualTo(settings);
        assertThat(settings.savedOver(settings).planners()).isEqualTo(settings.planners());
    }

}
