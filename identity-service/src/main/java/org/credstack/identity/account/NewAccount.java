package org.credstack.identity.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;

/**
 * The body of a learner's self-registration ({@code POST /api/v1/accounts}).
 *
 * @param email the sign-in e-mail, at most 254 characters
 * @param password 12 to 64 characters and at most 72 bytes in UTF-8 (bcrypt reads no further)
 * @param displayName 1 to 200 characters
 */
record NewAccount(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 12, max = 64) String password,
        @NotBlank @Size(max = 200) String displayName) {

    static final int MAX_PASSWORD_BYTES = 72;

    /**
     * @throws InvalidAccount if the password is longer than bcrypt reads
     */
    static void requireHashable(String password) {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidAccount("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
    }
}
