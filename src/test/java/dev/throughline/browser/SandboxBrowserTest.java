package dev.throughline.browser;

import dev.throughline.sandboxsite.SandboxSiteRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the real-browser tests: the app on a random port with the sandbox Jira site
 * switched on (installed through the signed handshake, demo data created through the
 * API), and one headless Chromium per test class. Every page a test opens must finish
 * without console errors or failed requests.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "throughline.sandbox.enabled=true")
@ActiveProfiles("test")
abstract class SandboxBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    SandboxSiteRuntime sandbox;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        browser.consoleErrors(); // drop what earlier tests left
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    Browser browser() {
        return browser;
    }

    /**
     * Fails on console errors (JavaScript errors, failed requests) except those a test
     * expects by pattern.
     */
    void assertNoConsoleErrors(Pattern... expected) {
        List<String> unexpected = new ArrayList<>();
        for (String error : browser.consoleErrors()) {
            boolean allowed = false;
            for (Pattern pattern : expected) {
                allowed |= pattern.matcher(error).find();
            }
            if (!allowed) {
                unexpected.add(error);
            }
        }
        assertThat(unexpected).as("console errors and failed requests").isEmpty();
    }

    static String frame(String module, String... params) {
        StringBuilder url = new StringBuilder("/sandbox/frame?module=").append(module);
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.append('&').append(params[i]).append('=').append(params[i + 1]);
        }
        return url.toString();
    }

}
