package dev.throughline.connect;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Everything Connect-specific about request security lives in this package (see the README's Forge note). */
@Configuration
class ConnectConfiguration implements WebMvcConfigurer {

    /** Just outside ACSB's signed-install filter (ACSB: DEFAULT_FILTER_ORDER + 190). */
    private static final int LIFECYCLE_FAILURES_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 189;

    ConnectConfiguration(Environment environment) {
        ProfileGuard.check(environment);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConnectTokenRules());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    FilterRegistrationBean<LifecycleAuthenticationFailures> lifecycleAuthenticationFailures() {
        FilterRegistrationBean<LifecycleAuthenticationFailures> registration =
                new FilterRegistrationBean<>(new LifecycleAuthenticationFailures());
        registration.setOrder(LIFECYCLE_FAILURES_ORDER);
        return registration;
    }
}
