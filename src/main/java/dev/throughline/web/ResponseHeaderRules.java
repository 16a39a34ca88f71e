package dev.throughline.web;

import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Headers set before anything else writes: a Content-Security-Policy on every answer (who
 * may frame our pages, where scripts may come from), and the caching of static assets. A
 * static URL carrying its content hash ({@code /js/roadmap-<md5>.js}, what the templates
 * emit) never changes, so it is cached for a year; the same asset without a hash is
 * revalidated every time. Everything else keeps Spring Security's {@code no-store}, which
 * it writes only when no {@code Cache-Control} was set.
 */
final class ResponseHeaderRules extends OncePerRequestFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/images/", "/webjars/");

    private static final Pattern CONTENT_HASH = Pattern.compile("-[0-9a-f]{32}\\.[^/.]+$");

    private final String contentSecurityPolicy;

    ResponseHeaderRules(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /**
     * Scripts only from us and Connect's all.js; frames only inside Jira; no plugins; no
     * base-URL tricks.
     */
    static String contentSecurityPolicy(String frameAncestors, String allJsOrigin) {
        String scripts = allJsOrigin.isEmpty() ? "'self'" : "'self' " + allJsOrigin;
        return "script-src " + scripts + "; object-src 'none'; base-uri 'self'; frame-ancestors " + frameAncestors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (STATIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            response.setHeader("Cache-Control", CONTENT_HASH.matcher(path).find() ? IMMUTABLE : REVALIDATE);
        }
        chain.doFilter(request, response);
    }

}
