package dev.throughline.browser;

import dev.throughline.sandbox.SandboxIssue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

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

    @Test
    void aRowMovesFromTheKeyboardAndKeepsTheFocus() {
        List<String> before = backlog();
        Browser b = browser();
        b.open(frame("grooming", "project", "WEB"));
        b.intoApp();
        b.visible("#rows tr");
        // a manual order needs the whole backlog loaded
        while (Boolean.FALSE.equals(b.script("return document.getElementById('more').hidden;"))) {
            int loaded = ((Number) b.script("return document.querySelectorAll('#rows tr[data-key]').length;"))
                .intValue();
            b.clickable("#more").click();
            b.until(d -> ((Number) b.script("return document.querySelectorAll('#rows tr[data-key]').length;"))
                .intValue() > loaded);
        }
        String first = before.get(0);
        b.script("document.querySelector(\"#rows tr[data-key='\" + arguments[0] + \"'] input\").focus();", first);

        b.press(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));

        b.until(d -> backlog().indexOf(first) == 1);
        assertThat(backlog()).as("only the one row moved").containsExactlyInAnyOrderElementsOf(before);
        b.until(d -> first.equals(b.script("var a = document.activeElement;"
                + " var tr = a && a.closest ? a.closest('tr') : null; return tr ? tr.getAttribute('data-key') : null;")));
        assertNoConsoleErrors();
    }

    private List<String> backlog() {
        return sandbox.data().backlog(WEB_BOARD).stream().map(SandboxIssue::key).toList();
    }

}
