package dev.throughline.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

class ThemesAndHomeBrowserTest extends SandboxBrowserTest {

    private static final String DARK_SURFACE = "rgb(29, 33, 37)";

    private static final String LIGHT_SURFACE = "rgb(255, 255, 255)";

    @Test
    void theHomePageListsEveryPanelAndPage() {
        Browser b = browser();
        b.open("/");
        b.visible("#sandbox-home");
        for (String module : new String[] { "roadmap-project", "grooming", "roadmap", "programs", "plan",
                "program-report" }) {
            assertThat(b.driver().findElements(By.cssSelector("tr[data-module='" + module + "'] a")))
                .as(module + " is listed with a link")
                .isNotEmpty();
        }
        assertThat(b.driver().findElements(By.cssSelector("a[href*='module=value-context']"))).isNotEmpty();
        b.screenshot("sandbox-home");
        assertNoConsoleErrors();
    }

    @Test
    void pagesTakeJirasDarkThemeThroughDesignTokens() {
        Browser b = browser();
        b.open(frame("roadmap", "theme", "dark"));
        b.intoApp();
        b.visible(".column[data-horizon='NOW'] .card");
        b.until(d -> "dark".equals(b.script("return document.documentElement.getAttribute('data-color-mode');")));
        assertThat(b.script("return getComputedStyle(document.body).backgroundColor;")).isEqualTo(DARK_SURFACE);
        b.screenshot("dark-mode");

        b.intoHost();
        b.clickable("#sandbox-theme").click();
        b.intoApp();
        b.until(d -> LIGHT_SURFACE.equals(b.script("return getComputedStyle(document.body).backgroundColor;")));
        assertNoConsoleErrors();
    }

}
