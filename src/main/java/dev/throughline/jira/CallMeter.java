package dev.throughline.jira;

import dev.throughline.tenant.Site;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Optional;

/**
 * One site's meter on every attempt the retry interceptor sends: before it, the rate
 * limits Jira taught us ({@link RateLimits#admit}); after it, the call's points
 * ({@link PointCost}, from the answer's body, which is kept for the caller), the quota
 * Jira reported, and a 429's reason, all handed to the {@link JiraCallListener}.
 */
final class CallMeter {

    static final CallMeter NONE = new CallMeter(null, null, JiraCallListener.NONE);

    private final Site site;

    private final RateLimits limits;

    private final JiraCallListener listener;

    CallMeter(Site site, RateLimits limits, JiraCallListener listener) {
        this.site = site;
        this.limits = limits;
        this.listener = listener;
    }

    void beforeSend(HttpRequest request) throws IOException {
        if (limits == null) {
            return;
        }
        try {
            limits.admit(site.clientKey(), request.getMethodValue(), request.getURI().getPath(), isWrite(request),
                    JiraCallContext.current());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pacing a Jira call");
        }
    }

    /** The answer, its body read into memory when it is needed to price the call. */
    ClientHttpResponse answered(HttpRequest request, ClientHttpResponse response) throws IOException {
        if (limits == null) {
            return response;
        }
        String path = request.getURI().getPath();
        int status = response.getRawStatusCode();
        HttpHeaders headers = response.getHeaders();
        boolean write = isWrite(request);
        Optional<RateLimitReason> refused = Optional.empty();
        if (status == 429) {
            RateLimitReason reason = RateLimitReason.of(headers.getFirst(RateLimitReason.HEADER));
            limits.refused(site.clientKey(), request.getMethodValue(), path, reason, headers);
            refused = Optional.of(reason);
        }
        byte[] body = !write && status < 300 && PointCost.countsObjects(path)
                ? StreamUtils.copyToByteArray(response.getBody()) : null;
        JiraCallContext context = JiraCallContext.current();
        listener.answered(site,
                new JiraCall(context.feature(), context.userWaiting(), write,
                        RateLimits.endpoint(request.getMethodValue(), path), status,
                        PointCost.of(write, path, status, body), QuotaHeaders.of(headers, limits.now()), refused));
        return body == null ? response : new Kept(response, body);
    }

    static boolean isWrite(HttpRequest request) {
        HttpMethod method = request.getMethod();
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS
                && !ReadOnlyPosts.contains(request.getURI().getPath());
    }

    /** An answer whose body was read to count its objects, handed on as it came. */
    private static final class Kept implements ClientHttpResponse {

        private final ClientHttpResponse response;

        private final byte[] body;

        Kept(ClientHttpResponse response, byte[] body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public HttpStatus getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        @Deprecated
        public int getRawStatusCode() throws IOException {
            return response.getRawStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

    }

}
