package org.credstack.enrollment.enrollment;

import java.util.List;
import java.util.Locale;
import org.credstack.enrollment.enrollment.EnrollmentController.EnrollmentView;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider's enrollments for its staff (docs/provider-lists.md):
 *
 * <pre>{@code
 * GET /api/v1/providers/{providerId}/enrollments?credentialId=&status=&page=0&size=20
 * → 200 {"items": [<EnrollmentView>, …], "page": {"number": 0, "size": 20, "totalElements": 42, "totalPages": 3}}
 * }</pre>
 *
 * Newest first ({@code enrolledAt} descending); each item as {@code GET /api/v1/learners/{learnerId}/enrollments/{id}}
 * answers it, with its progress per assignment. {@code credentialId} keeps the enrollments in that credential,
 * {@code status} ({@code IN_PROGRESS}, {@code COMPLETED}, {@code WITHDRAWN}) those with it. Staff of that provider and
 * operators only: 401 problem without a token, 403 for anyone else. 400 problem naming {@code page} (0 to 10,000),
 * {@code size} (1 to 100) or {@code status} (not one of the three).
 */
@RestController
class ProviderEnrollmentController {

    private final ProviderEnrollments enrollments;
    private final Access access;

    ProviderEnrollmentController(ProviderEnrollments enrollments, Access access) {
        this.enrollments = enrollments;
        this.access = access;
    }

    @GetMapping("/api/v1/providers/{providerId}/enrollments")
    EnrollmentPage list(
            @PathVariable String providerId,
            @RequestParam(required = false) String credentialId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        access.requireProviderStaff(providerId);
        if (page < 0 || page > ProviderEnrollments.MAX_PAGE) {
            throw new InvalidEnrollmentRequest("page", "page is from 0 to " + ProviderEnrollments.MAX_PAGE);
        }
        if (size < 1 || size > ProviderEnrollments.MAX_SIZE) {
            throw new InvalidEnrollmentRequest("size", "size is from 1 to " + ProviderEnrollments.MAX_SIZE);
        }
        ProviderEnrollments.Page found = enrollments.of(
                providerId,
                credentialId == null || credentialId.isBlank() ? null : credentialId,
                status(status),
                page,
                size);
        return new EnrollmentPage(
                found.enrollments().stream().map(EnrollmentView::of).toList(),
                new PageMeta(found.number(), found.size(), found.totalElements(), found.totalPages()));
    }

    private static Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidEnrollmentRequest("status", "status is IN_PROGRESS, COMPLETED or WITHDRAWN");
        }
    }

    /** A page of enrollments: the items and where the page is in the whole list. */
    record EnrollmentPage(List<EnrollmentView> items, PageMeta page) {}

    /**
     * @param number page number, from 0
     * @param size page size asked for
     * @param totalElements how many enrollments match in all
     * @param totalPages how many pages of this size there are
     */
    record PageMeta(int number, int size, long totalElements, int totalPages) {}
}
