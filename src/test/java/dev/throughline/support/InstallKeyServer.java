package dev.throughline.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stands in for Atlassian's install-key service
 * ({@code atlassian.connect.public-key-base-url}): serves the PEM public key of
 * {@link #KID}; any other key id is unknown (404). One per JVM so that every full-context
 * test shares one Spring context.
 */
public final class InstallKeyServer {

    public static final String KID = "test-install-key-1";

    public static final JiraTokenSigner.InstallKeys.Key KEY = JiraTokenSigner.InstallKeys.generate();

    private static final WireMockServer SERVER = start();

    private InstallKeyServer() {
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo("/" + KID)).willReturn(aResponse().withStatus(200).withBody(KEY.publicPem())));
        server.stubFor(get(WireMock.anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

}
