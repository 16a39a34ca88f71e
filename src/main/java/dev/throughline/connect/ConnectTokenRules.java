package dev.throughline.connect;

import com.atlassian.connect.spring.AtlassianHostUser;
import dev.throughline.tenant.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The token rules ACSB leaves to the app, applied to every controller after ACSB's
 * filters verified the JWT:
 * <ul>
 * <li>{@code /api/**} is the iframe API: it takes only context JWTs
 * ({@code qsh = "context-qsh"}). This is ACSB's {@code @ContextJwt}, applied by path so
 * that feature packages stay free of Connect types (ACSB's own interceptor is told to
 * skip these paths).</li>
 * <li>every other signed request must carry a {@code qsh} claim (ACSB lets a missing one
 * through).</li>
 * <li>a site that uninstalled the app is refused even though its stored secret still
 * verifies.</li>
 * </ul>
 * A request another door verified (it carries a {@link Caller}) is that door's to rule.
 */
class ConnectTokenRules implements HandlerInterceptor {

    static final String API_PATTERN = "/api/**";

    private static final String CONTEXT_QSH = "context-qsh";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || isConnectInternal(method)
                || request.getDispatcherType() == DispatcherType.ERROR) {
            return true;
        }
        if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) != null) {
            return true; // verified by another door (forge/), which applied its own rules
        }
        Optional<AtlassianHostUser> hostUser = verifiedHostUser();
        boolean api = PATHS.match(API_PATTERN, pathWithinApp(request));
        if (api && hostUser.isEmpty()) {
            return refuse(response, "This API needs a Connect context JWT (Authorization: JWT <token>).");
        }
        if (hostUser.isEmpty()) {
            return true; // unsigned: ACSB's interceptor decides (it refuses unless the
                         // handler is @IgnoreJwt)
        }
        Object qsh = TokenClaims.of(request).map(claims -> claims.get("qsh")).orElse(null);
        if (api && !CONTEXT_QSH.equals(qsh)) {
            return refuse(response, "This API takes a context JWT (qsh \"context-qsh\"), not a request-bound token.");
        }
        if (!api && qsh == null) {
            return refuse(response, "The JWT has no qsh claim.");
        }
        if (!hostUser.get().getHost().isAddonInstalled()) {
            return refuse(response, "Throughline is not installed on this Jira site.");
        }
        return true;
    }

    private static boolean isConnectInternal(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("com.atlassian.connect.");
    }

    private static Optional<AtlassianHostUser> verifiedHostUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AtlassianHostUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    private static String pathWithinApp(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static boolean refuse(HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", "JWT");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, message);
        return false;
    }

}
