package dev.throughline.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import javax.servlet.Filter;
import javax.servlet.http.HttpServletResponse;
import java.net.URI;

/**
 * The app's HTTP edges: the request body limit, one Jira deadline per request, security
 * and caching headers, and JSON for every error, including the ones Tomcat and Spring
 * Security's firewall answer before any controller runs.
 */
@Configuration
@EnableConfigurationProperties(HttpEdgeSettings.class)
class HttpEdgeConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(HttpEdgeSettings settings) {
        return first(new RequestBodyLimit(settings.maxRequestBody().toBytes()), 0);
    }

    @Bean
    FilterRegistrationBean<ResponseHeaderRules> responseHeaderRules(HttpEdgeSettings settings,
            @Value("${throughline.connect.all-js-url}") String allJsUrl) {
        return first(new ResponseHeaderRules(
                ResponseHeaderRules.contentSecurityPolicy(settings.frameAncestors(), originOf(allJsUrl))), 1);
    }

    @Bean
    FilterRegistrationBean<RequestDeadlineFilter> requestDeadline(HttpEdgeSettings settings) {
        return first(new RequestDeadlineFilter(settings.requestDeadline()), 2);
    }

    /**
     * A path Spring Security's firewall refuses (;jsessionid=, encoded CR or LF, ..) is a
     * 400, not a 500.
     */
    @Bean
    RequestRejectedHandler malformedPathsAreBadRequests() {
        return (request, response, rejected) -> response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                "The request's path is not allowed: " + rejected.getMessage());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorsInJson() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Container container = context.getParent(); container != null; container = container.getParent()) {
                    useJsonErrorReports(container.getPipeline());
                }
            }
        }));
    }

    /**
     * Replaces Tomcat's HTML error report valve, which the host installs when it starts.
     */
    static void useJsonErrorReports(Pipeline pipeline) {
        boolean replaced = false;
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                pipeline.removeValve(valve);
                replaced = true;
            }
        }
        if (replaced) {
            pipeline.addValve(new JsonErrorReportValve());
        }
    }

    /**
     * {@code https://connect-cdn.atl-paas.net} of its all.js URL; "" when it is served by
     * the app itself.
     */
    static String originOf(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static <F extends Filter> FilterRegistrationBean<F> first(F filter, int place) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + place);
        return registration;
    }

}
