package dev.throughline.program.service;

import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.Unlocked;
import dev.throughline.program.store.ProgramJiraStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClientSettings;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.SearchPage;
import dev.throughline.jira.SearchRequest;
import dev.throughline.tenant.Site;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The production Jira client (pooled Apache HttpClient, retry interceptor,
 * {@code RestJiraClient}) pointed at a sandbox base URL, without Spring or ACSB. The
 * builders are package-private in {@code dev.throughline.jira} (ClientAgainstSandboxTest
 * calls them from that package), so the benchmark reaches them reflectively.
 */
final class BenchJira {

    /**
     * One HTTP exchange as the app saw it (after retries, before signing would happen).
     */
    /**
     * One request; {@code thread} is the client thread that sent it (a worker of the
     * fetch).
     */
    record Exchange(String method, String path, long startNanos, long endNanos, String thread) {
    }

    /**
     * Records every request the client sends; placed before the retry interceptor like
     * ACSB's signers.
     */
    static final class Recorder implements ClientHttpRequestInterceptor {

        final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            long start = System.nanoTime();
            try {
                return execution.execute(request, body);
            }
            finally {
                exchanges.add(new Exchange(String.valueOf(request.getMethod()), request.getURI().getPath(), start,
                        System.nanoTime(), Thread.currentThread().getName()));
            }
        }

    }

    private BenchJira() {
    }

    static JiraClient client(String baseUrl, ClientHttpRequestInterceptor recorder) {
        try {
            JiraClientSettings settings = JiraClientSettings.defaults();
            Class<?> templates = Class.forName("dev.throughline.jira.JiraRestTemplates");
            Method factory = templates.getDeclaredMethod("requestFactory", JiraClientSettings.class);
            factory.setAccessible(true);
            ClientHttpRequestFactory requests = (ClientHttpRequestFactory) factory.invoke(null, settings);
            Class<?> retryType = Class.forName("dev.throughline.jira.RetryInterceptor");
            Constructor<?> retryCtor = retryType.getDeclaredConstructor(JiraClientSettings.class);
            retryCtor.setAccessible(true);
            Object retry = retryCtor.newInstance(settings);
            Method create = templates.getDeclaredMethod("create", ClientHttpRequestFactory.class, String.class,
                    List.class, retryType);
            create.setAccessible(true);
            RestTemplate rest = (RestTemplate) create.invoke(null, requests, baseUrl, List.of(recorder), retry);
            Class<?> clientType = Class.forName("dev.throughline.jira.RestJiraClient");
            Constructor<?> clientCtor = clientType.getDeclaredConstructor(RestTemplate.class, String.class,
                    JiraClientSettings.class);
            clientCtor.setAccessible(true);
            return (JiraClient) clientCtor.newInstance(rest, "throughline", settings);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the Jira client for the benchmark", e);
        }
    }

    /**
     * Changes a search page the client answered, given the request and the page token it
     * was asked with.
     */
    interface PageChange {

        SearchPage apply(SearchRequest request, Optional<String> token, SearchPage page);

    }

    /** The client, with every search page it answers passed through {@code change}. */
    @SuppressWarnings("unchecked")
    static JiraClient changingSearchPages(JiraClient client, PageChange change) {
        return (JiraClient) Proxy.newProxyInstance(JiraClient.class.getClassLoader(),
                new Class<?>[] { JiraClient.class }, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(client, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return method.getName().equals("searchPage")
                            ? change.apply((SearchRequest) args[0], (Optional<String>) args[1], (SearchPage) answer)
                            : answer;
                });
    }

    /**
     * JiraClients that hands out one fixed client (its ACSB collaborators are never
     * used).
     */
    static JiraClients clients(JiraClient client) {
        return new JiraClients(null, null, JiraClientSettings.defaults(), "throughline") {
            @Override
            public JiraClient forSite(Site site) {
                return client;
            }
        };
    }

    /** A program service over the client, with no locks and no other instance to tell. */
    static ProgramService programs(JiraClient client) {
        return new ProgramService(clients(client), new ProgramJiraStore(), caller -> true, new Unlocked(),
                ChangeFeed.alone());
    }

    /**
     * The heap's memory pools after a collection, their peaks reset: read them after a
     * step.
     */
    static List<MemoryPoolMXBean> heapPeaksFromNow() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
            .stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        return heap;
    }

}
