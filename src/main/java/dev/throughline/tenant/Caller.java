package dev.throughline.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: the site the request was signed for and, when Jira sent one, the user's
 * accountId. Controllers declare a {@code Caller} parameter; the connect package fills it
 * from the verified JWT.
 */
public record Caller(Site site, Optional<String> accountId) {

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
