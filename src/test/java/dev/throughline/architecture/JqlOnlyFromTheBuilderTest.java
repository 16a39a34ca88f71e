package dev.throughline.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JQL the app sends is made by {@code jira/Jql}: {@code SearchRequest},
 * {@code approximateCount} and {@code BacklogRequest} take only that type, and no other
 * production source may hold a piece of JQL in a string literal (a clause on keys,
 * projects or parents, an entity property clause, an ORDER BY) to paste values into.
 */
class JqlOnlyFromTheBuilderTest {

    private static final Path SOURCES = Path.of("src/main/java");

    private static final Path BUILDER = Path.of("dev/throughline/jira/Jql.java");

    /**
     * The one package that speaks SQL to our own database (ArchitectureTest): its ORDER
     * BY is not JQL.
     */
    private static final Path SQL = Path.of("dev/throughline/coordination");

    private static final List<Pattern> JQL_PIECES = List.of(Pattern.compile("issue\\.property\\["),
            Pattern.compile(
                    "(?i)^\\s*\\(?\\s*(key|issuekey|project|parent|id)\\s*(=|!=|>=|<=|>|<|in\\s*\\(|not\\s+in\\s*\\()"),
            Pattern.compile("(?i)\\b(and|or)\\s+\\(?\\s*(key|issuekey|project|parent|id)\\s*(=|!=|>=|<=|>|<|in\\b)"),
            Pattern.compile("(?i)\\border\\s+by\\s+[a-z]+"));

    @Test
    void noProductionSourceButTheBuilderWritesJql() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (SOURCES.relativize(file).equals(BUILDER) || SOURCES.relativize(file).startsWith(SQL)) {
                    continue;
                }
                for (String literal : stringLiterals(Files.readString(file))) {
                    if (isJql(literal)) {
                        found.add(SOURCES.relativize(file) + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(found).as("JQL outside jira/Jql: build it with Jql's factories").isEmpty();
    }

    @Test
    void theScanFindsTheWaysJqlWasPastedTogetherBefore() {
        String before = """
                class Old {
                    // "project = " in a comment is not code
                    String a = "project = \\"" + key + "\\" AND issue.property[" + P + "].model = \\"" + m + "\\"";
                    String b = keys.stream().collect(Collectors.joining(", ", "key in (", ")"));
                    String c = "parent in (" + String.join(",", chunk) + ")" + restriction;
                    String d = projectKey.map(k -> " AND project = \\"" + k + "\\"").orElse("");
                    String e = projectJql + from + " ORDER BY key ASC";
                    String f = "key = " + issueIdOrKey;
                    String ok = "Choose 1 to 500 projects; leave out ORDER BY";
                }
                """;

        assertThat(stringLiterals(before).stream().filter(JqlOnlyFromTheBuilderTest::isJql)).containsExactly(
                "project = \\\"", "\\\" AND issue.property[", "key in (", "parent in (", " AND project = \\\"",
                " ORDER BY key ASC", "key = ");
    }

    private static boolean isJql(String literal) {
        return JQL_PIECES.stream().anyMatch(piece -> piece.matcher(literal).find());
    }

    /**
     * The string literals of a Java source (text blocks too), comments skipped; escapes
     * kept as written.
     */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            }
            else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            }
            else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            }
            else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(source.substring(i + 1, Math.min(j, source.length())));
                }
                i = j + 1;
            }
            else {
                i++;
            }
        }
        return literals;
    }

    private static int endOf(String source, String terminator, int from) {
        int end = source.indexOf(terminator, from);
        return end < 0 ? source.length() : end + terminator.length();
    }

}
