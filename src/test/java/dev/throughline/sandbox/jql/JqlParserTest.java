package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.jql.JqlQuery.And;
import dev.throughline.sandbox.jql.JqlQuery.Not;
import dev.throughline.sandbox.jql.JqlQuery.Operator;
import dev.throughline.sandbox.jql.JqlQuery.Or;
import dev.throughline.sandbox.jql.JqlQuery.SortKey;
import dev.throughline.sandbox.jql.JqlQuery.Term;
import dev.throughline.sandbox.jql.JqlQuery.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JqlParserTest {

    @Test
    void parsesEqualityWithBareAndQuotedValues() {
        assertThat(JqlParser.parse("project = WEB").where())
            .isEqualTo(new Term("project", Operator.EQUALS, List.of(new Value("WEB", false))));
        assertThat(JqlParser.parse("statusCategory = \"To Do\"").where())
            .isEqualTo(new Term("statusCategory", Operator.EQUALS, List.of(new Value("To Do", true))));
        assertThat(JqlParser.parse("statusCategory != 'done'").where())
            .isEqualTo(new Term("statusCategory", Operator.NOT_EQUALS, List.of(new Value("done", true))));
    }

    @Test
    void parsesInAndNotInLists() {
        Term in = (Term) JqlParser.parse("key in (WEB-1, \"MOB-2\",PLAT-3)").where();
        assertThat(in.operator()).isEqualTo(Operator.IN);
        assertThat(in.values()).extracting(Value::text).containsExactly("WEB-1", "MOB-2", "PLAT-3");
        assertThat(((Term) JqlParser.parse("issuetype NOT IN (Epic, Sub-task)").where()).operator())
            .isEqualTo(Operator.NOT_IN);
    }

    @Test
    void parsesAllComparisonOperators() {
        for (Operator op : List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER, Operator.GREATER_OR_EQUAL,
                Operator.LESS, Operator.LESS_OR_EQUAL)) {
            Term term = (Term) JqlParser.parse("valueScore " + op.symbol() + " 40").where();
            assertThat(term.operator()).isEqualTo(op);
            assertThat(term.value().text()).isEqualTo("40");
        }
    }

    @Test
    void keepsPropertyPathsWithDotsAndBracketsInOneFieldName() {
        Term term = (Term) JqlParser.parse("issue.property[throughline.value].score>=40").where();
        assertThat(term.field()).isEqualTo("issue.property[throughline.value].score");
        assertThat(term.operator()).isEqualTo(Operator.GREATER_OR_EQUAL);
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverride() {
        JqlQuery q = JqlParser.parse("project = A OR project = B AND issuetype = Bug");
        assertThat(q.where()).isInstanceOf(Or.class);
        assertThat(((Or) q.where()).right()).isInstanceOf(And.class);
        JqlQuery p = JqlParser.parse("(project = A OR project = B) AND issuetype = Bug");
        assertThat(p.where()).isInstanceOf(And.class);
        assertThat(((And) p.where()).left()).isInstanceOf(Or.class);
    }

    @Test
    void parsesNotAndIsEmpty() {
        assertThat(JqlParser.parse("NOT project = A").where()).isInstanceOf(Not.class);
        assertThat(((Term) JqlParser.parse("resolved is EMPTY").where()).operator()).isEqualTo(Operator.IS_EMPTY);
        assertThat(((Term) JqlParser.parse("valueScore IS NOT EMPTY").where()).operator())
            .isEqualTo(Operator.IS_NOT_EMPTY);
    }

    @Test
    void parsesOrderByWithDirections() {
        JqlQuery q = JqlParser.parse("project = A ORDER BY Rank ASC, created DESC, key");
        assertThat(q.orderBy()).containsExactly(new SortKey("Rank", false), new SortKey("created", true),
                new SortKey("key", false));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(JqlParser.parse("project = A and statusCategory != done order by rank").orderBy()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "ORDER BY key DESC", "order by Rank" })
    void queriesWithoutARestrictionAreUnbounded(String jql) {
        assertThat(JqlParser.parse(jql).bounded()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "project =", "project = A AND", "(project = A", "project A", "key in ()",
            "project = A ORDER key", "summary ~ x", "project = \"unterminated", "project = A)", "project ! A" })
    void malformedQueriesAreRejected(String jql) {
        assertThatThrownBy(() -> JqlParser.parse(jql)).isInstanceOf(JqlException.class);
    }

}
