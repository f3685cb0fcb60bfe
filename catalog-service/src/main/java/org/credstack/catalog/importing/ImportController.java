package org.credstack.catalog.importing;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credstack.catalog.credential.CatalogRuleViolation;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.CredentialImports;
import org.credstack.catalog.credential.ImportResult;
import org.credstack.catalog.importing.ImportOptions.Format;
import org.credstack.catalog.importing.ImportRejected.Problem;
import org.credstack.catalog.importing.ImportRejected.Reason;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/imports}: imports one CTDL or Open Badges document (or a JSON array of documents taken as
 * one batch, e.g. a BadgeClass and its issuer) into the catalog, all or nothing.
 *
 * <p>Query parameters: {@code format} ({@code ctdl} | {@code openbadges}; detected when absent), {@code category}
 * (TECHNICAL | SOFT_SKILL | INDUSTRY_SPECIFIC, for every credential of the document), {@code provider} (name of
 * the offering organisation when the document does not name it), {@code source} (file name or URL for reports).
 * Answers 200 with the {@link ImportResult}, or an RFC 9457 problem: 400 for a body that is not JSON or an
 * unknown parameter value, 422 for content that cannot be imported, each with an {@code errors} array.
 */
@RestController
class ImportController {

    private static final String PROBLEMS = "https://credstack.org/problems/";

    private final CredentialImports imports;
    private final ImportDocuments documents = new ImportDocuments();

    ImportController(CredentialImports imports) {
        this.imports = imports;
    }

    @PostMapping(
            path = "/api/v1/imports",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportResult importDocument(
            @RequestBody byte[] body,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String source) {
        ImportOptions options = new ImportOptions(
                parse(Format.class, "format", format, source),
                parse(Category.class, "category", category, source),
                provider == null || provider.isBlank() ? null : provider.strip(),
                source);
        var batch = documents.read(body, options);
        try {
            return imports.importAll(batch);
        } catch (CatalogRuleViolation violation) {
            throw new ImportRejected(
                    source, Reason.CONTENT, List.of(Problem.field(violation.field(), violation.getMessage())));
        }
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected rejected) {
        HttpStatus status =
                rejected.reason() == Reason.CONTENT ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejected.getMessage());
        switch (rejected.reason()) {
            case NOT_JSON -> {
                problem.setType(URI.create(PROBLEMS + "not-json"));
                problem.setTitle("The import is not JSON");
            }
            case BAD_PARAMETER -> {
                problem.setType(URI.create(PROBLEMS + "bad-parameter"));
                problem.setTitle("Unknown import parameter value");
            }
            case CONTENT -> {
                problem.setType(URI.create(PROBLEMS + "import-rejected"));
                problem.setTitle("The document cannot be imported");
            }
        }
        if (rejected.source() != null) {
            problem.setProperty("source", rejected.source());
        }
        problem.setProperty(
                "errors",
                rejected.problems().stream().map(ImportController::error).toList());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Map<String, String> error(Problem problem) {
        Map<String, String> error = new LinkedHashMap<>();
        if (problem.pointer() != null) {
            error.put("pointer", problem.pointer());
        } else {
            error.put("field", problem.field());
        }
        error.put("message", problem.message());
        return error;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value, String source) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> known = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new ImportRejected(
                    source,
                    Reason.BAD_PARAMETER,
                    List.of(Problem.field(name, "'" + value + "' is not one of " + known)));
        }
    }
}
