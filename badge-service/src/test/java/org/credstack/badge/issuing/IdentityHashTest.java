package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IdentityHashTest {

    private static final String SALT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @Test
    void hashesEmailPlusSaltWithSha256AsLowerCaseHex() {
        // python3: hashlib.sha256(b'ada.lovelace@example.org' + b'0f1e...e1f0').hexdigest()
        assertThat(IdentityHash.ofEmail("ada.lovelace@example.org", SALT))
                .isEqualTo("sha256$2e3c28d88d284dba85a132c29575f76f7e3c93a6b6820bf8193a53ca9fd24e21");
    }

    @Test
    void hashesTheSameAddressWrittenInAnyCaseOrPaddingAlike() {
        assertThat(IdentityHash.ofEmail("  Ada.Lovelace@EXAMPLE.org ", SALT))
                .isEqualTo(IdentityHash.ofEmail("ada.lovelace@example.org", SALT));
    }

    @Test
    void differentSaltsGiveDifferentHashes() {
        assertThat(IdentityHash.ofEmail("ada.lovelace@example.org", IdentityHash.newSalt()))
                .isNotEqualTo(IdentityHash.ofEmail("ada.lovelace@example.org", IdentityHash.newSalt()));
        assertThat(IdentityHash.newSalt()).matches("[0-9a-f]{32}");
    }

    @Test
    void rejectsABlankEmail() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IdentityHash.ofEmail(" ", SALT))
                .withMessageContaining("email");
    }
}
