package org.credstack.enrollment.webhooks;

import org.credstack.enrollment.problem.DomainException;

/**
 * 403 {@code activity-not-owned}: a provider reported a completion for an activity that is not one of its own
 * credentials' (it belongs to another provider's credential, or to no credential this service knows). Nothing is
 * stored.
 */
class ActivityNotOwned extends DomainException {

    ActivityNotOwned(String providerId, String activityId) {
        super(
                Reason.FORBIDDEN,
                "data.activityId",
                "activity " + activityId + " is not an assignment of a credential of provider " + providerId
                        + " alone");
    }
}
