package org.credstack.web.signin;

import java.util.List;

/**
 * Who is looking at a page, for the page itself (the header's links, what a page offers): every template has it as
 * {@code viewer}. No token: templates never see one.
 *
 * @param signedIn whether a person is signed in
 * @param name their display name; empty when not signed in
 * @param roles their platform roles; empty when not signed in
 */
public record Viewer(boolean signedIn, String name, List<String> roles) {

    /** Nobody signed in. */
    public static final Viewer ANONYMOUS = new Viewer(false, "", List.of());

    public Viewer {
        roles = List.copyOf(roles);
    }

    /** Whether the viewer is a learner. */
    public boolean isLearner() {
        return roles.contains(SignInConfiguration.LEARNER);
    }

    /** Whether the viewer works for a provider. */
    public boolean isStaff() {
        return roles.contains(SignInConfiguration.PROVIDER_STAFF);
    }

    /** Whether the viewer runs the platform. */
    public boolean isOperator() {
        return roles.contains(SignInConfiguration.OPERATOR);
    }
}
