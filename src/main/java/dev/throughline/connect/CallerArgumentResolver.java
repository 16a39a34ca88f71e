package dev.throughline.connect;

import com.atlassian.connect.spring.AtlassianHostUser;
import dev.throughline.tenant.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Fills a controller's {@link Caller} parameter: the one another door left on the request
 * (forge/), or the verified Connect JWT's.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object verifiedByAnotherDoor = webRequest.getAttribute(Caller.REQUEST_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (verifiedByAnotherDoor instanceof Caller caller) {
            return caller;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AtlassianHostUser user)) {
            throw new IllegalStateException(
                    "No verified Connect principal; the token rules should have refused this request");
        }
        return Caller.of(Sites.of(user.getHost()), user.getUserAccountId().orElse(null));
    }

}
