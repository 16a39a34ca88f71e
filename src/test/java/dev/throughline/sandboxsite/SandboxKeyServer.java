package dev.throughline.sandboxsite;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.throughline.support.JiraTokenSigner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The sandbox site's install-key service: serves the public key the sandbox signs its
 * install with, and passes every other key id on to the service configured before
 * (Atlassian's), so a real Jira site can still install a development instance that runs
 * the sandbox.
 */
final class SandboxKeyServer implements AutoCloseable {

    static final String KID = "throughline-sandbox-install-key";

    private final JiraTokenSigner.InstallKeys.Key key = JiraTokenSigner.InstallKeys.generate();

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    SandboxKeyServer(String previousBaseUrl) {
        server.start();
        server.stubFor(get(urlEqualTo("/" + KID)).willReturn(aResponse().withStatus(200).withBody(key.publicPem())));
        if (previousBaseUrl != null && !previousBaseUrl.isBlank()) {
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(previousBaseUrl)));
        }
    }

    JiraTokenSigner.InstallKeys.Key key() {
        return key;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }

}
