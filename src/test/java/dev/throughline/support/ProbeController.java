package dev.throughline.support;

import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Test-only endpoints that show who the app thinks is calling: one page-style, one iframe API. */
@RestController
public class ProbeController {

    @GetMapping("/probe/page")
    Map<String, String> page(Caller caller) {
        return describe(caller);
    }

    @GetMapping("/api/probe/whoami")
    Map<String, String> api(Caller caller) {
        return describe(caller);
    }

    private static Map<String, String> describe(Caller caller) {
        return Map.of("clientKey", caller.site().clientKey(),
                "baseUrl", caller.site().baseUrl().toString(),
                "accountId", caller.accountId().orElse(""));
    }
}
