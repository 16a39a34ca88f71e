package dev.throughline.forge;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/** The Forge installations the app knows, in its own table. */
@Component
class ForgeInstallations {

    @PersistenceContext
    private EntityManager entities;

    private final Clock clock = Clock.systemUTC();

    @Transactional(readOnly = true)
    public Optional<ForgeInstallation> find(String installationId) {
        return Optional.ofNullable(entities.find(ForgeInstallation.class, installationId));
    }

    /** Records an installed event: a new site, or a re-install of a retired one. */
    @Transactional
    public void installed(Invocation invocation) {
        ForgeInstallation known = entities.find(ForgeInstallation.class, invocation.installationId());
        String apiBaseUrl = invocation.apiBaseUrl().toString();
        if (known == null) {
            entities.persist(new ForgeInstallation(invocation.installationId(), invocation.cloudId(), apiBaseUrl,
                    clock.instant()));
        }
        else {
            known.record(invocation.cloudId(), apiBaseUrl, true, clock.instant());
        }
    }

    /**
     * Records an uninstalled event: the site is kept but refused from now on (as ACSB
     * keeps a Connect host).
     */
    @Transactional
    public void uninstalled(Invocation invocation) {
        ForgeInstallation known = entities.find(ForgeInstallation.class, invocation.installationId());
        if (known != null) {
            known.record(known.cloudId(), invocation.apiBaseUrl().toString(), false, clock.instant());
        }
    }

}
