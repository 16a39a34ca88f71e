package dev.throughline.connect;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * ACSB's signed-install filter lets a failed RS256 verification (bad signature, wrong
 * {@code aud}, unknown {@code kid}) escape as an exception, which the container would
 * report as a 500. This filter sits just outside it and turns those failures into a 401
 * with the usual JSON error body; nothing is stored.
 */
class LifecycleAuthenticationFailures extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (AuthenticationException e) {
            if (response.isCommitted()) {
                throw e;
            }
            request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, e);
            response.setHeader("WWW-Authenticate", "JWT");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                    "The lifecycle callback's JWT could not be verified: " + TokenFingerprint.scrub(e.getMessage()));
        }
    }

}
