package dev.throughline.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An issue's priority, resolution, labels and components. Derived from the issue's id
 * (and resolution from its status), not drawn from the generator's random stream, so
 * every site, the demo's included, keeps the issues and numbers it had before these
 * fields existed; a status edit moves the resolution as Jira's workflow does.
 */
public final class IssueOptions {

    /** A field value Jira names and numbers (priority, resolution, component). */
    public record Option(String id, String name) {
    }

    /** Jira Cloud's default priorities. */
    public static final List<Option> PRIORITIES = List.of(new Option("1", "Highest"), new Option("2", "High"),
            new Option("3", "Medium"), new Option("4", "Low"), new Option("5", "Lowest"));

    public static final List<Option> RESOLUTIONS = List.of(new Option("10000", "Done"),
            new Option("10002", "Duplicate"), new Option("10003", "Cannot Reproduce"));

    public static final List<String> LABELS = List.of("backend", "frontend", "tech-debt", "Customer");

    public static final List<Option> COMPONENTS = List.of(new Option("10100", "API"), new Option("10101", "Web UI"),
            new Option("10102", "data"));

    private IssueOptions() {
    }

    public static Option priority(SandboxIssue issue) {
        return PRIORITIES.get(mix(issue.id(), 1) % PRIORITIES.size());
    }

    /** Empty unless the issue is done (unresolved). */
    public static Optional<Option> resolution(SandboxIssue issue) {
        return issue.status().done() ? Optional.of(RESOLUTIONS.get(mix(issue.id(), 2) % RESOLUTIONS.size()))
                : Optional.empty();
    }

    /** None, one or two, in a fixed order. */
    public static List<String> labels(SandboxIssue issue) {
        return some(LABELS, mix(issue.id(), 3));
    }

    public static List<Option> components(SandboxIssue issue) {
        return some(COMPONENTS, mix(issue.id(), 4));
    }

    private static <T> List<T> some(List<T> all, int bits) {
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < all.size() && chosen.size() < 2; i++) {
            if ((bits >> (i * 2) & 3) == 0) {
                chosen.add(all.get(i));
            }
        }
        return chosen;
    }

    private static int mix(long id, int salt) {
        long z = (id + salt * 0x632BE59BD9B4E019L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (int) ((z ^ (z >>> 29)) >>> 33);
    }

}
