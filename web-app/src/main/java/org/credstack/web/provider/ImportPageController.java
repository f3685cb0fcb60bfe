package org.credstack.web.provider;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credstack.web.Fetched;
import org.credstack.web.ServiceCalls;
import org.credstack.web.signin.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Imports for a provider's staff: {@code GET /provider/{providerId}/imports} is the upload form, {@code POST} relays
 * the uploaded CTDL or Open Badges file to catalog-service's {@code POST /api/v1/imports} (the file's bytes as the
 * JSON body, its name as {@code source}) and shows the per-record report: each credential created, revised or left
 * unchanged, or, when catalog-service refused the file, every refused record or place in the document and why
 * (nothing of a refused file is stored: imports are all or nothing). catalog-service imports synchronously, so the
 * progress display is the htmx request indicator while the upload runs; an htmx request gets only the report.
 */
@Controller
class ImportPageController {

    static final List<String> FORMATS = List.of("ctdl", "openbadges");
    static final List<String> CATEGORIES = List.of("technical", "soft_skill", "industry_specific");

    /**
     * The largest file relayed, in bytes: catalog-service's request limit ({@code credstack.runtime.max-request-size},
     * 1 MB). The app's own multipart limit is higher (application.yml), so a larger file reaches this check and is
     * named, instead of failing while the request (and its CSRF token) is read.
     */
    static final long MAX_DOCUMENT_BYTES = 1024 * 1024;

    private final StaffCatalogApi catalog;
    private final ServiceCalls calls;

    ImportPageController(StaffCatalogApi catalog, ServiceCalls calls) {
        this.catalog = catalog;
        this.calls = calls;
    }

    @GetMapping("/provider/{providerId}/imports")
    String form(@PathVariable String providerId, Caller caller, Model model) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        return page(model, providerId, null);
    }

    /**
     * 200 with the report (imported, or refused by catalog-service with its reasons; 422 without htmx for a refused
     * file); 400 naming {@code file}, {@code format} or {@code category} when the form is wrong (catalog-service is not
     * asked); 403 or 503 with the reason when catalog-service refuses the person or does not answer.
     */
    @PostMapping("/provider/{providerId}/imports")
    String upload(
            @PathVariable String providerId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String category,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        String chosenFormat = blankToNull(format);
        String chosenCategory = blankToNull(category);
        ImportReport report;
        if (file == null || file.isEmpty()) {
            report = ImportReport.badInput("file", "choose a CTDL or Open Badges JSON file to import");
        } else if (file.getSize() > MAX_DOCUMENT_BYTES) {
            report = ImportReport.badInput(
                    "file", "is " + file.getSize() + " bytes; catalog-service takes at most 1 MB (1048576 bytes)");
        } else if (chosenFormat != null && !FORMATS.contains(chosenFormat)) {
            report = ImportReport.badInput("format", "is one of " + FORMATS + " or left to detection");
        } else if (chosenCategory != null && !CATEGORIES.contains(chosenCategory)) {
            report = ImportReport.badInput("category", "is one of " + CATEGORIES);
        } else {
            byte[] document = bytes(file);
            String source = file.getOriginalFilename();
            Fetched<JsonNode> answer = calls.call(
                    ServiceCalls.CATALOG,
                    () -> catalog.importDocument(
                            caller.authorization(), document, chosenFormat, chosenCategory, source));
            report = ImportReport.of(source, answer);
        }
        response.setStatus(htmx != null && report.status() != HttpStatus.BAD_REQUEST.value() ? 200 : report.status());
        page(model, providerId, report);
        return htmx != null ? "provider/imports :: report" : "provider/imports";
    }

    private static String page(Model model, String providerId, ImportReport report) {
        model.addAttribute("providerId", providerId);
        model.addAttribute("report", report);
        model.addAttribute("formats", FORMATS);
        model.addAttribute("categories", CATEGORIES);
        return "provider/imports";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * What an import did, for the page.
     *
     * @param source the file's name
     * @param imported one line per credential of an accepted file, in the file's order
     * @param refused for a refused file: each refused record's field or place in the document ({@code pointer}) with
     *     why; for bad input on the form: the form field with what is wrong
     * @param summary one sentence: what happened
     * @param status the page's HTTP status
     */
    record ImportReport(String source, List<Line> imported, Map<String, String> refused, String summary, int status) {

        /** One credential of an accepted import: {@code change} is CREATED, REVISED or UNCHANGED. */
        record Line(String sourceKey, String credentialId, int version, String change) {}

        static ImportReport badInput(String field, String message) {
            return new ImportReport(
                    null, List.of(), Map.of(field, field + " " + message), "Nothing was imported.", 400);
        }

        static ImportReport of(String source, Fetched<JsonNode> answer) {
            return switch (answer.state()) {
                case FOUND -> {
                    List<Line> lines = new ArrayList<>();
                    answer.value()
                            .path("credentials")
                            .forEach(c -> lines.add(new Line(
                                    c.path("sourceKey").asString(""),
                                    c.path("credentialId").asString(""),
                                    c.path("version").asInt(),
                                    c.path("change").asString(""))));
                    yield new ImportReport(
                            source,
                            lines,
                            Map.of(),
                            lines.size() + " credential(s) imported from " + source + ".",
                            200);
                }
                case REJECTED ->
                    new ImportReport(
                            source,
                            List.of(),
                            answer.errors().isEmpty() ? Map.of("", answer.detail()) : answer.errors(),
                            "catalog-service refused " + source + "; nothing of it was imported.",
                            422);
                default ->
                    new ImportReport(
                            source,
                            List.of(),
                            Map.of(),
                            answer.isUnavailable()
                                    ? "Nothing was imported: catalog-service did not answer; try again in a minute."
                                    : "Nothing was imported. " + Refusals.of(answer, "catalog-service", "import"),
                            CredentialPagesController.status(answer));
            };
        }
    }
}
