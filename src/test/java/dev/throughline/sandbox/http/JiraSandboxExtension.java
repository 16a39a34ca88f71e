package dev.throughline.sandbox.http;

import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * Starts a sandbox for a test class (registered on a static field) or for every test
 * (instance field):
 * <pre>{@code @RegisterExtension static JiraSandboxExtension jira = JiraSandboxExtension.demo();}</pre>
 * Each start builds a fresh site from the supplier, so tests never see each other's
 * writes.
 */
public final class JiraSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Supplier<SandboxSite> siteSupplier;

    private JiraSandbox sandbox;

    private boolean perClass;

    private JiraSandboxExtension(Supplier<SandboxSite> siteSupplier) {
        this.siteSupplier = siteSupplier;
    }

    public static JiraSandboxExtension demo() {
        return new JiraSandboxExtension(SandboxGenerator::demo);
    }

    public static JiraSandboxExtension of(Supplier<SandboxSite> siteSupplier) {
        return new JiraSandboxExtension(siteSupplier);
    }

    public JiraSandbox sandbox() {
        if (sandbox == null)
            throw new IllegalStateException("the sandbox runs only while a test runs");
        return sandbox;
    }

    public String baseUrl() {
        return sandbox().baseUrl();
    }

    public SandboxSite site() {
        return sandbox().site();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        sandbox = JiraSandbox.start(siteSupplier.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass)
            sandbox = JiraSandbox.start(siteSupplier.get());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass)
            stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (sandbox != null)
            sandbox.stop();
        sandbox = null;
    }

}
