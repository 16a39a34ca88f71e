package dev.throughline.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only reference material in ../shared (Connect schema, Jira OpenAPI
 * descriptions).
 */
public final class SharedReference {

    private SharedReference() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("throughline.shared-dir", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("../shared is missing beside the repository: " + dir);
        }
        return dir;
    }

    public static Path connectSchema() {
        return dir().resolve("connect/jira-global-schema.json");
    }

    public static Path jiraPlatformSpec() {
        return dir().resolve("jira/jira-platform-openapi.json");
    }

    public static Path jiraSoftwareSpec() {
        return dir().resolve("jira/jira-software-openapi.json");
    }

}
