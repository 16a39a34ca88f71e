package dev.throughline.web;

import com.atlassian.connect.spring.IgnoreJwt;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Public liveness for load balancers. ACSB puts the actuator paths behind HTTP basic, so
 * the app answers here itself, reporting the actuator's aggregate (database included)
 * without details.
 */
@RestController
class HealthController {

    private final HealthEndpoint health;

    HealthController(HealthEndpoint health) {
        this.health = health;
    }

    @IgnoreJwt
    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        HttpStatus http = Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(http).body(Map.of("status", status.getCode()));
    }

}
