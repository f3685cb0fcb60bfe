package org.credstack.badge.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.credstack.badge.issuing.Revocation;
import org.junit.jupiter.api.Test;

/** The rendering cache: a repeated download is not rendered again, a revocation is, and the cache stays bounded. */
class CredentialDownloadsTest {

    final CredentialDownloads downloads = new CredentialDownloads(null, null, null);

    @Test
    void servesARepeatedDownloadFromTheCacheAndRendersARevokedCredentialAfresh() {
        SharedCredential issued = BakingTest.credential(null);
        byte[] first = downloads.bytes(issued, Download.PNG);

        assertThat(downloads.bytes(issued, Download.PNG)).isSameAs(first);
        SharedCredential revoked = BakingTest.credential(new Revocation(Instant.parse("2024-02-10T12:00:00Z"), "x"));
        assertThat(downloads.bytes(revoked, Download.PNG)).isNotSameAs(first).isNotEqualTo(first);
        assertThat(downloads.bytes(issued, Download.SVG)).isNotEqualTo(first);
    }

    @Test
    void keepsAtMostTheLastRenderingsAndForgetsTheLeastRecentlyUsed() {
        SharedCredential kept = withId(BakingTest.credential(null), "kept");
        SharedCredential dropped = withId(BakingTest.credential(null), "dropped");
        byte[] keptBytes = downloads.bytes(kept, Download.SVG);
        byte[] droppedBytes = downloads.bytes(dropped, Download.SVG);

        for (int i = 0; i < CredentialDownloads.CACHED - 1; i++) {
            downloads.bytes(kept, Download.SVG); // used again: the most recent
            downloads.bytes(withId(kept, "other-" + i), Download.SVG);
        }

        assertThat(downloads.bytes(kept, Download.SVG)).isSameAs(keptBytes);
        assertThat(downloads.bytes(dropped, Download.SVG))
                .isNotSameAs(droppedBytes)
                .isEqualTo(droppedBytes);
    }

    static SharedCredential withId(SharedCredential c, String id) {
        return new SharedCredential(
                id,
                c.credentialUrl(),
                c.signedCredential(),
                c.achievementName(),
                c.criteria(),
                c.issuerName(),
                c.issuerUrl(),
                c.recipient(),
                c.validFrom(),
                c.validUntil(),
                c.zone(),
                c.revocation());
    }
}
