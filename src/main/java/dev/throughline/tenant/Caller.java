package dev.throughline.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: the site the request was signed for and, when Jira sent one, the user's
 * accountId. Controllers declare a {@code Caller} parameter; the door that verified the
 * request fills it: connect/ from the Connect JWT, forge/ from the Forge Invocation
 * Token.
 */
public record Caller(Site site, Optional<String> accountId) {

    /**
     * The request attribute under which the door that verified a request leaves its
     * caller; controllers get it as a parameter (the one resolver in connect/ reads it).
     */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(accountId, "accountId");
    }

    public static Caller of(Site site, String accountIdOrNull) {
        return new Caller(site, Optional.ofNullable(accountIdOrNull).filter(id -> !id.isBlank()));
    }

    /**
     * The user's accountId; for user-facing endpoints a token without a user is refused.
     */
    public String requireAccountId() {
        return accountId.orElseThrow(() -> new NoUserInTokenException());
    }

    public static class NoUserInTokenException extends RuntimeException {

        public NoUserInTokenException() {
            super("The token names no Jira user; this endpoint needs one.");
        }

    }
}
