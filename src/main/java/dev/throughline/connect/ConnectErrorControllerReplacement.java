package dev.throughline.connect;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Removes ACSB 2.2.1's {@code AtlassianConnectErrorController}: it calls
 * {@code AbstractErrorController.getErrorAttributes(HttpServletRequest, boolean)}, gone
 * since Spring Boot 2.5, so under Boot 2.7 every error (including every 401) turned into
 * a NoSuchMethodError and an HTML 500. {@link JsonErrorController} takes its place.
 */
@Configuration
class ConnectErrorControllerReplacement {

    static final String ACSB_ERROR_CONTROLLER = "atlassianConnectErrorController";

    @Bean
    static BeanDefinitionRegistryPostProcessor removeAcsbErrorController() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                if (registry.containsBeanDefinition(ACSB_ERROR_CONTROLLER)) {
                    registry.removeBeanDefinition(ACSB_ERROR_CONTROLLER);
                }
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                // nothing to change after the definitions are final
            }
        };
    }

}
