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

    private List<String> backlog() {
        return sandbox.data().backlog(WEB_BOARD).stream().map(SandboxIssue::key).toList();
    }

}
