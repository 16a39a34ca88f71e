package dev.throughline.sandbox.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the sandbox's HTTP self-tests: a fresh demo site served for each test, and a
 * client for it.
 */
abstract class DemoSandboxTest {

    protected JiraSandbox sandbox;

    protected SandboxHttp http;

    @BeforeEach
    final void startSandbox() {
        sandbox = JiraSandbox.startDemo();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    final void stopSandbox() {
        sandbox.stop();
    }

}
