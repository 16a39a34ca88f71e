package dev.throughline.jira;

import com.atlassian.connect.spring.AtlassianHost;
import com.atlassian.connect.spring.AtlassianHostRepository;
import com.atlassian.connect.spring.AtlassianHostRestClients;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The per-site wiring: installed hosts only, one client per site, signing before
 * retrying.
 */
class JiraClientsTest extends JiraWireMockTest {

    private static final String FIELDS = "/rest/api/3/field";

    private final AtlassianHostRepository hosts = mock(AtlassianHostRepository.class);

    private final AtlassianHostRestClients restClients = mock(AtlassianHostRestClients.class);

    private final AtomicInteger signatures = new AtomicInteger();

    private JiraClients clients;

    private AtlassianHost host;

    private Site site;

    @BeforeEach
    void installHost() {
        host = host("secret-1");
        site = new Site("client-1", URI.create(jira.baseUrl()));
        when(hosts.findById("client-1")).thenAnswer(i -> Optional.of(host));
        when(restClients.authenticatedAsAddon(any(AtlassianHost.class)))
            .thenAnswer(i -> signingTemplate(i.getArgument(0)));
        clients = new JiraClients(hosts, restClients, settings, ADDON_KEY);
    }

    private AtlassianHost host(String sharedSecret) {
        AtlassianHost h = new AtlassianHost();
        h.setClientKey("client-1");
        h.setBaseUrl(jira.baseUrl());
        h.setSharedSecret(sharedSecret);
        h.setAddonInstalled(true);
        return h;
    }

    /**
     * Stands in for ACSB's template: resolves relative URIs against the host and signs
     * each request it sees.
     */
    private RestTemplate signingTemplate(AtlassianHost forHost) {
        ClientHttpRequestInterceptor signing = (request, body, execution) -> {
            URI absolute = URI.create(forHost.getBaseUrl()).resolve(request.getURI());
            HttpRequestWrapper signed = new HttpRequestWrapper(request) {
                @Override
                public URI getURI() {
                    return absolute;
                }
            };
            signed.getHeaders().set(HttpHeaders.AUTHORIZATION, "JWT signature-" + signatures.incrementAndGet());
            return execution.execute(signed, body);
        };
        RestTemplate template = new RestTemplate();
        template.setInterceptors(List.of(signing));
        return template;
    }

    @Test
    void requestsAreSignedAndRelativeUrisResolvedAgainstTheHost() {
        stub(get(urlPathEqualTo(FIELDS)).withHeader("Authorization", equalTo("JWT signature-1"))
            .willReturn(okJson("[]")));

        assertThat(clients.forSite(site).fields()).isEmpty();
    }

    @Test
    void aRetryResendsTheAlreadySignedRequestBecauseRetryingComesLast() {
        stub(get(urlPathEqualTo(FIELDS)).inScenario("s")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(jiraError(503, "Unavailable"))
            .willSetStateTo("ok"));
        stub(get(urlPathEqualTo(FIELDS)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson("[]")));

        clients.forSite(site).fields();

        assertThat(signatures.get()).isEqualTo(1);
        jira.verify(exactly(2),
                getRequestedFor(urlPathEqualTo(FIELDS)).withHeader("Authorization", equalTo("JWT signature-1")));
    }

    @Test
    void aSiteKeepsItsClient() {
        assertThat(clients.forSite(site)).isSameAs(clients.forSite(site));
        verify(restClients, times(1)).authenticatedAsAddon(any(AtlassianHost.class));
    }

    @Test
    void aNewSharedSecretOrBaseUrlRebuildsTheClient() {
        JiraClient first = clients.forSite(site);
        host = host("secret-2");
        JiraClient second = clients.forSite(site);
        host = host("secret-2");
        host.setBaseUrl(jira.baseUrl() + "/");

        assertThat(second).isNotSameAs(first);
        assertThat(clients.forSite(site)).isNotSameAs(second);
    }

    @Test
    void aSiteWithoutAHostIsRefused() {
        when(hosts.findById("client-1")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> clients.forSite(site)).isInstanceOf(SiteNotInstalledException.class)
            .hasMessageContaining("client-1");
    }

    @Test
    void aSiteThatUninstalledTheAppIsRefused() {
        host.setAddonInstalled(false);

        assertThatThrownBy(() -> clients.forSite(site)).isInstanceOf(SiteNotInstalledException.class);
    }

}
