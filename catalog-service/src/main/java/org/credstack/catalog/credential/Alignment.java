package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import org.credstack.catalog.common.Checks;

/**
 * An alignment to an entry of a framework (Open Badges 3.0 {@code Alignment}; CTDL
 * {@code occupationType}/{@code industryType} CredentialAlignmentObjects). O*NET-SOC, NAICS, SFIA and
 * ESCO all occur in real data.
 *
 * @param framework framework name, e.g. {@code O*NET-SOC}; required
 * @param frameworkVersion framework version, or {@code null}
 * @param code code within the framework, or {@code null}
 * @param targetUrl URL of the entry, or {@code null}
 * @param label human-readable name of the entry; required
 * @throws CatalogRuleViolation if framework or label is blank
 */
public record Alignment(String framework, String frameworkVersion, String code, String targetUrl, String label) {

    public Alignment {
        require(framework != null && !framework.isBlank(), "framework", "an alignment names its framework");
        require(label != null && !label.isBlank(), "label", "an alignment has a label");
        Checks.maxLength(framework, Checks.MAX_NAME, "framework");
        Checks.maxLength(frameworkVersion, Checks.MAX_NAME, "frameworkVersion");
        Checks.maxLength(code, Checks.MAX_NAME, "code");
        Checks.maxLength(label, Checks.MAX_NAME, "label");
        Checks.httpUrl(targetUrl, "targetUrl");
    }
}
