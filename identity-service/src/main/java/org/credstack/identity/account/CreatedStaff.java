package org.credstack.identity.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A provider-staff account just made: the account and, when the operator gave none, the generated password (shown
 * this once; only its hash is stored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CreatedStaff(
        String id, String email, String displayName, List<String> roles, List<String> providerIds, String password) {

    static CreatedStaff of(UserAccount account, String generatedPassword) {
        return new CreatedStaff(
                account.id(),
                account.email(),
                account.displayName(),
                account.roleClaims(),
                account.providerIds(),
                generatedPassword);
    }
}
