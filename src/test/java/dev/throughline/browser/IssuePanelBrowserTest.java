package dev.throughline.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
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

    @Test
    void aRejectedSaveSaysEachRuleOnceAndTheEpicsThemesShowAsInherited() {
        JsonNode board = api("GET", "/api/themes/progress", null).json();
        JsonNode theme = board.path("themes").get(0);
        String epic = theme.path("linkedEpics").get(0).asText();
        String child = sandbox.data()
            .children(sandbox.data().requireIssue(epic).id())
            .stream()
            .filter(i -> i.type() != IssueType.SUBTASK)
            .map(SandboxIssue::key)
            .findFirst()
            .orElseThrow();
        Browser b = browser();
        b.open(frame("value-context", "issue", child));
        b.intoApp();
        b.visible("#score-form");
        new Select(b.visible("#model")).selectByValue("RICE");
        type(b, "#input-reach", "20000000");
        new Select(b.visible("#input-impact")).selectByValue("2");
        type(b, "#input-confidence", "80");
        type(b, "#input-effort", "4");
        b.clickable("#save").click();

        b.waitForText("#panel-message", Pattern.compile("Please correct the highlighted inputs"));
        b.waitForText("#error-reach", Pattern.compile("^Reach must be at most 10000000$"));
        String form = b.visible("#score-form").getText();
        assertThat(form.split("at most 10000000", -1)).as("the rule is said once: " + form).hasSize(2);
        b.waitForText("#linked-themes",
                Pattern.compile(Pattern.quote(theme.path("name").asText()) + ".*\\(via " + epic + "\\)"));
        assertNoConsoleErrors(Pattern.compile("400"));
    }

    private static void type(Browser b, String css, String text) {
        WebElement input = b.visible(css);
        input.clear();
        input.sendKeys(text);
    }

}
