package org.credstack.catalog.credential;

import java.time.Instant;

/**
 * One immutable published version of a credential, embedded in the credential's document.
 *
 * @param version version number, 1 for the first publication
 * @param content what was published
 * @param publishedAt when it was published, UTC (millisecond precision, as stored)
 */
record PublishedVersion(int version, CredentialDraft content, Instant publishedAt) {}
