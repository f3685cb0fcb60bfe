package org.credstack.catalog.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.common.StaffCheck;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.CredentialImports;
import org.credstack.catalog.credential.ImportReach;
import org.credstack.catalog.credential.ImportResult;
import org.credstack.catalog.importing.ImportOptions.Format;
import org.credstack.catalog.importing.ImportRejected.Problem;
import org.credstack.catalog.importing.ImportRejected.Reason;
import org.credstack.runtime.security.Access;
import org.springframework.http.MediaType;
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
 * Answers 200 with the {@link ImportResult}, or throws {@link ImportRejected}, which the service's problem advice
 * answers as an RFC 9457 problem: 400 {@code not-json} for an empty body or one that is not JSON, 400
 * {@code invalid-request} for an unknown parameter value (its {@code errors} name the {@code field}), 422
 * {@code import-rejected} for content that cannot be imported (its {@code errors} name a {@code pointer} into
 * the document, or the {@code field} of a record the catalog refused); nothing is stored then.
 *
 * <p>Who may import: staff of every provider the import writes into (the providers the document names, the
 * provider of each credential it creates, and the stored provider of each credential it matches), or an
 * operator; an import that would create a provider (such as the sample catalog, many providers at once) is for
 * operators only. Learners and partners are refused before the document is read; other staff once it is
 * planned. A refusal is the 403 {@code forbidden} problem (401 {@code unauthorized} without a token) and
 * nothing is stored or published.
 */
@RestController
class ImportController {

    private static final int MAX_ECHO = 80;

    private final CredentialImports imports;
    private final Access access;
    private final ImportDocuments documents = new ImportDocuments();

    ImportController(CredentialImports imports, Access access) {
        this.imports = imports;
        this.access = access;
    }

    @PostMapping(
            path = "/api/v1/imports",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportResult importDocument(
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String source) {
        StaffCheck.requireSomeProviderStaff(access);
        ImportOptions options = new ImportOptions(
                parse(Format.class, "format", format, source),
                parse(Category.class, "category", category, source),
                provider == null || provider.isBlank() ? null : provider.strip(),
                source);
        var batch = documents.read(body, options);
        try {
            return imports.importAll(batch, this::requireMayWrite);
        } catch (CatalogRuleViolation violation) {
            throw new ImportRejected(
                    source, Reason.CONTENT, List.of(Problem.field(violation.field(), violation.getMessage())));
        }
    }

    private void requireMayWrite(ImportReach reach) {
        if (reach.createsProviders()) {
            access.requireOperator();
        }
        reach.providerIds().forEach(access::requireProviderStaff);
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
                    List.of(Problem.field(name, "'" + echo(value) + "' is not one of " + known)));
        }
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }
}
