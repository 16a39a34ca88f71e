package dev.throughline.connect;

import com.atlassian.connect.spring.AtlassianHost;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.JiraTokenSigner;
import dev.throughline.support.InstallKeyServer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTest extends ConnectedAppTest {

    private static JiraTokenSigner newSite() {
        String id = UUID.randomUUID().toString();
        return new JiraTokenSigner("client-" + id, "https://site-" + id.substring(0, 8) + ".atlassian.net");
    }

    @Test
    void signedInstallStoresTheHost() {
        JiraTokenSigner site = newSite();

        install(site);

        AtlassianHost host = hosts.findById(site.clientKey()).orElseThrow();
        assertThat(host.getBaseUrl()).isEqualTo(site.baseUrl());
        assertThat(host.getSharedSecret()).isEqualTo(site.sharedSecret());
        assertThat(host.isAddonInstalled()).isTrue();
    }

    @Test
    void reinstallWithNewSecretReplacesTheSecret() {
        JiraTokenSigner site = newSite();
        install(site);
        String oldContextToken = site.contextToken("user-1");

        site.rotateSecret();
        install(site);

        assertThat(hosts.findById(site.clientKey()).orElseThrow().getSharedSecret()).isEqualTo(site.sharedSecret());
        assertThat(app().get("/api/probe/whoami", site.contextToken("user-1")).status()).isEqualTo(200);
        assertThat(app().get("/api/probe/whoami", oldContextToken).status()).isEqualTo(401);
    }

    @Test
    void installSignedWithAnotherKeyIsRejectedAndStoresNothing() {
        JiraTokenSigner site = newSite();
        JiraTokenSigner.InstallKeys.Key impostor = JiraTokenSigner.InstallKeys.generate();
        String token = site.signedLifecycleToken(impostor, InstallKeyServer.KID, appBaseUrl, "/installed");

        AppUnderTest.Reply reply = app().post("/installed", site.lifecycleBody("installed"), token);

        assertRejectedWithJson(reply);
        assertThat(hosts.findById(site.clientKey())).isEmpty();
    }

    @Test
    void installForAnotherAppAudienceIsRejectedAndStoresNothing() {
        JiraTokenSigner site = newSite();
        String token = site.signedLifecycleToken(InstallKeyServer.KEY, InstallKeyServer.KID,
                "https://some-other-app.example.com", "/installed");

        AppUnderTest.Reply reply = app().post("/installed", site.lifecycleBody("installed"), token);

        assertRejectedWithJson(reply);
        assertThat(hosts.findById(site.clientKey())).isEmpty();
    }

    @Test
    void installNamingAnUnknownKeyIdIsRejectedAndStoresNothing() {
        JiraTokenSigner site = newSite();
        String token = site.signedLifecycleToken(InstallKeyServer.KEY, "no-such-kid", appBaseUrl, "/installed");

        AppUnderTest.Reply reply = app().post("/installed", site.lifecycleBody("installed"), token);

        assertRejectedWithJson(reply);
        assertThat(hosts.findById(site.clientKey())).isEmpty();
    }

    @Test
    void installSignedWithSharedSecretIsRejectedBecauseTheFallbackIsOff() {
        JiraTokenSigner site = newSite();
        String token = site.requestToken("POST", "/installed", "", null);

        AppUnderTest.Reply reply = app().post("/installed", site.lifecycleBody("installed"), token);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(hosts.findById(site.clientKey())).isEmpty();
    }

    @Test
    void unsignedInstallIsRejectedAndStoresNothing() {
        JiraTokenSigner site = newSite();

        AppUnderTest.Reply reply = app().post("/installed", site.lifecycleBody("installed"), null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(hosts.findById(site.clientKey())).isEmpty();
    }

    @Test
    void uninstallMarksTheHostUninstalledAndItsLaterRequestsAreRefused() {
        JiraTokenSigner site = newSite();
        install(site);
        assertThat(app().get("/api/probe/whoami", site.contextToken("user-1")).status()).isEqualTo(200);

        AppUnderTest.Reply reply = sendUninstalled(site);

        assertThat(reply.status()).isBetween(200, 204);
        assertThat(hosts.findById(site.clientKey()).orElseThrow().isAddonInstalled()).isFalse();
        AppUnderTest.Reply later = app().get("/api/probe/whoami", site.contextToken("user-1"));
        assertThat(later.status()).isEqualTo(401);
        assertThat(later.json().path("message").asText()).contains("not installed");
        String pagePath = "/probe/page";
        assertThat(app().get(pagePath, site.requestToken("GET", pagePath, "", "user-1")).status()).isEqualTo(401);
    }

    @Test
    void reinstallAfterUninstallAcceptsRequestsAgain() {
        JiraTokenSigner site = newSite();
        install(site);
        assertThat(sendUninstalled(site).status()).isBetween(200, 204);

        site.rotateSecret();
        install(site);

        assertThat(app().get("/api/probe/whoami", site.contextToken("user-1")).status()).isEqualTo(200);
    }

    private static void assertRejectedWithJson(AppUnderTest.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).contains("json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
    }

}
