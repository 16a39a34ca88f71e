package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.jql.JqlQuery.And;
import dev.throughline.sandbox.jql.JqlQuery.Clause;
import dev.throughline.sandbox.jql.JqlQuery.Not;
import dev.throughline.sandbox.jql.JqlQuery.Operator;
import dev.throughline.sandbox.jql.JqlQuery.Or;
import dev.throughline.sandbox.jql.JqlQuery.SortKey;
import dev.throughline.sandbox.jql.JqlQuery.Term;
import dev.throughline.sandbox.jql.JqlQuery.Value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a parsed query meaning against a site: resolves field names (and Throughline's
 * JQL aliases), checks values the way Jira does (unknown project or issue key is a 400),
 * and builds the filter and the sort order.
 */
public final class JqlMatcher {

    /**
     * Throughline's JQL aliases, as its descriptor declares them for entity property
     * indexing.
     */
    static final Map<String, String> ALIASES = Map.of("valuescore", "issue.property[throughline.value].score",
            "valuemodel", "issue.property[throughline.value].model", "valueupdated",
            "issue.property[throughline.value].updatedAt", "roadmaptheme",
            "issue.property[throughline.themes].themeIds", "themesupdated",
            "issue.property[throughline.themes].updatedAt", "plannedquarter",
            "issue.property[throughline.plan].plannedQuarter", "planconfidence",
            "issue.property[throughline.plan].planConfidence", "plannedsprint",
            "issue.property[throughline.plan].plannedSprint", "plannedsprintid",
            "issue.property[throughline.plan].plannedSprintId");

    /** The aliases the descriptor indexes as dates: compared as dates, like Jira's. */
    private static final Set<String> DATE_ALIASES = Set.of("valueupdated", "themesupdated");

    private static final Pattern PROPERTY = Pattern.compile("issue\\.property\\[([^\\]]+)\\]((?:\\.[^.]+)*)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ISSUE_KEY = Pattern.compile("([A-Z][A-Z0-9_]*)-([1-9][0-9]{0,8})");

    private static final Pattern RELATIVE_DATE = Pattern.compile("([-+]?\\d+)([mhdw])");

    private final SandboxSite site;

    private JqlMatcher(SandboxSite site) {
        this.site = site;
    }

    /** The issues matching a bounded query, in its order. */
    public static List<SandboxIssue> select(SandboxSite site, String jql) {
        JqlQuery query = JqlParser.parse(jql);
        if (!query.bounded()) {
            throw new JqlException(
                    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        Predicate<SandboxIssue> filter = filter(site, query);
        Comparator<SandboxIssue> order = order(site, query);
        List<SandboxIssue> result = new ArrayList<>();
        for (SandboxIssue issue : site.issues())
            if (filter.test(issue))
                result.add(issue);
        if (!query.orderBy().isEmpty()
                && KEY_FIELDS.contains(query.orderBy().get(0).field().toLowerCase(Locale.ROOT))) {
            return byKey(result, query.orderBy().get(0).descending()); // keys are unique:
                                                                       // later sort keys
                                                                       // never apply
        }
        result.sort(order);
        return result;
    }

    private static final Set<String> KEY_FIELDS = Set.of("key", "issuekey");

    /**
     * ORDER BY key, with each key split once instead of in every comparison (large
     * searches page by key).
     */
    private static List<SandboxIssue> byKey(List<SandboxIssue> issues, boolean descending) {
        record Keyed(String project, int number, SandboxIssue issue) {
        }
        List<Keyed> keyed = new ArrayList<>(issues.size());
        for (SandboxIssue issue : issues)
            keyed.add(new Keyed(issue.projectKey(), issue.keyNumber(), issue));
        Comparator<Keyed> order = Comparator.comparing(Keyed::project).thenComparingInt(Keyed::number);
        keyed.sort(descending ? order.reversed() : order);
        List<SandboxIssue> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed)
            sorted.add(k.issue());
        return sorted;
    }

    public static Predicate<SandboxIssue> filter(SandboxSite site, JqlQuery query) {
        return query.where() == null ? i -> true : new JqlMatcher(site).compile(query.where());
    }

    /**
     * ORDER BY rank|created|updated|key|id|resolved; without ORDER BY, newest first (id
     * descending).
     */
    public static Comparator<SandboxIssue> order(SandboxSite site, JqlQuery query) {
        Comparator<SandboxIssue> order = null;
        for (SortKey key : query.orderBy()) {
            Comparator<SandboxIssue> next = switch (key.field().toLowerCase(Locale.ROOT)) {
                case "rank" -> Comparator.comparingInt(i -> site.rankPosition(i.id()));
                case "created", "createddate" -> Comparator.comparingLong(SandboxIssue::createdEpochSecond);
                case "updated", "updateddate" -> Comparator.comparingLong(SandboxIssue::updatedEpochSecond);
                case "resolved", "resolutiondate" -> Comparator.comparingLong(SandboxIssue::resolvedEpochSecond);
                case "key", "issuekey" ->
                    Comparator.comparing(SandboxIssue::projectKey).thenComparingInt(SandboxIssue::keyNumber);
                case "id" -> Comparator.comparingLong(SandboxIssue::id);
                default -> throw unknownField(key.field());
            };
            if (key.descending())
                next = next.reversed();
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<SandboxIssue> newestFirst = Comparator.comparingLong(SandboxIssue::id).reversed();
        return order == null ? newestFirst : order.thenComparing(Comparator.comparingLong(SandboxIssue::id));
    }

    private Predicate<SandboxIssue> compile(Clause clause) {
        return compile(clause, true);
    }

    /**
     * The issues where the clause holds ({@code holds}) or where it fails: for the fields
     * that can be empty and are matched three-valued ({@link OptionTerm}), failing is not
     * the complement of holding; for the others it is.
     */
    private Predicate<SandboxIssue> compile(Clause clause, boolean holds) {
        if (clause instanceof And and)
            return holds ? compile(and.left(), true).and(compile(and.right(), true))
                    : compile(and.left(), false).or(compile(and.right(), false));
        if (clause instanceof Or or)
            return holds ? compile(or.left(), true).or(compile(or.right(), true))
                    : compile(or.left(), false).and(compile(or.right(), false));
        if (clause instanceof Not not)
            return compile(not.clause(), !holds);
        Term term = (Term) clause;
        Optional<OptionTerm> option = OptionTerm.of(site, term);
        if (option.isPresent())
            return holds ? option.get().holds() : option.get().fails();
        return holds ? term(term) : term(term).negate();
    }

    private Predicate<SandboxIssue> term(Term term) {
        String field = ALIASES.getOrDefault(term.field().toLowerCase(Locale.ROOT), term.field());
        Matcher property = PROPERTY.matcher(field);
        if (property.matches() && DATE_ALIASES.contains(term.field().toLowerCase(Locale.ROOT)))
            return dates(term, new PropertyTerm(site, property.group(1), property.group(2), term)::epochSecond);
        if (property.matches())
            return new PropertyTerm(site, property.group(1), property.group(2), term).predicate();
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "project" -> equality(term, this::projectId, i -> i.projectId());
            case "key", "issuekey", "id", "issue" ->
                term.operator().ordering() ? keyRange(term) : equality(term, this::issueId, SandboxIssue::id);
            case "parent" -> equality(term, this::issueId, SandboxIssue::parentId);
            case "filter", "request", "savedfilter", "searchrequest" -> FilterTerm.of(site, term);
            case "issuetype", "type" -> equality(term,
                    v -> IssueType.fromJql(v.text()).orElseThrow(() -> noSuchValue(v, term.field())).ordinal() + 1,
                    i -> i.type().ordinal() + 1);
            case "statuscategory" -> equality(term,
                    v -> IssueStatus.StatusCategory.fromJql(v.text())
                        .orElseThrow(() -> noSuchValue(v, term.field()))
                        .ordinal() + 1,
                    i -> i.status().category().ordinal() + 1);
            case "status" -> equality(term, v -> status(v, term.field()) + 1, i -> i.status().ordinal() + 1);
            case "created", "createddate" -> dates(term, SandboxIssue::createdEpochSecond);
            case "updated", "updateddate" -> dates(term, SandboxIssue::updatedEpochSecond);
            case "resolved", "resolutiondate" -> dates(term, SandboxIssue::resolvedEpochSecond);
            default -> NumberFieldTerm.of(site, term).orElseThrow(() -> unknownField(term.field()));
        };
    }

    /** =, !=, IN, NOT IN on a field with one long value per issue (0 = empty). */
    private Predicate<SandboxIssue> equality(Term term, ToLongFunction<Value> resolve,
            ToLongFunction<SandboxIssue> fieldValue) {
        Operator op = term.operator();
        if (op.ordering())
            throw unsupported(term);
        if (op.emptyCheck()) {
            boolean empty = op == Operator.IS_EMPTY;
            return i -> (fieldValue.applyAsLong(i) == 0) == empty;
        }
        Set<Long> wanted = new HashSet<>();
        for (Value v : term.values())
            wanted.add(resolve.applyAsLong(v));
        boolean negated = op == Operator.NOT_EQUALS || op == Operator.NOT_IN;
        if (wanted.size() == 1) { // the common "project = X": no boxing per issue
            long only = wanted.iterator().next();
            return i -> {
                long value = fieldValue.applyAsLong(i);
                return value != 0 && (value == only) != negated;
            };
        }
        return i -> {
            long value = fieldValue.applyAsLong(i);
            if (value == 0)
                return false; // Jira: != and NOT IN never match an empty field
            return wanted.contains(value) != negated;
        };
    }

    /**
     * {@code key >= "ABC-12"} (also >, <, <=): issues of project ABC whose key number
     * compares so, as Jira's issue key ranges stay inside the key's project. The key need
     * not exist; its project must.
     */
    private Predicate<SandboxIssue> keyRange(Term term) {
        String text = term.value().text().toUpperCase(Locale.ROOT);
        Matcher key = ISSUE_KEY.matcher(text);
        if (!key.matches()) {
            throw new JqlException(
                    "The issue key '" + term.value().text() + "' for field '" + term.field() + "' is invalid.");
        }
        long projectId = site.project(key.group(1))
            .orElseThrow(() -> new JqlException(
                    "The issue key '" + term.value().text() + "' for field '" + term.field() + "' is invalid."))
            .id();
        long bound = Long.parseLong(key.group(2));
        Operator op = term.operator();
        return i -> {
            if (i.projectId() != projectId)
                return false;
            long number = i.keyNumber();
            return switch (op) {
                case GREATER -> number > bound;
                case GREATER_OR_EQUAL -> number >= bound;
                case LESS -> number < bound;
                default -> number <= bound;
            };
        };
    }

    private Predicate<SandboxIssue> dates(Term term, ToLongFunction<SandboxIssue> field) {
        Operator op = term.operator();
        if (op.emptyCheck()) {
            boolean empty = op == Operator.IS_EMPTY;
            return i -> (field.applyAsLong(i) == 0) == empty;
        }
        if (op.list())
            throw unsupported(term);
        long bound = date(term.value());
        return i -> {
            long value = field.applyAsLong(i);
            if (value == 0)
                return false;
            return switch (op) {
                case EQUALS -> value == bound;
                case NOT_EQUALS -> value != bound;
                case GREATER -> value > bound;
                case GREATER_OR_EQUAL -> value >= bound;
                case LESS -> value < bound;
                default -> value <= bound;
            };
        };
    }

    /**
     * "2026-10-01", "2026/10/01 14:00" or relative to the site's now: "-30d", "-2w",
     * "-4h".
     */
    private long date(Value value) {
        String text = value.text().trim();
        Matcher relative = RELATIVE_DATE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            long unit = switch (relative.group(2)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86400;
                default -> 7 * 86400;
            };
            return site.now().getEpochSecond() + amount * unit;
        }
        String normal = text.replace('/', '-');
        try {
            if (normal.length() <= 10)
                return LocalDate.parse(normal).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            return LocalDateTime.parse(normal, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                .toEpochSecond(ZoneOffset.UTC);
        }
        catch (DateTimeParseException e) {
            throw new JqlException("Date value '" + text
                    + "' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
        }
    }

    private long projectId(Value value) {
        return site.project(value.text())
            .or(() -> site.projects().stream().filter(p -> p.name().equalsIgnoreCase(value.text())).findFirst())
            .orElseThrow(() -> noSuchValue(value, "project"))
            .id();
    }

    private long issueId(Value value) {
        return site.issue(value.text())
            .map(SandboxIssue::id)
            .orElseThrow(
                    () -> new JqlException("An issue with key '" + value.text() + "' does not exist for field 'key'."));
    }

    private long status(Value value, String field) {
        for (IssueStatus s : IssueStatus.values()) {
            if (s.displayName().equalsIgnoreCase(value.text()) || s.id().equals(value.text()))
                return s.ordinal();
        }
        throw noSuchValue(value, field);
    }

    static JqlException unknownField(String field) {
        return new JqlException("Field '" + field + "' does not exist or you do not have permission to view it.");
    }

    static JqlException unsupported(Term term) {
        return new JqlException("The operator '" + term.operator().symbol() + "' is not supported by the '"
                + term.field() + "' field.");
    }

    private static JqlException noSuchValue(Value value, String field) {
        return new JqlException("The value '" + value.text() + "' does not exist for the field '" + field + "'.");
    }

}
