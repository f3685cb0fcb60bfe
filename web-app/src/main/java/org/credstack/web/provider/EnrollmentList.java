package org.credstack.web.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * One page of a provider's enrollments as the enrollments page lists them, from enrollment-service's {@code {items:
 * [EnrollmentView], page}}.
 *
 * @param rows the enrollments, newest first
 * @param pager where the page is
 */
record EnrollmentList(List<Row> rows, Pager pager) {

    /**
     * One enrollment.
     *
     * @param id the enrollment's id
     * @param learnerId the learner
     * @param credentialId the credential enrolled in
     * @param credentialTitle its title
     * @param version the credential's version enrolled in
     * @param status {@code IN_PROGRESS}, {@code COMPLETED} or {@code WITHDRAWN}
     * @param enrolledAt when the learner enrolled (RFC 3339)
     * @param done how many assignments are done
     * @param open the assignments not done yet, by id and title; marked done from the row while in progress
     */
    record Row(
            String id,
            String learnerId,
            String credentialId,
            String credentialTitle,
            int version,
            String status,
            String enrolledAt,
            int done,
            List<Open> open) {

        /** The number of assignments. */
        public int total() {
            return done + open.size();
        }

        /** Whether its assignments can still be marked done. */
        public boolean inProgress() {
            return "IN_PROGRESS".equals(status);
        }
    }

    /** An assignment not done yet. */
    record Open(String assignmentId, String title) {}

    static EnrollmentList of(JsonNode page, IntFunction<String> link) {
        List<Row> rows = new ArrayList<>();
        page.path("items").forEach(item -> {
            int done = 0;
            List<Open> open = new ArrayList<>();
            for (JsonNode a : item.path("assignments")) {
                if (a.path("done").asBoolean(false)) {
                    done++;
                } else {
                    String id = a.path("assignmentId").asString("");
                    open.add(new Open(id, a.path("title").asString(id)));
                }
            }
            rows.add(new Row(
                    item.path("id").asString(""),
                    item.path("learnerId").asString(""),
                    item.path("credentialId").asString(""),
                    item.path("credentialTitle").asString(""),
                    item.path("credentialVersion").asInt(0),
                    item.path("status").asString(""),
                    item.path("enrolledAt").asString(null),
                    done,
                    List.copyOf(open)));
        });
        return new EnrollmentList(List.copyOf(rows), Pager.of(page.path("page"), link));
    }
}
