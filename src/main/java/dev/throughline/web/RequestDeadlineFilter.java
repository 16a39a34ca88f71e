package dev.throughline.web;

import dev.throughline.jira.CallFeature;
import dev.throughline.jira.JiraCallContext;
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
 * included, and books those calls to the request's feature as calls a user waits on
 * (Jira's webhooks: background).
 */
final class RequestDeadlineFilter extends OncePerRequestFilter {

    private final Duration budget;

    RequestDeadlineFilter(Duration budget) {
        this.budget = budget;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try (RequestDeadline ignored = RequestDeadline.start(budget);
                JiraCallContext calls = CallFeatures.isWebhook(path)
                        ? JiraCallContext.background(CallFeature.BACKGROUND)
                        : JiraCallContext.user(CallFeatures.of(path))) {
            chain.doFilter(request, response);
        }
    }

}
