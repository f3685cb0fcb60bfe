package org.credstack.events.partner;

/** Events on {@code partner.completions.v1} (key = partner id + learner reference). */
public sealed interface PartnerCompletionEvent permits CompletionReported {}
