package dev.throughline.browser;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox frame answers the Connect calls a page makes the way Jira's host does. */
class HostBridgeBrowserTest extends SandboxBrowserTest {

    @Test
    void requestFlagResizeAndNavigatorReachTheHost() {
        Browser b = browser();
        b.open(frame("programs"));
        b.intoApp();
        b.visible("#program-picker");

        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) b.driver()
            .executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "AP.request({url: '/rest/api/3/field', success: function () {}})"
                    + ".then(function (r) { done({status: r.xhr.status, body: r.body}); },"
                    + " function (e) { done({status: -1, body: String(e)}); });");
        assertThat(answer.get("status")).isEqualTo(200L);
        assertThat((String) answer.get("body")).contains("Story point estimate");

        b.script("AP.flag.create({title: 'Bridge check', body: 'from the page', type: 'info', close: 'manual'});");
        b.script("document.body.style.paddingBottom = '900px'; AP.resize();");
        b.intoHost();
        b.waitForText("#sandbox-flags", Pattern.compile("Bridge check"));
        b.until(d -> ((Number) b.script("return document.getElementById('app-frame').getBoundingClientRect().height;"))
            .doubleValue() > 900);

        b.intoApp();
        b.script("AP.navigator.go('issue', {issueKey: arguments[0]});", sandbox.seeded().scoredIssue());
        b.intoHost();
        b.until(d -> d.getCurrentUrl().contains("module=value-context")
                && d.getCurrentUrl().contains(sandbox.seeded().scoredIssue()));
        assertNoConsoleErrors();
    }

}
