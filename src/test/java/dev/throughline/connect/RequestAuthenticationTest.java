package dev.throughline.connect;

import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.JiraTokenSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request other than the descriptor, health and static assets needs a valid Connect
 * JWT.
 */
class RequestAuthenticationTest extends ConnectedAppTest {

    private static final String API = "/api/probe/whoami";

    private static final String PAGE = "/probe/page";

    private JiraTokenSigner site;

    @BeforeEach
    void installSite() {
        String id = UUID.randomUUID().toString();
        site = new JiraTokenSigner("client-" + id, "https://auth-" + id.substring(0, 8) + ".atlassian.net");
        install(site);
    }

    @Test
    void descriptorIsPublicAndCarriesTheConfiguredKeyAndBaseUrl() {
        AppUnderTest.Reply reply = app().get("/atlassian-connect.json", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("key").asText()).isEqualTo("throughline");
        assertThat(reply.json().path("baseUrl").asText()).isEqualTo(appBaseUrl);
    }

    @Test
    void healthIsPublic() {
        AppUnderTest.Reply reply = app().get("/health", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void contextTokenReachesTheApiAsItsSiteAndUser() {
        AppUnderTest.Reply reply = app().get(API, site.contextToken("account-42"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("clientKey").asText()).isEqualTo(site.clientKey());
        assertThat(reply.json().path("accountId").asText()).isEqualTo("account-42");
    }

    @Test
    void requestBoundTokenReachesAPage() {
        AppUnderTest.Reply reply = app().get(PAGE + "?a=1", site.requestToken("GET", PAGE, "a=1", "account-42"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("accountId").asText()).isEqualTo("account-42");
    }

    @Test
    void missingJwtGets401WithJsonBody() {
        assertUnauthorizedJson(app().get(API, null));
        assertUnauthorizedJson(app().get(PAGE, null));
    }

    @Test
    void expiredJwtGets401WithJsonBody() {
        assertUnauthorizedJson(app().get(API, site.expiredContextToken("account-42")));
    }

    @Test
    void jwtSignedWithAnotherSecretGets401WithJsonBody() {
        assertUnauthorizedJson(app().get(API, site.contextTokenSignedWith(JiraTokenSigner.newSecret(), "account-42")));
    }

    @Test
    void jwtFromAnUnknownSiteGets401WithJsonBody() {
        JiraTokenSigner stranger = new JiraTokenSigner("never-installed", "https://stranger.atlassian.net");

        assertUnauthorizedJson(app().get(API, stranger.contextToken("account-42")));
    }

    @Test
    void jwtWithTheQshOfAnotherRequestGets401WithJsonBody() {
        String tokenForOtherQuery = site.requestToken("GET", PAGE, "a=2", "account-42");

        assertUnauthorizedJson(app().get(PAGE + "?a=1", tokenForOtherQuery));
    }

    @Test
    void jwtWithoutQshGets401WithJsonBody() {
        assertUnauthorizedJson(app().get(PAGE, site.tokenWithoutQsh("account-42")));
        assertUnauthorizedJson(app().get(API, site.tokenWithoutQsh("account-42")));
    }

    @Test
    void contextTokenIsRefusedOnANonContextEndpoint() {
        assertUnauthorizedJson(app().get(PAGE, site.contextToken("account-42")));
    }

    @Test
    void requestBoundTokenIsRefusedOnTheIframeApi() {
        assertUnauthorizedJson(app().get(API, site.requestToken("GET", API, "", "account-42")));
    }

    @Test
    void jwtInQueryParameterIsAcceptedForPages() {
        String token = site.requestToken("GET", PAGE, "", "account-42");

        assertThat(app().get(PAGE + "?jwt=" + token, null).status()).isEqualTo(200);
    }

    private static void assertUnauthorizedJson(AppUnderTest.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).contains("application/json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
        assertThat(reply.json().has("message")).isTrue();
    }

}
