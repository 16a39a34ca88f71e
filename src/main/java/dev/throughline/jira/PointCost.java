package dev.throughline.jira;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Jira call costs in Atlassian's points (Jira Cloud's <i>Rate limiting</i>, points
 * enforced since 2 March 2026): a write costs 1; a read costs 1 plus 1 for every issue or
 * project it returns and 2 for every user, group or permission object. A call Jira
 * refused with 429 was not served and costs nothing here. The objects are counted in the
 * answer's own shape ({@code issues} of a search or backlog page, {@code values} of a
 * project or user page, one issue or project read alone, the permission entries of a
 * permission check, the groups of a user), streamed, never parsed into a tree.
 */
public final class PointCost {

    /** The answers whose objects are counted, by the path after {@code /rest/}. */
    private enum Shape {

        /** Top-level arrays of issues: search pages, a board's backlog. */
        ISSUES(1, Set.of("issues")),
        /** One issue read alone. */
        ONE_ISSUE(1, Set.of()),
        /** A page of projects. */
        PROJECTS(1, Set.of("values")),
        /** One project read alone. */
        ONE_PROJECT(1, Set.of()),
        /** A page of users (bulk). */
        USERS(2, Set.of("values")),
        /** The groups of a user: a top-level array. */
        GROUPS(2, Set.of()),
        /** Project and global permission entries of a permission check. */
        PERMISSIONS(2, Set.of("projectPermissions", "globalPermissions")),
        /** Everything else: properties, fields, boards, tasks, counts. */
        PLAIN(0, Set.of());

        final int weight;

        final Set<String> arrays;

        Shape(int weight, Set<String> arrays) {
            this.weight = weight;
            this.arrays = arrays;
        }

    }

    private static final JsonFactory JSON = new JsonFactory();

    /** In order: the first match wins ({@code project/search} before one project). */
    private static final List<Map.Entry<Pattern, Shape>> SHAPES = List.of(
            Map.entry(Pattern.compile("api/3/search/jql|agile/1\\.0/(board|sprint)/[^/]+/(backlog|issue)"),
                    Shape.ISSUES),
            Map.entry(Pattern.compile("api/3/issue/[^/]+"), Shape.ONE_ISSUE),
            Map.entry(Pattern.compile("api/3/project/search"), Shape.PROJECTS),
            Map.entry(Pattern.compile("api/3/project/[^/]+"), Shape.ONE_PROJECT),
            Map.entry(Pattern.compile("api/3/user/bulk"), Shape.USERS),
            Map.entry(Pattern.compile("api/3/user/groups"), Shape.GROUPS),
            Map.entry(Pattern.compile("api/3/permissions/check"), Shape.PERMISSIONS));

    private PointCost() {
    }

    /**
     * The points of one answered call.
     * @param write whether the call changes Jira (read-only POSTs such as a search are
     * reads)
     * @param path the request's path, e.g. {@code /rest/api/3/search/jql} (a context path
     * in front is fine)
     * @param status the answer's status
     * @param body the answer's body, or null when it was not kept (then only the 1 of the
     * call)
     */
    public static long of(boolean write, String path, int status, byte[] body) {
        if (status == 429) {
            return 0;
        }
        if (write || status >= 300 || body == null) {
            return 1;
        }
        Shape shape = shapeOf(path);
        return 1 + shape.weight * objects(shape, body);
    }

    /** Whether the answer's body is needed to price a successful read of {@code path}. */
    public static boolean countsObjects(String path) {
        return shapeOf(path) != Shape.PLAIN;
    }

    private static Shape shapeOf(String path) {
        int rest = path == null ? -1 : path.indexOf("/rest/");
        if (rest < 0) {
            return Shape.PLAIN;
        }
        String tail = path.substring(rest + "/rest/".length());
        return SHAPES.stream()
            .filter(entry -> entry.getKey().matcher(tail).matches())
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(Shape.PLAIN);
    }

    private static long objects(Shape shape, byte[] body) {
        if (body.length == 0) {
            return 0;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (shape == Shape.ONE_ISSUE || shape == Shape.ONE_PROJECT) {
                return first == JsonToken.START_OBJECT ? 1 : 0;
            }
            if (first == JsonToken.START_ARRAY) {
                return shape == Shape.GROUPS ? elements(parser) : 0;
            }
            if (first != JsonToken.START_OBJECT) {
                return 0;
            }
            long count = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY && shape.arrays.contains(field)) {
                    count += elements(parser);
                }
                else {
                    parser.skipChildren();
                }
            }
            return count;
        }
        catch (IOException e) {
            return 0; // an answer we cannot read is priced as the call alone
        }
    }

    /** Counts the elements of the array the parser stands at, and leaves it. */
    private static long elements(JsonParser parser) throws IOException {
        long count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
        }
        return count;
    }

}
