package dev.throughline.browser;

import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandboxsite.SandboxSiteRuntime;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assumeTrue("connect".equals(mode()) || localForgePlatformAnswers(),
                "the sandbox has no local Forge platform (/forge-platform/invoke-remote) to run pages as Forge apps");
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        browser.consoleErrors(); // drop what earlier tests left
        // Connect's screenshots are the ones the README shows; another mode's carry its
        // name.
        browser.screenshotSuffix("connect".equals(mode()) ? "" : "-" + mode());
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

    /**
     * How the pages are opened: {@code connect} (Jira's iframe, AP) or {@code forge}
     * (Custom UI through the local Forge platform), for the classes nested in
     * {@link ForgeModeBrowserTest}, which run their parent's flows again.
     */
    String mode() {
        return getClass().getEnclosingClass() == ForgeModeBrowserTest.class ? "forge" : "connect";
    }

    /**
     * Whether the sandbox Jira serves the local Forge platform's page invocations:
     * anything but 404 to an empty request.
     */
    private boolean localForgePlatformAnswers() {
        HttpRequest probe = HttpRequest
            .newBuilder(URI.create("http://localhost:" + port + "/forge-platform/invoke-remote"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .header("Content-Type", "application/json")
            .build();
        try {
            return HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != 404;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The app's API as the site admin through this test's door: a test that checks what a
     * page wrote reads the same site the page wrote to (a Forge installation keeps its
     * own app properties).
     */
    AppUnderTest.Reply api(String method, String path, String body) {
        if ("forge".equals(mode())) {
            return sandbox.forge().invoke(SandboxSite.ADMIN, method, path, body);
        }
        String token = sandbox.site().contextToken(SandboxSite.ADMIN);
        AppUnderTest app = new AppUnderTest(port);
        return switch (method) {
            case "GET" -> app.get(path, token);
            case "PUT" -> app.put(path, body, token);
            case "DELETE" -> app.delete(path, token);
            default -> app.post(path, body, token);
        };
    }

    /** The sandbox frame showing a module in this test's mode. */
    String frame(String module, String... params) {
        StringBuilder url = new StringBuilder("/sandbox/frame?module=").append(module);
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.append('&').append(params[i]).append('=').append(params[i + 1]);
        }
        if (!"connect".equals(mode())) {
            url.append("&mode=").append(mode());
        }
        return url.toString();
    }

}
