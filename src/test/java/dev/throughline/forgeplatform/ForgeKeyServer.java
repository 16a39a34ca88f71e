package dev.throughline.forgeplatform;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Serves the local Forge platform's JWKS over HTTP for the full-context tests
 * ({@code throughline.forge.jwks-url}); one per JVM, like the install-key server, so
 * every test shares one Spring context. Counts its fetches, so a test can see the app
 * fetch the set again for an unknown key.
 */
public final class ForgeKeyServer {

    public static final String PATH = "/forge-platform/jwks.json";

    private static final WireMockServer SERVER = start();

    private ForgeKeyServer() {
    }

    public static String jwksUrl() {
        return SERVER.baseUrl() + PATH;
    }

    public static int fetches() {
        return SERVER.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo(PATH)).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(ForgeKeys.jwks())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

}
