package dev.throughline.web;

import dev.throughline.jira.RequestDeadline;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Gives every user request one deadline for all its Jira calls, retries and pauses
 * included.
 */
final class RequestDeadlineFilter extends OncePerRequestFilter {

    private final Duration budget;

    RequestDeadlineFilter(Duration budget) {
        this.budget = budget;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (RequestDeadline ignored = RequestDeadline.start(budget)) {
            chain.doFilter(request, response);
        }
    }

}
