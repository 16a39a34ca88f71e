package dev.throughline.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SiteFields;
import dev.throughline.sandboxsite.SandboxSiteRuntime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsBrowserTest extends SandboxBrowserTest {

    @Test
    void anAdministratorFixesAFieldErrorAndSavesFromTheKeyboard() {
        Browser b = browser();
        b.open(frame("settings"));
        b.intoApp();
        b.visible("#settings-form");
        b.visible("#project-models-rows tr");

        WebElement staleDays = b.visible("#stale-days");
        typeAndSave(b, staleDays, "0");
        b.waitForText("#stale-days-error", Pattern.compile("\\S"));
        assertThat(staleDays.getAttribute("aria-invalid")).isEqualTo("true");

        typeAndSave(b, staleDays, "45");
        b.waitForText("#settings-message", Pattern.compile("Settings saved"));
        assertThat(savedSettings().path("staleDays").asInt()).isEqualTo(45);
        b.screenshot("settings");
        // The rejected save above is a 400 answer, which Chromium reports as a failed
        // request.
        assertNoConsoleErrors(Pattern.compile("/api/settings .*status of 400"));
    }

    @Test
    void anAdministratorSeesWhenTheReadModelLastCheckedItselfAgainstJira() {
        Browser b = browser();
        b.open(frame("settings"));
        b.intoApp();
        b.visible("#settings-form");
        b.waitForText("#reconciliation-status",
                Pattern.compile("Read model reconciliation with Jira: .+; next run .+"));
    }

    @Test
    void anAdministratorNamesAPlannerAndIsToldWhichEntryIsWrong() {
        Browser b = browser();
        b.open(frame("settings"));
        b.intoApp();
        b.visible("#settings-form");
        WebElement accounts = b.visible("#planner-accounts");
        b.until(d -> b.visible("#planner-groups").getAttribute("value").contains(SandboxSiteRuntime.PLANNER_GROUP));

        typeAndSave(b, accounts, "not-an-id!");
        b.waitForText("#planner-accounts-error", Pattern.compile("“not-an-id!” must be an Atlassian accountId"));
        assertThat(accounts.getAttribute("aria-invalid")).isEqualTo("true");

        typeAndSave(b, accounts, "5b10ac8d82e05b22cc7d4ef5");
        b.waitForText("#settings-message", Pattern.compile("Settings saved"));
        JsonNode planners = savedSettings().path("planners");
        assertThat(planners.path("accountIds").get(0).asText()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(planners.path("groups").get(0).asText()).isEqualTo(SandboxSiteRuntime.PLANNER_GROUP);
        assertNoConsoleErrors(Pattern.compile("/api/settings .*status of 400"));
    }

    @Test
    void switchingToAnEmptyStoryPointsFieldWarnsHowManyItemsLoseTheirEstimateAndNeedsAConfirmation() {
        Browser b = browser();
        b.open(frame("settings"));
        b.intoApp();
        b.visible("#settings-form");
        try {
            new Select(b.visible("#story-points-field")).selectByValue(SiteFields.OLD_STORY_POINTS);
            b.waitForText("#story-points-warning-text",
                    Pattern.compile("No issue has an estimate in .*about \\d+ items would become “missing estimate”"));

            b.tabTo("settings-save", 20);
            b.press(Keys.ENTER);
            b.waitForText("#story-points-field-error", Pattern.compile("Tick “Switch anyway”"));
            assertThat(savedSettings().path("storyPointsFieldId").asText()).isNotEqualTo(SiteFields.OLD_STORY_POINTS);
            assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("story-points-confirm");

            b.press(Keys.SPACE);
            b.tabTo("settings-save", 20);
            b.press(Keys.ENTER);
            b.waitForText("#settings-message", Pattern.compile("Settings saved"));
            assertThat(savedSettings().path("storyPointsFieldId").asText()).isEqualTo(SiteFields.OLD_STORY_POINTS);
            assertNoConsoleErrors();
        }
        finally {
            // back to the detected field: the other page tests count story points
            JsonNode now = savedSettings();
            api("PUT", "/api/settings",
                    "{\"storyPointsFieldId\":null,\"staleDays\":" + now.path("staleDays").asInt()
                            + ",\"rollupCacheTtlMinutes\":" + now.get("rollupCacheTtlMinutes") + ",\"version\":"
                            + now.path("version").asLong() + ",\"planners\":" + now.path("planners") + "}");
        }
    }

    @Test
    void someoneWhoIsNotAnAdministratorSeesWhyThereIsNoForm() {
        Browser b = browser();
        b.open(frame("settings", "user", SandboxSiteRuntime.VIEWER));
        b.intoApp();
        b.waitForText("#settings-not-admin", Pattern.compile("Only Jira administrators"));
        assertThat(
                b.driver().findElements(By.cssSelector("#settings-form")).stream().noneMatch(WebElement::isDisplayed))
            .isTrue();
        assertNoConsoleErrors();
    }

    /** Replaces a field's value and saves the form from the keyboard. */
    private static void typeAndSave(Browser b, WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
        b.tabTo("settings-save", 20);
        b.press(Keys.ENTER);
    }

    private JsonNode savedSettings() {
        return api("GET", "/api/settings", null).json();
    }

}
