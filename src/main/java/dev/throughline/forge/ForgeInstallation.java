package dev.throughline.forge;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/**
 * A Forge installation of the app on a Jira site, created by its installed event and
 * retired (kept, marked uninstalled) by its uninstalled event; the Forge counterpart of
 * ACSB's {@code atlassian_host} row. Table made by Liquibase
 * ({@code throughline-002-forge.yaml}).
 */
@Entity
@Table(name = "throughline_forge_installation")
class ForgeInstallation {

    @Id
    @Column(name = "installation_id", nullable = false)
    private String installationId;

    @Column(name = "cloud_id", nullable = false)
    private String cloudId;

    @Column(name = "api_base_url", nullable = false)
    private String apiBaseUrl;

    @Column(name = "installed", nullable = false)
    private boolean installed;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ForgeInstallation() {
        // for JPA
    }

    ForgeInstallation(String installationId, String cloudId, String apiBaseUrl, Instant now) {
        this.installationId = installationId;
        record(cloudId, apiBaseUrl, true, now);
    }

    final void record(String cloudId, String apiBaseUrl, boolean installed, Instant now) {
        this.cloudId = cloudId;
        this.apiBaseUrl = apiBaseUrl;
        this.installed = installed;
        this.updatedAt = now;
    }

    String installationId() {
        return installationId;
    }

    String cloudId() {
        return cloudId;
    }

    boolean installed() {
        return installed;
    }

}
