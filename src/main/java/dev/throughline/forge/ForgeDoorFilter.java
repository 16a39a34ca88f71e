package dev.throughline.forge;

import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The Forge door: a request with {@code Authorization: Bearer <FIT>} (or any request to
 * {@code /forge/**}) is served only with a verified Forge Invocation Token of an
 * installed site. The verified {@link Caller} and the invocation's Jira tokens are left
 * as request attributes; ACSB's filters ignore a Bearer header (they read
 * {@code Authorization: JWT} and {@code ?jwt=}), and connect/ lets a request through that
 * another door verified. Every refusal is a 401 JSON answer (the error controller writes
 * it), logged without the token.
 */
final class ForgeDoorFilter extends OncePerRequestFilter {

    static final String FORGE_PATHS = "/forge/";

    static final String INSTALLED_PATH = "/forge/lifecycle/installed";

    static final String SYSTEM_TOKEN_HEADER = "x-forge-oauth-system";

    static final String USER_TOKEN_HEADER = "x-forge-oauth-user";

    private static final Logger log = LoggerFactory.getLogger(ForgeDoorFilter.class);

    private static final String BEARER = "Bearer ";

    private final InvocationTokenVerifier verifier;

    private final ForgeInstallations installations;

    ForgeDoorFilter(InvocationTokenVerifier verifier, ForgeInstallations installations) {
        this.verifier = verifier;
        this.installations = installations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (!bearer && !path.startsWith(FORGE_PATHS)) {
            chain.doFilter(request, response);
            return;
        }
        if (!bearer) {
            refuse(request, response, "This endpoint needs a Forge Invocation Token (Authorization: Bearer).");
            return;
        }
        Invocation invocation;
        try {
            invocation = verifier.verify(header.substring(BEARER.length()).trim());
        }
        catch (InvocationTokenVerifier.RefusedTokenException e) {
            refuse(request, response, "The Forge Invocation Token was refused: " + e.getMessage());
            return;
        }
        Optional<String> refusal = siteRefusal(invocation, path);
        Optional<String> systemToken = header(request, SYSTEM_TOKEN_HEADER);
        if (refusal.isEmpty() && systemToken.isEmpty() && !path.startsWith("/forge/lifecycle/")) {
            refusal = Optional.of("The Forge invocation carries no app system token (" + SYSTEM_TOKEN_HEADER
                    + "); Jira cannot be called.");
        }
        if (refusal.isPresent()) {
            refuse(request, response, refusal.get());
            return;
        }
        Site site = Site.forge(invocation.installationId(), invocation.cloudId(), invocation.apiBaseUrl());
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, Caller.of(site, invocation.accountId().orElse(null)));
        request.setAttribute(ForgeRequestTokens.ATTRIBUTE,
                new ForgeRequestTokens.Tokens(site.clientKey(), systemToken, header(request, USER_TOKEN_HEADER)));
        request.setAttribute(ForgeLifecycleController.INVOCATION_ATTRIBUTE, invocation);
        chain.doFilter(request, response);
    }

    /**
     * An invocation is served only for an installed site whose cloudId it names (the
     * installed event itself excepted: it makes the site).
     */
    private Optional<String> siteRefusal(Invocation invocation, String path) {
        if (path.equals(INSTALLED_PATH)) {
            return Optional.empty();
        }
        Optional<ForgeInstallation> known = installations.find(invocation.installationId());
        if (known.isEmpty() || !known.get().installed()) {
            return Optional.of("Throughline is not installed on this Jira site.");
        }
        if (!known.get().cloudId().equals(invocation.cloudId())) {
            return Optional.of("The Forge Invocation Token names another site than its installation's.");
        }
        return Optional.empty();
    }

    private static Optional<String> header(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getHeader(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        log.info("Refused a Forge request on {} {}: {}", request.getMethod(), request.getRequestURI(), message);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, message);
    }

}
