package dev.throughline.jira;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Retries 429 and 503 (after {@code Retry-After} when Jira sends one, else exponential
 * backoff with full jitter) and timeouts/IO errors, within a cap on attempts and on total
 * waiting.
 * <p>
 * Must be the LAST interceptor: Spring re-executes only the innermost step, so each retry
 * re-sends the request exactly as the signing interceptor left it.
 * <p>
 * Writes are not repeated if Jira may have applied them: a POST (other than
 * {@link ReadOnlyPosts}) is retried only after 429, never after 503, a timeout or an IO
 * error.
 * <p>
 * Inside a user's request ({@link RequestDeadline}) no pause outlasts the deadline, no
 * attempt starts after it, and a failure at the deadline is reported as such
 * ({@link DeadlinePassedException}).
 */
final class RetryInterceptor implements ClientHttpRequestInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);

    private static final int TOO_MANY_REQUESTS = 429;

    private final JiraClientSettings settings;

    private final Sleeper sleeper;

    private final DoubleSupplier random;

    private final CallMeter meter;

    RetryInterceptor(JiraClientSettings settings, Sleeper sleeper, DoubleSupplier random, CallMeter meter) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
        this.meter = meter;
    }

    RetryInterceptor(JiraClientSettings settings, Sleeper sleeper, DoubleSupplier random) {
        this(settings, sleeper, random, CallMeter.NONE);
    }

    /**
     * Unmetered: the program benchmark builds its client so (by reflection, from another
     * package).
     */
    RetryInterceptor(JiraClientSettings settings) {
        this(settings, Sleeper.REAL, Math::random);
    }

    RetryInterceptor(JiraClientSettings settings, CallMeter meter) {
        this(settings, Sleeper.REAL, Math::random, meter);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        boolean mayRepeat = mayRepeatAfterFailure(request);
        Duration waited = Duration.ZERO;
        for (int attempt = 1;; attempt++) {
            if (RequestDeadline.current().filter(RequestDeadline::passed).isPresent()) {
                throw new DeadlinePassedException("not sent: the request's time for Jira is used up", false, null);
            }
            ClientHttpResponse response;
            try {
                meter.beforeSend(request);
                response = meter.answered(request, execution.execute(request, body));
            }
            catch (IOException e) {
                Optional<Duration> wait = mayRepeat ? nextWait(attempt, waited, Optional.empty()) : Optional.empty();
                if (wait.isEmpty()) {
                    throw outOfTime(e, CallMeter.isWrite(request)).orElse(e);
                }
                log.info("{} {} failed ({}); retrying in {} ms (attempt {} of {})", request.getMethod(),
                        request.getURI().getPath(), e.toString(), wait.get().toMillis(), attempt + 1,
                        settings.maxAttempts());
                waited = waited.plus(pause(wait.get(), e));
                continue;
            }
            int status = response.getRawStatusCode();
            // a used-up points quota comes back only at its reset:
            // waiting here would hold the caller for nothing
            boolean quota = status == TOO_MANY_REQUESTS
                    && RateLimitReason.of(response.getHeaders().getFirst(RateLimitReason.HEADER)).isQuota();
            boolean retryable = !quota && (status == TOO_MANY_REQUESTS || (isUnavailable(status) && mayRepeat));
            if (!retryable) {
                return response;
            }
            Optional<Duration> wait = nextWait(attempt, waited, RetryAfter.parse(response.getHeaders()));
            if (wait.isEmpty()) {
                return response; // the caller maps the final 429/503 to an exception
            }
            response.close();
            log.info("{} {} answered {}; retrying in {} ms (attempt {} of {})", request.getMethod(),
                    request.getURI().getPath(), status, wait.get().toMillis(), attempt + 1, settings.maxAttempts());
            waited = waited.plus(pause(wait.get(), null));
        }
    }

    /**
     * 503 is the documented "try later"; 502 and 504 are the same thing said by a
     * gateway.
     */
    private static boolean isUnavailable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static boolean mayRepeatAfterFailure(HttpRequest request) {
        HttpMethod method = request.getMethod();
        return method != HttpMethod.POST && method != HttpMethod.PATCH
                || ReadOnlyPosts.contains(request.getURI().getPath());
    }

    /**
     * A failure that ended because the user's request ran out of time says so (and
     * whether Jira may have written).
     */
    private static Optional<IOException> outOfTime(IOException failure, boolean write) {
        return RequestDeadline.current()
            .filter(deadline -> deadline.remaining().compareTo(settleMargin()) <= 0)
            .map(deadline -> new DeadlinePassedException(
                    "no answer within the request's " + deadline.budget().toMillis() + " ms for Jira", write, failure));
    }

    /**
     * A timeout cut to the deadline fires at about the deadline; a few ms left count as
     * none.
     */
    private static Duration settleMargin() {
        return Duration.ofMillis(50);
    }

    /**
     * Empty when the attempts or the waiting budget are used up, or when the pause would
     * not end before the request's deadline (waiting only to fail would hold the user for
     * nothing).
     */
    private Optional<Duration> nextWait(int attempt, Duration waited, Optional<Duration> retryAfter) {
        if (attempt >= settings.maxAttempts()) {
            return Optional.empty();
        }
        Duration wait = retryAfter.orElseGet(() -> backoff(attempt));
        if (waited.plus(wait).compareTo(settings.maxTotalWait()) > 0) {
            return Optional.empty();
        }
        if (RequestDeadline.current().filter(deadline -> wait.compareTo(deadline.remaining()) >= 0).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    /** Full jitter: uniformly between 0 and min(max, initial * 2^(attempt-1)). */
    private Duration backoff(int attempt) {
        long initial = settings.initialBackoff().toMillis();
        long ceiling = settings.maxBackoff().toMillis();
        long exponential = attempt >= 31 ? ceiling : Math.min(ceiling, initial << (attempt - 1));
        return Duration.ofMillis((long) (random.getAsDouble() * exponential));
    }

    private Duration pause(Duration wait, IOException cause) throws IOException {
        try {
            sleeper.sleep(wait);
            return wait;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
            if (cause != null) {
                interrupted.addSuppressed(cause);
            }
            throw interrupted;
        }
    }

}
