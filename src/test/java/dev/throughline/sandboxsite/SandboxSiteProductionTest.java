package dev.throughline.sandboxsite;

import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Even switched on by mistake, the sandbox site never starts under the production
 * profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "throughline.sandbox.enabled=true")
@ActiveProfiles({ "test", "production" })
class SandboxSiteProductionTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Value("${throughline.connect.all-js-url}")
    String allJsUrl;

    @Test
    void productionNeverStartsTheSandboxSite() {
        assertThat(context.getBeanNamesForType(SandboxSiteRuntime.class)).isEmpty();
        assertThat(allJsUrl).as("pages load Connect's real all.js")
            .isEqualTo("https://connect-cdn.atl-paas.net/all.js");
        AppUnderTest app = new AppUnderTest(port);
        assertThat(app.get("/sandbox/frame?module=roadmap", null).status()).isEqualTo(404);
        assertThat(app.get("/sandbox/context-token", null).status()).isEqualTo(404);
        assertThat(app.get("/sandbox/all.js", null).status()).as("served only from the test classpath, never the jar")
            .isIn(200, 404);
        AppUnderTest.Reply root = app.get("/", null);
        assertThat(root.status()).as("/ is ACSB's redirect to the descriptor, not the sandbox home").isEqualTo(302);
    }

}
