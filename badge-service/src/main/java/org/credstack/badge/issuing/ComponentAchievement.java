package org.credstack.badge.issuing;

/**
 * A component achievement a stack's credential names, as the component's own credential signed it.
 *
 * @param achievementId the component's {@code credentialSubject.achievement.id}
 * @param name its {@code achievement.name}
 * @param credentialId the catalog credential it awards
 */
record ComponentAchievement(String achievementId, String name, String credentialId) {}
