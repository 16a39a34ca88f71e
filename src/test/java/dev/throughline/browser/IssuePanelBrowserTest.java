package dev.throughline.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class IssuePanelBrowserTest extends SandboxBrowserTest {

    @Test
    void scoringAnIssueFromTheKeyboardChangesTheGlanceLabel() {
        String issue = sandbox.seeded().unscoredIssue();
        Browser b = browser();
        b.open(frame("value-context", "issue", issue));
        b.waitForText("#glance-label", Pattern.compile("(?i)not scored"));

        b.intoApp();
        b.visible("#score-form");
        assertThat(new Select(b.visible("#model")).getFirstSelectedOption().getAttribute("value"))
            .as("WEB's default model is offered for an unscored issue")
            .isEqualTo("RICE");
        type(b, "#input-reach", "1000");
        new Select(b.visible("#input-impact")).selectByValue("2");
        type(b, "#input-confidence", "80");
        type(b, "#input-effort", "4");
        b.visible("#input-effort").click();
        b.tabTo("save", 4);
        b.press(Keys.ENTER);
        b.waitForText("#score-value", Pattern.compile("^400$"));
        assertThat(b.visible("#breakdown").getText()).contains("1000 × 2 × 80% ÷ 4 = 400");

        b.intoHost();
        b.waitForText("#glance-label", Pattern.compile("RICE 400"));
        b.waitForText("#sandbox-flags", Pattern.compile("Score saved"));
        b.screenshot("issue-panel");
        assertNoConsoleErrors();
    }

    @Test
    void aReadOnlyViewerSeesTheScoreWithoutAForm() {
        Browser b = browser();
        b.open(frame("value-context", "issue", sandbox.seeded().scoredIssue(), "user", "5b10a2844c20165700ede21g"));
        b.intoApp();
        b.visible("#read-only-note");
        assertThat(b.driver().findElement(By.id("save")).isDisplayed()
                && b.driver().findElement(By.id("save")).isEnabled())
            .as("a viewer who may not edit cannot save")
            .isFalse();
        b.screenshot("issue-panel-read-only");
        assertNoConsoleErrors();
    }

    private static void type(Browser b, String css, String text) {
        WebElement input = b.visible(css);
        input.clear();
        input.sendKeys(text);
    }

}
