package dev.throughline.browser;

import dev.throughline.sandbox.SandboxIssue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GroomingBrowserTest extends SandboxBrowserTest {

    private static final long WEB_BOARD = 1;

    @Test
    void proposeApplyAndUndoAValueOrderFromTheKeyboard() {
        List<String> before = backlog();
        Browser b = browser();
        b.open(frame("grooming", "project", "WEB"));
        b.intoApp();
        b.visible("#rows tr");

        b.tabTo("propose", 40);
        b.press(Keys.ENTER);
        b.waitForText("#preview-summary", Pattern.compile("need a rank change"));
        b.screenshot("grooming");

        b.intoApp();
        b.tabTo("apply", 80);
        b.press(Keys.ENTER);
        b.waitForText("#grooming-message", Pattern.compile("moved in \\d+ call"));
        List<String> applied = backlog();
        assertThat(applied).as("Jira's rank changed").isNotEqualTo(before).containsExactlyInAnyOrderElementsOf(before);

        b.visible("#undo");
        b.script("document.getElementById('undo').focus();");
        b.press(Keys.ENTER);
        b.until(d -> backlog().equals(before));

        b.intoApp();
        String first = before.get(0);
        b.visible("#rows tr[data-key='" + first + "'] a").click();
        b.intoHost();
        b.until(d -> d.getCurrentUrl().contains("module=value-context")
                && d.getCurrentUrl().contains("issue=" + first));
        assertNoConsoleErrors();
    }

    /**
     * Alt+↓ / Alt+↑ on a row move it one place in Jira's rank, and the focus stays on it.
     * On MOB's board, not WEB's, and put back as it was: the apply/undo test above reads
     * WEB's order, in whichever order the two run.
     */
    @Test
    void altArrowsMoveARowOnePlaceAndKeepTheFocusOnIt() {
        long board = sandbox.data()
            .boards()
            .stream()
            .filter(x -> x.projectId() == sandbox.data().project("MOB").orElseThrow().id())
            .findFirst()
            .orElseThrow()
            .id();
        List<String> before = backlog(board);
        String key = before.get(0);
        Browser b = browser();
        b.open(frame("grooming", "project", "MOB"));
        b.intoApp();
        b.visible("#rows tr");
        while (b.driver().findElement(By.id("more")).isDisplayed()) {
            int shown = b.driver().findElements(By.cssSelector("#rows tr")).size();
            b.clickable("#more").click();
            b.until(d -> d.findElements(By.cssSelector("#rows tr")).size() > shown);
        }

        b.script("document.querySelector(\"#rows tr[data-key='" + key + "'] input\").focus();");
        altPress(b, Keys.ARROW_DOWN);
        b.untilLong(d -> backlog(board).indexOf(key) == 1);
        b.until(d -> key.equals(rowOfFocus(b)));

        altPress(b, Keys.ARROW_UP);
        b.untilLong(d -> backlog(board).equals(before));
        b.until(d -> key.equals(rowOfFocus(b)));
        assertNoConsoleErrors();
    }

    /** Alt held down while an arrow is pressed, as a keyboard user moves a row. */
    private static void altPress(Browser b, Keys arrow) {
        new Actions(b.driver()).keyDown(Keys.ALT).sendKeys(arrow).keyUp(Keys.ALT).perform();
    }

    /** The data-key of the row holding the focused element (null when none). */
    private static String rowOfFocus(Browser b) {
        return (String) b.script("var row = document.activeElement && document.activeElement.closest('tr[data-key]');"
                + " return row ? row.getAttribute('data-key') : null;");
    }

    private List<String> backlog() {
        return backlog(WEB_BOARD);
    }

    private List<String> backlog(long board) {
        return sandbox.data().backlog(board).stream().map(SandboxIssue::key).toList();
    }

}
