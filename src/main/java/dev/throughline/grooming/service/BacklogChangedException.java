package dev.throughline.grooming.service;

import java.util.List;

/**
 * The backlog is no longer in the order the client read (409); carries the current order.
 */
public class BacklogChangedException extends RuntimeException {

    private final List<String> current;

    public BacklogChangedException(List<String> current) {
        super("The backlog changed since you read it; nothing was moved. Reload it and try again.");
        this.current = List.copyOf(current);
    }

    public List<String> current() {
        return current;
    }

}
