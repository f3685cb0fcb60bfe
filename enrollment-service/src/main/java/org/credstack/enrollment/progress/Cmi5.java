package org.credstack.enrollment.progress;

import java.util.Set;

/** The cmi5 identifiers progress reads (cmi5 sections 9.3 verbs and 9.6 context). */
final class Cmi5 {

    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";

    /** Category activity that marks a "cmi5 defined" statement (section 9.6.2.1). */
    static final String CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";

    /** Context extension every statement of a cmi5 session carries, defined or allowed (section 9.6.3.1). */
    static final String SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

    /**
     * Verbs that never count toward moveOn whatever their result says: those the LMS issues about sessions and
     * satisfaction (launched, abandoned, waived, satisfied; section 9.3), the AU's session bookends (initialized,
     * terminated), and voiding (xAPI Data section 2.3.2).
     */
    static final Set<String> NEVER_COUNTING = Set.of(
            "http://adlnet.gov/expapi/verbs/launched",
            "http://adlnet.gov/expapi/verbs/initialized",
            "http://adlnet.gov/expapi/verbs/terminated",
            "https://w3id.org/xapi/adl/verbs/abandoned",
            "https://w3id.org/xapi/adl/verbs/waived",
            "https://w3id.org/xapi/adl/verbs/satisfied",
            "http://adlnet.gov/expapi/verbs/voided");

    private Cmi5() {}
}
