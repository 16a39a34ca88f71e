package dev.throughline.jira;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Items of a paged Jira resource, fetching a page only when the items before it are used
 * up. {@code C} is the cursor: a nextPageToken or a startAt.
 */
final class LazyPages<C, T> implements Iterator<T> {

    /** One page and the cursor of the next, empty on the last page. */
    record Page<C, T>(List<T> items, Optional<C> next) {
    }

    private final Function<Optional<C>, Page<C, T>> fetch;

    private Iterator<T> current = List.<T>of().iterator();

    private Optional<C> next = Optional.empty();

    private boolean started;

    private LazyPages(Function<Optional<C>, Page<C, T>> fetch) {
        this.fetch = fetch;
    }

    static <C, T> Stream<T> stream(Function<Optional<C>, Page<C, T>> fetch) {
        Iterator<T> items = new LazyPages<>(fetch);
        return StreamSupport
            .stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && (!started || next.isPresent())) {
            Optional<C> cursor = next;
            Page<C, T> page = fetch.apply(cursor);
            started = true;
            current = page.items().iterator();
            next = page.next();
            if (next.isPresent() && next.equals(cursor)) {
                throw new IllegalStateException("Jira returned the same page cursor twice: " + cursor.get());
            }
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

}
