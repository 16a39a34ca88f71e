package dev.throughline.support;

import com.atlassian.connect.spring.AtlassianHostRepository;
import dev.throughline.forgeplatform.ForgeKeyServer;
import dev.throughline.forgeplatform.LocalForgePlatform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-context tests: the real app on a random port, real ACSB filters, and
 * helpers that install sites the way Jira does (signed RS256 lifecycle callbacks). The
 * app trusts the local Forge platform's key and app id too (the Forge door). All
 * subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ConnectedAppTest {

    @LocalServerPort
    protected int port;

    @Value("${addon.base-url}")
    protected String appBaseUrl;

    @Autowired
    protected AtlassianHostRepository hosts;

    @DynamicPropertySource
    static void installKeys(DynamicPropertyRegistry registry) {
        registry.add("atlassian.connect.public-key-base-url", InstallKeyServer::baseUrl);
        registry.add("throughline.forge.jwks-url", ForgeKeyServer::jwksUrl);
        registry.add("throughline.forge.app-id", () -> LocalForgePlatform.APP_ID);
        // every unknown key id refetches, so a test sees its own refetch (the throttle:
        // ThrottledKeyRetrieverTest)
        registry.add("throughline.forge.jwks-min-refetch", () -> "0s");
    }

    protected AppUnderTest app() {
        return new AppUnderTest(port);
    }

    protected AppUnderTest.Reply sendInstalled(JiraTokenSigner site) {
        String token = site.signedLifecycleToken(InstallKeyServer.KEY, InstallKeyServer.KID, appBaseUrl, "/installed");
        return app().post("/installed", site.lifecycleBody("installed"), token);
    }

    protected AppUnderTest.Reply sendUninstalled(JiraTokenSigner site) {
        String token = site.signedLifecycleToken(InstallKeyServer.KEY, InstallKeyServer.KID, appBaseUrl,
                "/uninstalled");
        return app().post("/uninstalled", site.lifecycleBody("uninstalled"), token);
    }

    /**
     * Names the site's planners in Throughline settings through the settings API, as its
     * admin ("admin", every permission on a sandbox site) would on a site whose settings
     * were never saved.
     */
    protected void namePlanners(JiraTokenSigner site, List<String> accountIds, List<String> groups) {
        String body = "{\"staleDays\":90,\"planners\":{\"accountIds\":" + jsonList(accountIds) + ",\"groups\":"
                + jsonList(groups) + "},\"version\":0}";
        AppUnderTest.Reply saved = app().put("/api/settings", body, site.contextToken("admin"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static String jsonList(List<String> texts) {
        return texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Installs a new site (fresh client key and secret) at
     * {@code https://<prefix>-<id>.atlassian.net}.
     */
    protected JiraTokenSigner installNewSite(String prefix) {
        String id = UUID.randomUUID().toString();
        JiraTokenSigner site = new JiraTokenSigner("client-" + id,
                "https://" + prefix + "-" + id.substring(0, 8) + ".atlassian.net");
        install(site);
        return site;
    }

    protected void install(JiraTokenSigner site) {
        AppUnderTest.Reply reply = sendInstalled(site);
        assertThat(reply.status()).as("install of %s: %s", site.clientKey(), reply.body()).isBetween(200, 204);
    }

}
