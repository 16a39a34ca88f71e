package dev.throughline.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandboxsite.SandboxSiteRuntime;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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
        staleDays.clear();
        staleDays.sendKeys("0");
        b.tabTo("settings-save", 20);
        b.press(Keys.ENTER);
        b.waitForText("#stale-days-error", Pattern.compile("\\S"));
        assertThat(staleDays.getAttribute("aria-invalid")).isEqualTo("true");

        staleDays.clear();
        staleDays.sendKeys("45");
        b.tabTo("settings-save", 20);
        b.press(Keys.ENTER);
        b.waitForText("#settings-message", Pattern.compile("Settings saved"));
        assertThat(new AppUnderTest(port).get("/api/settings", sandbox.site().contextToken("admin")).json()
                .path("staleDays").asInt()).isEqualTo(45);
        b.screenshot("settings");
        // The rejected save above is a 400 answer, which Chromium reports as a failed request.
        assertNoConsoleErrors(Pattern.compile("/api/settings .*status of 400"));
    }

    @Test
    void anAdministratorNamesAPlannerAndIsToldWhichEntryIsWrong() {
        Browser b = browser();
        b.open(frame("settings"));
        b.intoApp();
        b.visible("#settings-form");
        WebElement accounts = b.visible("#planner-accounts");
        b.until(d -> b.visible("#planner-groups").getAttribute("value").contains(SandboxSiteRuntime.PLANNER_GROUP));

        accounts.clear();
        accounts.sendKeys("not-an-id!");
        b.tabTo("settings-save", 20);
        b.press(Keys.ENTER);
        b.waitForText("#planner-accounts-error", Pattern.compile("“not-an-id!” must be an Atlassian accountId"));
        assertThat(accounts.getAttribute("aria-invalid")).isEqualTo("true");

        accounts.clear();
        accounts.sendKeys("5b10ac8d82e05b22cc7d4ef5");
        b.tabTo("settings-save", 20);
        b.press(Keys.ENTER);
        b.waitForText("#settings-message", Pattern.compile("Settings saved"));
        JsonNode planners = new AppUnderTest(port).get("/api/settings", sandbox.site().contextToken("admin")).json()
                .path("planners");
        assertThat(planners.path("accountIds").get(0).asText()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(planners.path("groups").get(0).asText()).isEqualTo(SandboxSiteRuntime.PLANNER_GROUP);
        assertNoConsoleErrors(Pattern.compile("/api/settings .*status of 400"));
    }

    @Test
    void someoneWhoIsNotAnAdministratorSeesWhyThereIsNoForm() {
        Browser b = browser();
        b.open(frame("settings", "user", SandboxSiteRuntime.VIEWER));
        b.intoApp();
        b.waitForText("#settings-not-admin", Pattern.compile("Only Jira administrators"));
        assertThat(b.driver().findElements(By.cssSelector("#settings-form")).stream().noneMatch(WebElement::isDisplayed))
                .isTrue();
        assertNoConsoleErrors();
    }
}
