package org.credstack.enrollment.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import org.credstack.enrollment.xapi.StatementRejected.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules of xAPI Data section 2.4 beyond what the fixtures show; statements are written as JSON with ' for ". */
class StatementReaderTest {

    private static final String ACTOR = "'actor':{'mbox':'mailto:learner@example.com'}";
    private static final String VERB = "'verb':{'id':'http://adlnet.gov/expapi/verbs/completed'}";
    private static final String OBJECT = "'object':{'id':'http://example.com/activities/a1'}";

    private final StatementReader reader = new StatementReader();

    private static String statement(String... more) {
        StringBuilder json = new StringBuilder("{" + ACTOR + "," + VERB + "," + OBJECT);
        for (String part : more) {
            json.append(',').append(part);
        }
        return json.append('}').toString().replace('\'', '"');
    }

    private List<String> pointersOfProblems(String json) {
        StatementRejected rejected = catchThrowableOfType(StatementRejected.class, () -> reader.read(json));
        assertThat(rejected).as(json).isNotNull();
        return rejected.problems().stream().map(Problem::pointer).toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'id':'not-a-uuid' | /id",
                "'id':'12345678-1234-5678-1234-56781234567' | /id",
                "'result':{'score':{'scaled':-1.5}} | /result/score/scaled",
                "'result':{'score':{'scaled':'0.5'}} | /result/score/scaled",
                "'result':{'score':{'raw':101,'min':0,'max':100}} | /result/score/raw",
                "'result':{'score':{'raw':5,'min':10,'max':0}} | /result/score/min",
                "'result':{'success':'true'} | /result/success",
                "'result':{'duration':'1 hour'} | /result/duration",
                "'result':{'extensions':{'not an iri':1}} | /result/extensions/not an iri",
                "'result':{'grade':'A'} | /result/grade",
                "'context':{'registration':'abc'} | /context/registration",
                "'context':{'language':'en US'} | /context/language",
                "'context':{'team':{'mbox':'mailto:a@example.com'}} | /context/team/objectType",
                "'context':{'statement':{'id':'e05aa883-acaf-40ad-bf54-02c8ce485fb0'}} | /context/statement/objectType",
                "'context':{'contextActivities':{'category':[{'id':'relative/path'}]}} | /context/contextActivities/category/0/id",
                "'timestamp':20230504 | /timestamp",
                "'version':'3.0.0' | /version",
                "'stored':'yesterday' | /stored",
                "'colour':'blue' | /colour",
                "'result':null | /result"
            })
    void rejectsABrokenRuleNamingItsPointer(String property, String pointer) {
        assertThat(pointersOfProblems(statement(property))).containsExactly(pointer);
    }

    @Test
    void rejectsAStatementWithoutActorVerbOrObject() {
        assertThat(pointersOfProblems("{}")).containsExactly("/actor", "/verb", "/object");
    }

    @Test
    void listsEveryProblemOfAStatementNotJustTheFirst() {
        String json = statement("'result':{'completion':'yes','score':{'scaled':2}}", "'timestamp':'soon'");

        assertThat(pointersOfProblems(json))
                .containsExactlyInAnyOrder("/result/completion", "/result/score/scaled", "/timestamp");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'objectType':'Agent','name':'no ifi'} | /actor",
                "{'mbox':'mailto:a@example.com','openid':'http://openid.example.com/a'} | /actor",
                "{'mbox_sha1sum':'not-hex'} | /actor/mbox_sha1sum",
                "{'openid':'no-scheme'} | /actor/openid",
                "{'account':{'homePage':'http://example.com'}} | /actor/account/name",
                "{'account':{'homePage':'example.com','name':'x'}} | /actor/account/homePage",
                "{'objectType':'Group'} | /actor/member",
                "{'objectType':'Group','member':[{'objectType':'Group','mbox':'mailto:g@example.com'}]} | /actor/member/0/objectType",
                "{'objectType':'Group','member':[{'name':'nobody'}]} | /actor/member/0",
                "{'objectType':'Person','mbox':'mailto:a@example.com'} | /actor/objectType"
            })
    void rejectsAnActorWithoutExactlyOneInverseFunctionalIdentifier(String actor, String pointer) {
        String json = ("{'actor':" + actor + "," + VERB + "," + OBJECT + "}").replace('\'', '"');

        assertThat(pointersOfProblems(json)).containsExactly(pointer);
    }

    @Test
    void acceptsAnAnonymousGroupThatListsItsMembers() {
        String json = ("{'actor':{'objectType':'Group','member':[{'mbox':'mailto:a@example.com'}]}," + VERB + ","
                        + OBJECT + "}")
                .replace('\'', '"');

        assertThat(reader.read(json).getFirst().actor())
                .isInstanceOfSatisfying(
                        Group.class, g -> assertThat(g.isIdentified()).isFalse());
    }

    @Test
    void readsASubStatementAndRefusesOneNestedInAnother() {
        String sub = "{'objectType':'SubStatement'," + ACTOR + "," + VERB + "," + OBJECT + "}";
        String ok = ("{" + ACTOR + "," + VERB + ",'object':" + sub + "}").replace('\'', '"');
        String nested = ("{" + ACTOR + "," + VERB + ",'object':{'objectType':'SubStatement'," + ACTOR + "," + VERB
                        + ",'object':" + sub + "}}")
                .replace('\'', '"');

        assertThat(reader.read(ok).getFirst().object()).isInstanceOf(SubStatement.class);
        assertThat(pointersOfProblems(nested)).containsExactly("/object/object/objectType");
    }

    @Test
    void refusesRevisionAndPlatformWhenTheObjectIsNotAnActivity() {
        String json = ("{" + ACTOR + "," + VERB + ",'object':{'objectType':'Agent','mbox':'mailto:b@example.com'},"
                        + "'context':{'platform':'LMS'}}")
                .replace('\'', '"');

        assertThat(pointersOfProblems(json)).containsExactly("/context/platform");
    }

    @Test
    void readsASingleContextActivityAsAListOfOne() {
        String json = statement(
                "'context':{'contextActivities':{'category':{'id':'https://w3id.org/xapi/cmi5/context/categories/cmi5'}},"
                        + "'extensions':{'https://w3id.org/xapi/cmi5/context/extensions/sessionid':'s-1'}}");

        Context context = reader.read(json).getFirst().context();

        assertThat(context.contextActivities().hasCategory("https://w3id.org/xapi/cmi5/context/categories/cmi5"))
                .isTrue();
        assertThat(context.extensions())
                .containsEntry("https://w3id.org/xapi/cmi5/context/extensions/sessionid", "\"s-1\"");
    }

    @Test
    void rejectsABodyThatIsNotJsonOrHasDuplicateKeys() {
        assertThat(pointersOfProblems("{\"actor\":")).containsExactly("");
        assertThat(pointersOfProblems(
                        statement("'timestamp':'2023-05-04T17:00:00Z','timestamp':'2023-05-04T17:00:00Z'")))
                .containsExactly("");
        assertThat(pointersOfProblems("42")).containsExactly("");
    }

    @Test
    void readsABatchInOrderAndGivesEachStatementWithoutIdItsOwnId() {
        String batch = "[" + statement() + "," + statement("'id':'e05aa883-acaf-40ad-bf54-02c8ce485fb0'") + ","
                + statement() + "]";

        List<Statement> statements = reader.read(batch);

        assertThat(statements).hasSize(3);
        assertThat(statements.get(1).id()).isEqualTo(UUID.fromString("e05aa883-acaf-40ad-bf54-02c8ce485fb0"));
        assertThat(statements).extracting(Statement::id).doesNotHaveDuplicates();
    }

    @Test
    void rejectsAWholeBatchForOneBadStatementNamingItsIndex() {
        String batch = "[" + statement() + "," + statement("'result':{'completion':'true'}") + "]";

        assertThat(pointersOfProblems(batch)).containsExactly("/1/result/completion");
    }

    @Test
    void rejectsABatchRepeatingAnIdWhateverItsCase() {
        String batch = "[" + statement("'id':'e05aa883-acaf-40ad-bf54-02c8ce485fb0'") + ","
                + statement("'id':'E05AA883-ACAF-40AD-BF54-02C8CE485FB0'") + "]";

        assertThat(pointersOfProblems(batch)).containsExactly("/1/id");
    }
}
