package dev.throughline.browser;

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
