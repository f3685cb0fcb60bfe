package org.credstack.identity.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/providers/{providerId}/staff} (operator only).
 *
 * @param email the staff member's sign-in e-mail, at most 254 characters
 * @param displayName 1 to 200 characters
 * @param password 12 to 64 characters; when absent a random one is made and answered once
 */
record NewStaff(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String displayName,
        @Size(min = 12, max = 64) String password) {}
