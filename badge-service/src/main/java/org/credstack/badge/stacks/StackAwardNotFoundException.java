package org.credstack.badge.stacks;

/** The learner holds no credential of that stack; answered 404 {@code stack-award-not-found}. */
public class StackAwardNotFoundException extends RuntimeException {

    StackAwardNotFoundException(String learnerId, String stackCredentialId) {
        super("learner " + learnerId + " holds no credential of the stack " + stackCredentialId);
    }
}
