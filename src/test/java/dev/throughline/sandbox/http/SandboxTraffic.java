package dev.throughline.sandbox.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the sandbox saw and what it should do next: per-endpoint counters, recent requests
 * with their Authorization header, and queued faults. Thread-safe.
 */
public final class SandboxTraffic {

    static final int RECENT_LIMIT = 10_000;

    private final Map<String, Integer> received = new HashMap<>();

    private final Map<String, Integer> served = new HashMap<>();

    private final Map<String, Deque<Fault>> faults = new HashMap<>();

    private final Map<String, Integer> passes = new HashMap<>();

    private final Map<String, String> lastAuthorization = new HashMap<>();

    private final Deque<RecordedRequest> recent = new ArrayDeque<>();

    /** A request as received; {@code status} is what the sandbox answered. */
    public record RecordedRequest(String endpoint, String method, String url, String authorization, int status) {
        public RecordedRequest {
            Objects.requireNonNull(endpoint);
            Objects.requireNonNull(method);
            Objects.requireNonNull(url);
        }
    }

    /**
     * An injected failure; retryAfterSeconds null means no Retry-After header; headers:
     * more headers of the answer (a 429's reason and quota).
     */
    record Fault(int status, Integer retryAfterSeconds, Map<String, String> headers) {
        Fault {
            if (status < 400 || status > 599)
                throw new IllegalArgumentException("faults are 4xx/5xx: " + status);
            if (retryAfterSeconds != null && retryAfterSeconds < 0)
                throw new IllegalArgumentException("negative Retry-After");
            headers = Map.copyOf(headers);
        }

        Fault(int status, Integer retryAfterSeconds) {
            this(status, retryAfterSeconds, Map.of());
        }
    }

    synchronized void failNext(String endpoint, int times, Fault fault) {
        Deque<Fault> queue = faults.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++)
            queue.add(fault);
    }

    /**
     * Queues faults that start after {@code passing} more requests to the endpoint were
     * served normally.
     */
    synchronized void failAfter(String endpoint, int passing, int times, Fault fault) {
        passes.merge(endpoint, passing, Integer::sum);
        failNext(endpoint, times, fault);
    }

    /**
     * Counts the request and hands back the fault it must answer with, if one is queued.
     */
    synchronized Fault receive(String endpoint, String authorization) {
        received.merge(endpoint, 1, Integer::sum);
        if (authorization != null) {
            lastAuthorization.put(endpoint, authorization);
            lastAuthorization.put("*", authorization);
        }
        if (passes.getOrDefault(endpoint, 0) > 0) {
            passes.merge(endpoint, -1, Integer::sum);
            return null;
        }
        Deque<Fault> queue = faults.get(endpoint);
        return queue == null ? null : queue.poll();
    }

    synchronized void record(RecordedRequest request, boolean servedByModel) {
        if (servedByModel)
            served.merge(request.endpoint(), 1, Integer::sum);
        recent.addLast(request);
        if (recent.size() > RECENT_LIMIT)
            recent.removeFirst();
    }

    synchronized int received(String endpoint) {
        return received.getOrDefault(endpoint, 0);
    }

    synchronized int served(String endpoint) {
        return served.getOrDefault(endpoint, 0);
    }

    synchronized Map<String, Integer> receivedCounts() {
        return new TreeMap<>(received);
    }

    synchronized String lastAuthorization(String endpoint) {
        return lastAuthorization.get(endpoint);
    }

    synchronized List<RecordedRequest> recent() {
        return new ArrayList<>(recent);
    }

    synchronized int pendingFaults(String endpoint) {
        return faults.getOrDefault(endpoint, new ArrayDeque<>()).size();
    }

    synchronized void reset() {
        received.clear();
        served.clear();
        faults.clear();
        passes.clear();
        lastAuthorization.clear();
        recent.clear();
    }

}
