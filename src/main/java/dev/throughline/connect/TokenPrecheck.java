package dev.throughline.connect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Runs before ACSB's JWT filters and refuses, with a 401, a token that is not a JWT,
 * names no issuer (ACSB answered those with a 500) or breaks {@link TokenLifetimeRule}.
 * Only refuses: a token that passes is still verified by ACSB. Each refusal is logged
 * with the token's {@link TokenFingerprint}, never the token.
 */
final class TokenPrecheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenPrecheck.class);

    private final Clock clock;

    TokenPrecheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = TokenClaims.rawToken(request);
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Map<String, Object>> claims = TokenClaims.decode(token.get());
        Optional<String> refusal = claims.isEmpty() ? Optional.of("it is not a well-formed JWT.")
                : TokenLifetimeRule.refusal(claims.get(), clock.instant());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused a Connect JWT ({}) on {} {}: {}", TokenFingerprint.of(token.get(), claims.orElse(Map.of())),
                request.getMethod(), request.getRequestURI(), refusal.get());
        ConnectTokenRules.refuse(response, "The Connect JWT was refused: " + refusal.get());
    }

}
