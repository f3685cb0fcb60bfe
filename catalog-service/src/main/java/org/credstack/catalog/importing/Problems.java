package org.credstack.catalog.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.importing.ImportRejected.Problem;
import org.credstack.catalog.importing.ImportRejected.Reason;

/** Collects the problems of one document so a report names all of them, not only the first. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void at(String pointer, String message) {
        found.add(Problem.at(pointer, message));
    }

    /**
     * Builds a value object; a catalog rule it breaks becomes a problem naming the record.
     *
     * @param record field path of the record, e.g. {@code credentials[ce-...]}
     * @param label human name of the record, quoted in the message
     * @return the value, or {@code null} when it broke a rule
     */
    <T> T build(String record, String label, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (CatalogRuleViolation violation) {
            String name = label == null || label.isBlank() ? "" : " ('" + label + "')";
            found.add(Problem.field(record + "." + violation.field(), violation.getMessage() + name));
            return null;
        }
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny(String source) {
        if (any()) {
            throw new ImportRejected(source, Reason.CONTENT, found);
        }
    }
}
