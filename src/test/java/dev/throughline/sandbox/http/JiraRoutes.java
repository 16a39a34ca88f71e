package dev.throughline.sandbox.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps "METHOD /path/{var}" templates to endpoint handlers; the template string is the
 * endpoint's name.
 */
final class JiraRoutes {

    private final List<Route> routes = new ArrayList<>();

    JiraRoutes add(String method, String template, Function<SandboxRequest, SandboxResponse> handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    List<String> endpointNames() {
        return routes.stream().map(Route::name).toList();
    }

    Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Optional<Map<String, String>> variables = route.match(method, path);
            if (variables.isPresent())
                return Optional.of(new Match(route, variables.get()));
        }
        return Optional.empty();
    }

    record Match(Route route, Map<String, String> variables) {
    }

    record Route(String method, String template, Function<SandboxRequest, SandboxResponse> handler, Pattern pattern,
            List<String> variableNames) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

        Route {
            Objects.requireNonNull(method);
            Objects.requireNonNull(template);
            Objects.requireNonNull(handler);
        }

        Route(String method, String template, Function<SandboxRequest, SandboxResponse> handler) {
            this(method, template, handler, compile(template), names(template));
        }

        String name() {
            return method + " " + template;
        }

        Optional<Map<String, String>> match(String requestMethod, String path) {
            if (!method.equals(requestMethod))
                return Optional.empty();
            Matcher m = pattern.matcher(path);
            if (!m.matches())
                return Optional.empty();
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < variableNames.size(); i++)
                vars.put(variableNames.get(i), m.group(i + 1));
            return Optional.of(vars);
        }

        private static Pattern compile(String template) {
            StringBuilder regex = new StringBuilder();
            Matcher m = VARIABLE.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last))).append("/?");
            return Pattern.compile(regex.toString());
        }

        private static List<String> names(String template) {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(template);
            while (m.find())
                names.add(m.group(1));
            return names;
        }
    }

}
