package dev.throughline.program.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The fetches under way, one per {@link FetchKey}: requests for the same program share
 * one, and a request waits for it only as long as it may. A fetch that outlives its
 * request goes on; when it succeeds it is handed to the cache ({@code store}) and
 * forgotten here. A failed fetch stays here until a request has been told: the requests
 * waiting for it when it fails, or else the next one, get its failure, and the request
 * after that starts afresh.
 */
final class RollupFlights {

    private record Flight(CompletableFuture<Fetched> result, FetchProgress progress, long generation) {
    }

    private final Map<FetchKey, Flight> flights = new ConcurrentHashMap<>();

    private final BiConsumer<FetchKey, Fetched> store;

    private final LongSupplier generation;

    /**
     * @param generation counts the invalidations of cached fetches: a fetch that began
     * before one is neither stored nor shared once it ended, as it may have read the read
     * model before the change that invalidated it
     */
    RollupFlights(BiConsumer<FetchKey, Fetched> store, LongSupplier generation) {
        this.store = store;
        this.generation = generation;
    }

    /**
     * The fetch of {@code key}: the one under way (or its unreported failure), else one
     * begun by {@code start}.
     * @param patience how long to wait for it; empty: until it ends
     * @throws StillReadingException when it did not end in time (it goes on)
     */
    Fetched await(FetchKey key, Function<FetchProgress, CompletableFuture<Fetched>> start,
            Optional<Duration> patience) {
        flights.computeIfPresent(key,
                (k, ended) -> ended.result().isDone() && ended.generation() != generation.getAsLong() ? null : ended);
        Flight flight = flights.computeIfAbsent(key, k -> {
            FetchProgress progress = new FetchProgress();
            long begun = generation.getAsLong();
            Flight started = new Flight(start.apply(progress), progress, begun);
            // stored before it is forgotten here, so a request always finds one or the
            // other; off this thread,
            // since a fetch that ended already would otherwise run this inside
            // computeIfAbsent. A failure stays
            // here for a request to report.
            started.result().thenAcceptAsync(fetched -> {
                if (begun == generation.getAsLong()) {
                    store.accept(key, fetched);
                }
                flights.remove(key, started);
            });
            return started;
        });
        try {
            return patience.isEmpty() ? flight.result().get()
                    : flight.result().get(Math.max(0, patience.get().toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            throw new StillReadingException(flight.progress().read.get(), flight.progress().approximateTotal);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the program's fetch", e);
        }
        catch (ExecutionException e) {
            flights.remove(key, flight); // reported now: the next request reads Jira
                                         // again
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** The progress of the fetch of {@code key} while it runs. */
    Optional<FetchProgress> running(FetchKey key) {
        Flight flight = flights.get(key);
        return flight == null || flight.result().isDone() ? Optional.empty() : Optional.of(flight.progress());
    }

}
