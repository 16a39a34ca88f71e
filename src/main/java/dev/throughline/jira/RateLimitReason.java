package dev.throughline.jira;

import java.util.Arrays;

/**
 * Why Jira answered 429, from its {@code RateLimit-Reason} header; each asks for a
 * different answer (see {@link RateLimits}).
 */
public enum RateLimitReason {

    /** Per tenant, endpoint and method, per second: slow that endpoint only. */
    BURST("jira-burst-based"),
    /** Too many writes to one issue (20 per 2 s, 100 per 30 s): space writes to it. */
    PER_ISSUE_ON_WRITE("jira-per-issue-on-write"),
    /** The app's hourly points quota, shared by all its sites: stop until the reset. */
    QUOTA_GLOBAL("jira-quota-global-based"),
    /** The site's own hourly points quota: stop that site until the reset. */
    QUOTA_TENANT("jira-quota-tenant-based"),
    /** No reason given, or one this app does not know: retried as before. */
    UNKNOWN("");

    public static final String HEADER = "RateLimit-Reason";

    private final String header;

    RateLimitReason(String header) {
        this.header = header;
    }

    /** The header's value, e.g. {@code jira-quota-tenant-based}. */
    public String headerValue() {
        return header;
    }

    public boolean isQuota() {
        return this == QUOTA_GLOBAL || this == QUOTA_TENANT;
    }

    public static RateLimitReason of(String value) {
        String v = value == null ? "" : value.strip();
        return Arrays.stream(values())
            .filter(reason -> reason != UNKNOWN && reason.header.equalsIgnoreCase(v))
            .findFirst()
            .orElse(UNKNOWN);
    }

}
