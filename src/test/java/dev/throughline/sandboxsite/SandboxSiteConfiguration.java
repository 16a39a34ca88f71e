package dev.throughline.sandboxsite;

import com.atlassian.connect.spring.AtlassianHostRepository;
import com.atlassian.connect.spring.internal.AtlassianConnectProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the sandbox Jira site and installs the app into it once the app is serving. The
 * controllers are beans of this configuration (not component-scanned) so no test slice
 * ever picks them up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxSiteConfiguration.On.class)
public class SandboxSiteConfiguration {

    @Bean(destroyMethod = "close")
    SandboxSiteRuntime sandboxSiteRuntime(AtlassianConnectProperties connectProperties, AtlassianHostRepository hosts,
            @Value("${addon.base-url}") String appBaseUrl, @Value("${addon.key}") String addonKey,
            @Value("${throughline.sandbox.issues:400}") int issues) {
        return new SandboxSiteRuntime(connectProperties, hosts, appBaseUrl, addonKey, issues);
    }

    @Bean
    SandboxHomeController sandboxHomeController(SandboxSiteRuntime runtime) {
        return new SandboxHomeController(runtime);
    }

    @Bean
    SandboxHostController sandboxHostController(SandboxSiteRuntime runtime) {
        return new SandboxHostController(runtime);
    }

    @Bean
    SandboxForgeResources sandboxForgeResources() {
        return new SandboxForgeResources();
    }

    @Bean
    ForgePlatformController forgePlatformController(SandboxSiteRuntime runtime) {
        return new ForgePlatformController(runtime);
    }

    @EventListener
    void installWhenReady(ApplicationReadyEvent ready) {
        Environment environment = ready.getApplicationContext().getEnvironment();
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        ready.getApplicationContext().getBean(SandboxSiteRuntime.class).installInto(port);
    }

    static final class On implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return SandboxSiteSwitch.on(context.getEnvironment());
        }

    }

}
