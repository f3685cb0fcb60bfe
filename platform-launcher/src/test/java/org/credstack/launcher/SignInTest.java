package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SignInTest {

    @Test
    void computesTheS256ChallengeOfRfc7636AppendixB() {
        assertThat(SignIn.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void readsTheCodeAndStateOfTheRedirect() {
        assertThat(SignIn.query(URI.create("http://127.0.0.1:8400/callback?code=a%2Bb&state=xyz")))
                .containsEntry("code", "a+b")
                .containsEntry("state", "xyz");
    }
}
