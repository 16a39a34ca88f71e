package dev.throughline.support;

import com.atlassian.connect.spring.AtlassianHost;
import com.atlassian.connect.spring.AtlassianHostUser;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * For @WebMvcTest slices, which have no ACSB filters: puts the principal ACSB would have
 * verified into the security context and a token carrying the matching qsh into the
 * request, so the app's own token rules and {@code Caller} resolution run as in
 * production. Full-context tests sign real tokens instead.
 */
public final class SliceAuth {

    public static final String CLIENT_KEY = "slice-site";

    public static final String BASE_URL = "https://slice.atlassian.net";

    private SliceAuth() {
    }

    /** A context-token request (the iframe API) by {@code accountId}. */
    public static RequestPostProcessor contextUser(String accountId) {
        return as(accountId, "context-qsh");
    }

    /** A request-bound token (pages), as Jira signs iframe URLs. */
    public static RequestPostProcessor pageUser(String accountId) {
        return as(accountId, "0123456789abcdef");
    }

    private static RequestPostProcessor as(String accountId, String qsh) {
        return request -> {
            AtlassianHost host = new AtlassianHost();
            host.setClientKey(CLIENT_KEY);
            host.setBaseUrl(BASE_URL);
            host.setSharedSecret("slice-secret-slice-secret-slice-secret");
            host.setAddonInstalled(true);
            AtlassianHostUser user = AtlassianHostUser.builder(host).withUserAccountId(accountId).build();
            SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_JWT"));
            String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("{\"iss\":\"" + CLIENT_KEY + "\",\"sub\":\"" + accountId + "\",\"qsh\":\"" + qsh + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            request.addHeader("Authorization", "JWT e30." + payload + ".unsigned");
            return request;
        };
    }

    public static void clear() {
        SecurityContextHolder.clearContext();
    }

}
