package dev.throughline.forge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's own Forge life cycle events ({@code avi:forge:installed:app},
 * {@code avi:forge:uninstalled:app}), sent by the manifest's triggers to these remote
 * endpoints with a Forge Invocation Token. The site is taken from the verified token
 * ({@code app.installationId}, {@code context.cloudId}, {@code app.apiBaseUrl}), never
 * from the event body.
 */
@RestController
class ForgeLifecycleController {

    static final String INVOCATION_ATTRIBUTE = "dev.throughline.forge.Invocation";

    private static final Logger log = LoggerFactory.getLogger(ForgeLifecycleController.class);

    private final ForgeInstallations installations;

    ForgeLifecycleController(ForgeInstallations installations) {
        this.installations = installations;
    }

    @PostMapping(ForgeDoorFilter.INSTALLED_PATH)
    ResponseEntity<Void> installed(@RequestAttribute(INVOCATION_ATTRIBUTE) Invocation invocation) {
        installations.installed(invocation);
        log.info("Forge installation {} on cloudId {} installed", invocation.installationId(), invocation.cloudId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/forge/lifecycle/uninstalled")
    ResponseEntity<Void> uninstalled(@RequestAttribute(INVOCATION_ATTRIBUTE) Invocation invocation) {
        installations.uninstalled(invocation);
        log.info("Forge installation {} on cloudId {} uninstalled", invocation.installationId(), invocation.cloudId());
        return ResponseEntity.noContent().build();
    }

}
