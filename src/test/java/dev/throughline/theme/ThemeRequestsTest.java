package dev.throughline.theme;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The theme requests the services take, parsed from a body's fields: every broken rule
 * names its field, unknown fields included.
 */
class ThemeRequestsTest {

    private static List<String> fields(Runnable parse) {
        return catchThrowableOfType(parse::run, InvalidInputException.class).errors()
            .stream()
            .map(FieldError::field)
            .toList();
    }

    @Test
    void placementTakesHorizonIndexAndVersion() {
        assertThat(Placement.parse(Map.of("horizon", "next", "index", 2, "version", 3L)))
            .isEqualTo(new Placement(Horizon.NEXT, 2, 3));
        assertThat(fields(() -> Placement.parse(Map.of("horizon", "soon", "index", -1, "version", 0, "x", 1))))
            .containsExactly("x", "horizon", "index", "version");
    }

    @Test
    void linkSelectionIsJqlOrIssueKeysAndRemembersWhichField() {
        LinkSelection byJql = LinkSelection.parse(Map.of("jql", "project = WEB"));
        LinkSelection byKeys = LinkSelection.parse(Map.of("issueKeys", List.of("WEB-2", "WEB-1", "WEB-2")));

        assertThat(byJql.field()).isEqualTo("jql");
        assertThat(byJql.jql().text()).contains("project = WEB");
        assertThat(byKeys.field()).isEqualTo("issueKeys");
        assertThat(byKeys.jql().text()).contains("WEB-1").contains("WEB-2");
        assertThat(fields(() -> LinkSelection.parse(Map.of()))).containsExactly("jql");
        assertThat(fields(() -> LinkSelection.parse(Map.of("issueKeys", List.of("web 1"), "other", 1))))
            .containsExactly("other", "issueKeys[0]");
    }

    @Test
    void anIssuesThemeChangeTakesAddAndRemove() {
        assertThat(IssueThemeChange.parse(Map.of("add", List.of("a1"))))
            .isEqualTo(new IssueThemeChange(List.of("a1"), List.of()));
        assertThat(fields(() -> IssueThemeChange.parse(Map.of("remove", "a1")))).containsExactly("remove");
        assertThat(fields(() -> IssueThemeChange.parse(Map.of("themes", List.of())))).containsExactly("themes");
    }

}
