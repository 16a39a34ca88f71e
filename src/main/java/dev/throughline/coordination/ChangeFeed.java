package dev.throughline.coordination;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells the other app instances that something they may hold in a cache changed (a site's
 * settings, a program, the issues of a project …), so they drop their copy. The instance
 * that made the change drops its own copy itself, at once; {@link #publish} records the
 * change for the others, whose subscribers hear it within the feed's bound (see
 * {@code throughline.coordination.*} in README).
 *
 * <p>
 * A topic names a kind of change, an item what changed ("" when the whole site's copy is
 * stale). Topics are the features' own constants; the feed does not interpret them.
 */
public interface ChangeFeed {

    /** One change of {@code topic} on a site: {@code item} changed. */
    record Change(String siteKey, String topic, String item) {
    }

    void publish(String siteKey, String topic, Collection<String> items);

    default void publish(String siteKey, String topic, String item) {
        publish(siteKey, topic, List.of(item));
    }

    /**
     * {@code listener} hears every change of {@code topic} made by another instance (on
     * the feed's thread).
     */
    void subscribe(String topic, Consumer<Change> listener);

    /** A feed for a lone instance (unit tests): there is nobody else to tell. */
    static ChangeFeed alone() {
        return new ChangeFeed() {
            @Override
            public void publish(String siteKey, String topic, Collection<String> items) {
                // no other instance
            }

            @Override
            public void subscribe(String topic, Consumer<Change> listener) {
                // no other instance publishes
            }
        };
    }

}
