package dev.throughline.sandboxsite;

import com.atlassian.connect.spring.internal.jwt.CanonicalHttpRequest;
import com.atlassian.connect.spring.internal.jwt.HttpRequestCanonicalizer;
import dev.throughline.support.JiraTokenSigner;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs iframe URLs the way Jira does: a request token whose qsh covers the method, path
 * and query.
 */
final class SandboxSigning {

    private SandboxSigning() {
    }

    static String signedPageUrl(JiraTokenSigner site, String moduleUrl, Map<String, String> hostParams,
            String accountId) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(moduleUrl);
        hostParams.forEach(builder::queryParam);
        UriComponents unsigned = builder.build();
        Map<String, String[]> parameters = new LinkedHashMap<>();
        unsigned.getQueryParams().forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        String qsh = queryHash(unsigned.getPath(), parameters);
        String token = site.requestTokenWithHash(qsh, accountId);
        return builder.queryParam("jwt", token).encode().build().toUriString();
    }

    private static String queryHash(String path, Map<String, String[]> parameters) {
        CanonicalHttpRequest request = new CanonicalHttpRequest() {
            @Override
            public String getMethod() {
                return "GET";
            }

            @Override
            public String getRelativePath() {
                return path;
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return parameters;
            }
        };
        try {
            return HttpRequestCanonicalizer.computeCanonicalRequestHash(request);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> hostParams(String hostOrigin) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("xdm_e", hostOrigin);
        params.put("lic", "none");
        return params;
    }

}
