package dev.throughline.jira;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.protocol.HttpContext;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Builds the RestTemplates the client runs on, in production and in tests alike. */
final class JiraRestTemplates {

    private JiraRestTemplates() {
    }

    /**
     * Apache HttpClient 4 with its own retries OFF (RetryInterceptor decides, knowing
     * which writes are safe) and redirects OFF (a redirect would re-use a JWT signed for
     * another URL; the 303 of bulk properties is followed by the client itself).
     */
    static ClientHttpRequestFactory requestFactory(JiraClientSettings settings) {
        int connectMillis = Math.toIntExact(settings.connectTimeout().toMillis());
        int readMillis = Math.toIntExact(settings.readTimeout().toMillis());
        CloseableHttpClient httpClient = HttpClientBuilder.create()
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .setMaxConnPerRoute(20)
            .setMaxConnTotal(200)
            .setDefaultRequestConfig(RequestConfig.custom()
                .setConnectTimeout(connectMillis)
                .setSocketTimeout(readMillis)
                .setConnectionRequestTimeout(connectMillis)
                .build())
            .build();
        HttpComponentsClientHttpRequestFactory factory = new DeadlineAwareRequestFactory(httpClient, settings);
        factory.setConnectTimeout(connectMillis);
        factory.setReadTimeout(readMillis);
        factory.setConnectionRequestTimeout(connectMillis);
        return factory;
    }

    /**
     * Each attempt's timeouts are the client's own, cut to what is left of the user's
     * request ({@link RequestDeadline}); Spring asks for a context per attempt, so a
     * retry gets only the time still left.
     */
    private static final class DeadlineAwareRequestFactory extends HttpComponentsClientHttpRequestFactory {

        private final JiraClientSettings settings;

        DeadlineAwareRequestFactory(CloseableHttpClient httpClient, JiraClientSettings settings) {
            super(httpClient);
            this.settings = settings;
        }

        @Override
        protected HttpContext createHttpContext(HttpMethod httpMethod, URI uri) {
            if (RequestDeadline.current().isEmpty()) {
                return null; // the client's own timeouts
            }
            int connectMillis = Math.toIntExact(RequestDeadline.cut(settings.connectTimeout()).toMillis());
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(connectMillis)
                .setConnectionRequestTimeout(connectMillis)
                .setSocketTimeout(Math.toIntExact(RequestDeadline.cut(settings.readTimeout()).toMillis()))
                .build());
            return context;
        }

    }

    /**
     * A template that sends relative URIs (or URIs under {@code rootUri} when given)
     * through {@code first} (ACSB's signing interceptors) and then the retry interceptor,
     * which must come last. Template variables are encoded strictly, so JQL with
     * {@code &} or {@code +} survives.
     */
    static RestTemplate create(ClientHttpRequestFactory requestFactory, String rootUri,
            List<ClientHttpRequestInterceptor> first, RetryInterceptor retry) {
        RestTemplate template = new RestTemplate(requestFactory);
        DefaultUriBuilderFactory uris = rootUri == null ? new DefaultUriBuilderFactory()
                : new DefaultUriBuilderFactory(rootUri);
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
        template.setUriTemplateHandler(uris);
        List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>(first);
        interceptors.removeIf(RetryInterceptor.class::isInstance);
        interceptors.add(retry);
        template.setInterceptors(interceptors);
        return template;
    }

}
