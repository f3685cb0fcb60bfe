package org.credstack.web.operator;

/**
 * What came of a replay, shown on the pipeline page after it (post/redirect/get).
 *
 * @param replayed whether the record went back to its original topic
 * @param message what happened, in words
 */
public record ReplayResult(boolean replayed, String message) {}
