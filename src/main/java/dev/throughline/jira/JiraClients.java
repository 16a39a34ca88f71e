package dev.throughline.jira;

import com.atlassian.connect.spring.AtlassianHost;
import com.atlassian.connect.spring.AtlassianHostRepository;
import com.atlassian.connect.spring.AtlassianHostRestClients;
import dev.throughline.tenant.Site;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Hands out the {@link JiraClient} of an installed site. One client (and RestTemplate)
 * per site, kept until the host's shared secret or base URL changes. We keep our own
 * cache: ACSB's caches by AtlassianHost identity, and a host is loaded afresh for every
 * request.
 */
@Component
public class JiraClients {

    private record Built(String sharedSecret, String baseUrl, JiraClient client) {

        boolean isFor(AtlassianHost host) {
            return Objects.equals(sharedSecret, host.getSharedSecret()) && Objects.equals(baseUrl, host.getBaseUrl());
        }
    }

    private final AtlassianHostRepository hosts;

    private final AtlassianHostRestClients restClients;

    private final JiraClientSettings settings;

    private final String addonKey;

    private final ClientHttpRequestFactory requestFactory;

    private final Supplier<Optional<StoryPointsOverride>> storyPointsOverride;

    private final Map<String, Built> clients = new ConcurrentHashMap<>();

    private final Supplier<Optional<SiteTokens>> siteTokens;

    /** Without a story points override: discovery alone decides. */
    public JiraClients(AtlassianHostRepository hosts, AtlassianHostRestClients restClients, JiraClientSettings settings,
            String addonKey) {
        this(hosts, restClients, settings, addonKey, Optional::empty, Optional::empty);
    }

    /**
     * The override is looked up lazily: its implementation itself reads Jira through
     * these clients.
     */
    @Autowired
    public JiraClients(AtlassianHostRepository hosts, AtlassianHostRestClients restClients, JiraClientSettings settings,
            @Value("${addon.key}") String addonKey, ObjectProvider<StoryPointsOverride> storyPointsOverride,
            ObjectProvider<SiteTokens> siteTokens) {
        this(hosts, restClients, settings, addonKey, () -> Optional.ofNullable(storyPointsOverride.getIfAvailable()),
                () -> Optional.ofNullable(siteTokens.getIfAvailable()));
    }

    private JiraClients(AtlassianHostRepository hosts, AtlassianHostRestClients restClients,
            JiraClientSettings settings, String addonKey, Supplier<Optional<StoryPointsOverride>> storyPointsOverride,
            Supplier<Optional<SiteTokens>> siteTokens) {
        this.siteTokens = siteTokens;
        this.hosts = hosts;
        this.restClients = restClients;
        this.settings = settings;
        this.addonKey = Checks.notBlank("addon.key", addonKey);
        this.requestFactory = JiraRestTemplates.requestFactory(settings);
        this.storyPointsOverride = storyPointsOverride;
    }

    /**
     * The client of an installed site; refuses sites the app is not (or no longer)
     * installed on.
     */
    public JiraClient forSite(Site site) {
        Objects.requireNonNull(site, "site");
        if (site.isForge()) {
            return forForgeSite(site);
        }
        AtlassianHost host = hosts.findById(site.clientKey())
            .filter(AtlassianHost::isAddonInstalled)
            .orElseThrow(() -> new SiteNotInstalledException(site.clientKey()));
        return clients
            .compute(site.clientKey(), (key, built) -> built != null && built.isFor(host) ? built : build(host, site))
            .client();
    }

    /**
     * A Forge site's client is made for the invocation being served, with its app token
     * captured: work the request starts on other threads (a rollup's fetch) carries it
     * on, and nothing keeps it after that. Without a token the client is refused, never
     * made without auth. The door already refused an uninstalled site's invocation.
     */
    private JiraClient forForgeSite(Site site) {
        String token = siteTokens.get()
            .flatMap(tokens -> tokens.appToken(site))
            .orElseThrow(() -> new NoSiteTokenException(site.clientKey()));
        ClientHttpRequestInterceptor bearer = (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return execution.execute(request, body);
        };
        RestTemplate template = JiraRestTemplates.create(requestFactory, site.baseUrl().toString(), List.of(bearer),
                new RetryInterceptor(settings));
        return RestJiraClient.forge(template, settings,
                () -> storyPointsOverride.get().flatMap(override -> override.fieldId(site)));
    }

    private Built build(AtlassianHost host, Site site) {
        RestTemplate signed = restClients.authenticatedAsAddon(host);
        RestTemplate template = JiraRestTemplates.create(requestFactory, null, signed.getInterceptors(),
                new RetryInterceptor(settings));
        return new Built(host.getSharedSecret(), host.getBaseUrl(), new RestJiraClient(template, addonKey, settings,
                () -> storyPointsOverride.get().flatMap(override -> override.fieldId(site))));
    }

}
