package org.credstack.enrollment.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "Same id, same content" in the sense of xAPI Data section 2.3.1. */
class StatementContentTest {

    private static final String ID = "'id':'fd41c918-b88b-4b20-a0a5-a4c32391aaa0'";

    private final StatementReader reader = new StatementReader();

    private Statement read(String json) {
        return reader.read(json.replace('\'', '"')).getFirst();
    }

    @Test
    void sameStatementWithKeysInAnotherOrderHasTheSameContent() {
        Statement one = read("{" + ID + ",'actor':{'objectType':'Agent','mbox':'mailto:a@example.com'},"
                + "'verb':{'id':'http://adlnet.gov/expapi/verbs/passed'},"
                + "'object':{'id':'http://example.com/a1'},"
                + "'result':{'success':true,'score':{'scaled':0.9,'raw':90}}}");
        Statement two = read("{'result':{'score':{'raw':90,'scaled':0.9},'success':true},"
                + "'object':{'id':'http://example.com/a1'},"
                + "'verb':{'id':'http://adlnet.gov/expapi/verbs/passed'},"
                + "'actor':{'mbox':'mailto:a@example.com','objectType':'Agent'}," + ID + "}");

        assertThat(one.sameContentAs(two)).isTrue();
        assertThat(one.json()).isNotEqualTo(two.json());
    }

    @Test
    void ignoresWhatTheLrsSetsAndHowTheTimestampIsWritten() {
        String core =
                ID + ",'actor':{'mbox':'mailto:a@example.com'},'verb':{'id':'http://adlnet.gov/expapi/verbs/passed',"
                        + "'display':{'en-US':'passed'}},'object':{'id':'http://example.com/a1','definition':{'name':{'en':'A1'}}}";
        Statement sent = read("{" + core + ",'timestamp':'2023-05-04T12:00:00-05:00'}");
        Statement stored = read("{" + core.replace("'en-US':'passed'", "'de-DE':'bestanden'")
                + ",'timestamp':'2023-05-04T17:00:00.000Z','stored':'2023-05-04T17:00:01Z',"
                + "'authority':{'account':{'homePage':'http://lrs.example.com','name':'lrs'}},'version':'1.0.3'}");

        assertThat(sent.sameContentAs(stored)).isTrue();
    }

    @Test
    void ignoresTheOrderOfGroupMembers() {
        String verbAndObject =
                ",'verb':{'id':'http://adlnet.gov/expapi/verbs/attended'},'object':{'id':'http://example.com/m1'}}";
        Statement one = read("{" + ID + ",'actor':{'objectType':'Group','member':[{'mbox':'mailto:a@example.com'},"
                + "{'mbox':'mailto:b@example.com'}]}" + verbAndObject);
        Statement two = read("{" + ID + ",'actor':{'objectType':'Group','member':[{'mbox':'mailto:b@example.com'},"
                + "{'mbox':'mailto:a@example.com'}]}" + verbAndObject);

        assertThat(one.sameContentAs(two)).isTrue();
    }

    @Test
    void differentResultIsDifferentContent() {
        String start = "{" + ID
                + ",'actor':{'mbox':'mailto:a@example.com'},'verb':{'id':'http://adlnet.gov/expapi/verbs/passed'},"
                + "'object':{'id':'http://example.com/a1'},'result':{'score':{'scaled':";

        assertThat(read(start + "0.9}}}").sameContentAs(read(start + "0.8}}}"))).isFalse();
        assertThat(read(start + "0.9}}}").sameContentAs(read(start + "0.90}}}")))
                .as("xAPI counts a different serialisation of a number as a difference")
                .isFalse();
    }

    @Test
    void differentIdIsDifferentContent() {
        String rest = ",'actor':{'mbox':'mailto:a@example.com'},'verb':{'id':'http://adlnet.gov/expapi/verbs/passed'},"
                + "'object':{'id':'http://example.com/a1'}}";

        assertThat(read("{" + ID + rest).sameContentAs(read("{'id':'e05aa883-acaf-40ad-bf54-02c8ce485fb0'" + rest)))
                .isFalse();
    }
}
