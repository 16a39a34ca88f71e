package dev.throughline.forge;

import dev.throughline.jira.SiteTokens;
import dev.throughline.tenant.Site;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Optional;

/**
 * The Jira tokens Forge sent with the invocation being served
 * ({@code x-forge-oauth-system}, {@code x-forge-oauth-user}), kept as a request attribute
 * by {@link ForgeDoorFilter} and never stored: a token serves only the request that
 * brought it. All our Jira calls go as the app (the system token), exactly as the Connect
 * door's JWT-signed calls: the user's view is applied by the app's own permission checks
 * for the token's principal, which are the stricter rules (a score needs Edit issues,
 * themes need a planner).
 */
@Component
class ForgeRequestTokens implements SiteTokens {

    static final String ATTRIBUTE = ForgeRequestTokens.class.getName();

    /** The tokens of one invocation, for the site it was verified for. */
    record Tokens(String siteKey, Optional<String> system, Optional<String> user) {
    }

    @Override
    public Optional<String> appToken(Site site) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null
                || !(attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Tokens tokens)) {
            return Optional.empty();
        }
        // a token is only ever used for the site its invocation was verified for
        return tokens.siteKey().equals(site.clientKey()) ? tokens.system() : Optional.empty();
    }

}
