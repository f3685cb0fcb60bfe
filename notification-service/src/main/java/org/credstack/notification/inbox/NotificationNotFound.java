package org.credstack.notification.inbox;

/** The learner has no notification with that id (it does not exist, or it is another learner's): HTTP 404. */
public class NotificationNotFound extends RuntimeException {

    private final String notificationId;

    NotificationNotFound(String learnerId, String notificationId) {
        super("learner " + learnerId + " has no notification " + notificationId);
        this.notificationId = notificationId;
    }

    /** The id asked for. */
    public String notificationId() {
        return notificationId;
    }
}
