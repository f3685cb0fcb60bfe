package org.credstack.identity.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/providers/{providerId}/clients} (operator only).
 *
 * @param name the partner system's name, 1 to 200 characters
 */
record NewPartnerClient(@NotBlank @Size(max = 200) String name) {}
