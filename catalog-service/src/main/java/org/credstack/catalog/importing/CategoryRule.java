package org.credstack.catalog.importing;

import java.util.List;
import java.util.Locale;
import org.credstack.catalog.credential.Alignment;
import org.credstack.catalog.credential.Category;

/**
 * Chooses a credential's {@link Category}, which neither CTDL nor Open Badges states. Deterministic, first
 * match wins:
 *
 * <ol>
 *   <li>the category the caller gives ({@code ?category=}) applies to every credential of the document;
 *   <li>alignments: a healthcare code (SOC/O*NET 29-/31-, NAICS 62, CIP 51) gives {@code INDUSTRY_SPECIFIC};
 *       SFIA, a computer occupation (SOC/O*NET 15-), NAICS 5112/518/519/5415 or CIP 11 gives {@code TECHNICAL};
 *   <li>words in title, skills, alignment labels and description: healthcare and licensure words
 *       ({@code health, nurs, medic, clinical, patient, life support, resuscitation, therap, licens})
 *       give {@code INDUSTRY_SPECIFIC}; teaching, communication and literacy words
 *       ({@code teach, communication skill, interpersonal, literacy, employability, leadership, plagiarism, scholarly})
 *       give {@code SOFT_SKILL};
 *   <li>otherwise {@code TECHNICAL}.
 * </ol>
 *
 * Components of a CTDL pathway take the pathway's category, so a stack and its parts file together.
 */
final class CategoryRule {

    private static final List<String> HEALTH_WORDS = List.of(
            "health", "nurs", "medic", "clinical", "patient", "life support", "resuscitation", "therap", "licens");
    private static final List<String> SOFT_WORDS = List.of(
            "teach",
            "communication skill",
            "interpersonal",
            "literacy",
            "employability",
            "leadership",
            "plagiarism",
            "scholarly");

    private CategoryRule() {}

    static Category choose(
            Category given, String title, List<String> skills, List<Alignment> alignments, String description) {
        if (given != null) {
            return given;
        }
        if (alignments.stream().anyMatch(CategoryRule::isHealthcareCode)) {
            return Category.INDUSTRY_SPECIFIC;
        }
        if (alignments.stream().anyMatch(CategoryRule::isComputingCode)) {
            return Category.TECHNICAL;
        }
        StringBuilder words = new StringBuilder().append(title).append(' ');
        skills.forEach(skill -> words.append(skill).append(' '));
        alignments.forEach(alignment -> words.append(alignment.label()).append(' '));
        words.append(description == null ? "" : description);
        String text = words.toString().toLowerCase(Locale.ROOT);
        if (HEALTH_WORDS.stream().anyMatch(text::contains)) {
            return Category.INDUSTRY_SPECIFIC;
        }
        if (SOFT_WORDS.stream().anyMatch(text::contains)) {
            return Category.SOFT_SKILL;
        }
        return Category.TECHNICAL;
    }

    private static boolean isHealthcareCode(Alignment alignment) {
        String code = alignment.code() == null ? "" : alignment.code();
        return switch (family(alignment)) {
            case "SOC" -> code.startsWith("29-") || code.startsWith("31-");
            case "NAICS" -> code.startsWith("62");
            case "CIP" -> code.startsWith("51.");
            default -> false;
        };
    }

    private static boolean isComputingCode(Alignment alignment) {
        String code = alignment.code() == null ? "" : alignment.code();
        return switch (family(alignment)) {
            case "SFIA" -> true;
            case "SOC" -> code.startsWith("15-");
            case "NAICS" ->
                code.startsWith("5112") || code.startsWith("518") || code.startsWith("519") || code.startsWith("5415");
            case "CIP" -> code.startsWith("11.");
            default -> false;
        };
    }

    private static String family(Alignment alignment) {
        String framework = alignment.framework().toUpperCase(Locale.ROOT);
        if (framework.contains("SFIA")) {
            return "SFIA";
        }
        if (framework.contains("OCCUPATIONAL CLASSIFICATION") || framework.matches(".*\\bSOC\\b.*")) {
            return "SOC";
        }
        if (framework.contains("NAICS")) {
            return "NAICS";
        }
        if (framework.contains("INSTRUCTIONAL PROGRAM") || framework.equals("CIP")) {
            return "CIP";
        }
        return "";
    }
}
