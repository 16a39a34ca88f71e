package dev.throughline.program.web;

import dev.throughline.sandbox.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;

import java.util.List;

/** The demo company with one program manager who may create programs and browse all three projects. */
final class ProgramManagerSandbox {

    static final List<String> PROJECTS = List.of("WEB", "MOB", "PLAT");

    private ProgramManagerSandbox() {
    }

    static JiraSandbox start(String accountId) {
        JiraSandbox jira = JiraSandbox.start(SandboxGenerator.demo());
        jira.site().addUser(accountId, "Program Manager");
        jira.site().grantGlobal(accountId, "ADMINISTER"); // creates the program
        PROJECTS.forEach(key -> jira.site().grant(accountId, key, "BROWSE_PROJECTS"));
        return jira;
    }
}
