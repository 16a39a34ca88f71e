package dev.throughline.program.web;

import dev.throughline.sandbox.SandboxSite;

import java.util.List;

/**
 * The demo company with one program manager who may create programs and browse all three
 * projects.
 */
final class ProgramManagerSandbox {

    static final List<String> PROJECTS = List.of("WEB", "MOB", "PLAT");

    private ProgramManagerSandbox() {
    }

    static void seed(SandboxSite site, String accountId) {
        site.addUser(accountId, "Program Manager");
        site.grantGlobal(accountId, "ADMINISTER"); // creates the program
        PROJECTS.forEach(key -> site.grant(accountId, key, "BROWSE_PROJECTS"));
    }

}
