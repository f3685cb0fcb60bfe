package org.credstack.catalog.credential;

/** The broad area of a credential, as learners filter by it. */
public enum Category {
    TECHNICAL,
    SOFT_SKILL,
    INDUSTRY_SPECIFIC
}
