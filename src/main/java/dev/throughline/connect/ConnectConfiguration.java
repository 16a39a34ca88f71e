package dev.throughline.connect;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * Everything Connect-specific about request security lives in this package (see the
 * README's Forge note).
 */
@Configuration
class ConnectConfiguration implements WebMvcConfigurer {

    /** Just outside ACSB's signed-install filter (ACSB: DEFAULT_FILTER_ORDER + 190). */
    private static final int LIFECYCLE_FAILURES_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 189;

    /**
     * Before both of ACSB's JWT filters (signed installs at + 190, every other request at
     * + 200).
     */
    private static final int TOKEN_PRECHECK_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 188;

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
    FilterRegistrationBean<TokenPrecheck> tokenPrecheck() {
        FilterRegistrationBean<TokenPrecheck> registration = new FilterRegistrationBean<>(
                new TokenPrecheck(Clock.systemUTC()));
        registration.setOrder(TOKEN_PRECHECK_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LifecycleAuthenticationFailures> lifecycleAuthenticationFailures() {
        FilterRegistrationBean<LifecycleAuthenticationFailures> registration = new FilterRegistrationBean<>(
                new LifecycleAuthenticationFailures());
        registration.setOrder(LIFECYCLE_FAILURES_ORDER);
        return registration;
    }

}
