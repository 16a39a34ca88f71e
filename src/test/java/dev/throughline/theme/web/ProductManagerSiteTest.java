package dev.throughline.theme.web;

import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.InstalledSiteTest;

import java.util.List;

/**
 * The demo company with one product manager, named a planner, who may browse and edit WEB
 * and only browse MOB (PLAT is hidden from them).
 */
abstract class ProductManagerSiteTest extends InstalledSiteTest {

    /** The product manager's accountId. */
    protected final String pm;

    protected ProductManagerSiteTest(String pm) {
        this.pm = pm;
    }

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(pm, "Product Manager");
        site.grant(pm, "WEB", "BROWSE_PROJECTS").grant(pm, "WEB", "EDIT_ISSUES").grant(pm, "MOB", "BROWSE_PROJECTS");
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(pm), List.of());
    }

}
