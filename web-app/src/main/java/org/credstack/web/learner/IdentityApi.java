package org.credstack.web.learner;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/** identity-service's self-registration, which needs no token (docs/access.md, "Learner"). */
public interface IdentityApi {

    /**
     * {@code POST /api/v1/accounts} {@code {email, password, displayName}}: 201 with the account ({@code id} is the
     * new learner id); 400 {@code invalid-request} naming the field; 409 {@code email-taken}.
     */
    @PostExchange(url = "/api/v1/accounts", accept = "application/json", contentType = "application/json")
    JsonNode register(@RequestBody NewAccount body);

    /**
     * The account asked for; the password is sent once and kept nowhere by the web app.
     *
     * @param email the sign-in e-mail
     * @param password 12 to 64 characters, at most 72 bytes in UTF-8
     * @param displayName 1 to 200 characters
     */
    record NewAccount(String email, String password, String displayName) {

        @Override
        public String toString() {
            return "NewAccount[email=" + email + ", displayName=" + displayName + "]";
        }
    }
}
