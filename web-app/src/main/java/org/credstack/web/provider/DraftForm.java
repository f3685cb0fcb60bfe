package org.credstack.web.provider;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The draft form: the fields of catalog-service's {@code CredentialRequest} a person types, as typed (text, so a
 * value that is not a number can be shown back with its error). {@link #body} turns it into the request body on top
 * of the stored content, so the fields the form does not show (alignments, renewal policy, a stack's component rule)
 * are kept as they are. Errors are keyed by catalog-service's field paths ({@code title}, {@code cost.amount},
 * {@code assignments[0].masteryScore}, {@code completionRule.minimum}); {@link #fieldId} gives the form field's id.
 */
public class DraftForm {

    /** cmi5's moveOn values (cmi5 section 13.1.4), as catalog-service takes them. */
    static final List<String> MOVE_ON =
            List.of("Completed", "Passed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable");

    static final List<String> CATEGORIES = List.of("TECHNICAL", "SOFT_SKILL", "INDUSTRY_SPECIFIC");

    static final List<String> DELIVERY_MODES = List.of("ONLINE", "IN_PERSON", "HYBRID");

    /** How many blank assignment rows the form offers after the filled ones. */
    static final int SPARE_ROWS = 2;

    private static final Pattern ROW = Pattern.compile("^assignments\\[(\\d+)]");

    private String title;
    private String description;
    private String kind = "MICRO_CREDENTIAL";
    private String category;
    private String level;
    private String ctid;
    private String skills;
    private List<String> deliveryModes = new ArrayList<>();
    private String estimatedDuration;
    private String costAmount;
    private String costCurrency;
    private String validityPeriod;
    private String image;
    private String completionMinimum;
    private List<AssignmentRow> assignments = new ArrayList<>();

    /** An empty form for a new micro-credential. */
    static DraftForm blank() {
        DraftForm form = new DraftForm();
        form.withSpareRows();
        return form;
    }

    /** The form filled with a credential's stored {@code content}. */
    static DraftForm of(JsonNode content) {
        DraftForm form = new DraftForm();
        form.title = text(content, "title");
        form.description = text(content, "description");
        form.kind = content.path("kind").asString("MICRO_CREDENTIAL");
        form.category = text(content, "category");
        form.level = text(content, "level");
        form.ctid = text(content, "ctid");
        List<String> skills = new ArrayList<>();
        content.path("skills").forEach(s -> skills.add(s.asString()));
        form.skills = String.join("\n", skills);
        content.path("deliveryModes").forEach(m -> form.deliveryModes.add(m.asString()));
        form.estimatedDuration = text(content, "estimatedDuration");
        form.costAmount = content.path("cost").path("amount").isMissingNode()
                ? null
                : content.path("cost").path("amount").asString();
        form.costCurrency = text(content.path("cost"), "currency");
        form.validityPeriod = text(content, "validityPeriod");
        form.image = text(content, "image");
        form.completionMinimum = content.path("completionRule").path("minimum").isNumber()
                ? content.path("completionRule").path("minimum").asString()
                : null;
        content.path("assignments").forEach(a -> {
            AssignmentRow row = new AssignmentRow();
            row.setId(text(a, "id"));
            row.setTitle(text(a, "title"));
            row.setActivityId(text(a, "activityId"));
            row.setMoveOn(text(a, "moveOn"));
            row.setMasteryScore(
                    a.path("masteryScore").isNumber() ? a.path("masteryScore").asString() : null);
            form.assignments.add(row);
        });
        form.withSpareRows();
        return form;
    }

    /** Adds blank assignment rows after the last filled one, for the person to fill. */
    DraftForm withSpareRows() {
        for (int i = 0; i < SPARE_ROWS; i++) {
            assignments.add(new AssignmentRow());
        }
        return this;
    }

    /**
     * What the form can tell before catalog-service is asked: an amount, a score or a minimum that is not a number, a
     * price without its currency. Keyed by catalog-service's field path.
     */
    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!blank(costAmount) && decimal(costAmount) == null) {
            errors.put("cost.amount", "the cost is a number such as 120 or 49.90");
        }
        if (blank(costAmount) && !blank(costCurrency)) {
            errors.put("cost.amount", "a currency needs an amount (0 for free)");
        }
        if (!blank(completionMinimum) && !completionMinimum.strip().matches("\\d{1,4}")) {
            errors.put("completionRule.minimum", "the number of assignments needed is a whole number, such as 2");
        }
        List<Integer> rows = filledRows();
        for (int sent = 0; sent < rows.size(); sent++) {
            AssignmentRow row = assignments.get(rows.get(sent));
            if (!blank(row.getMasteryScore()) && decimal(row.getMasteryScore()) == null) {
                errors.put(
                        "assignments[" + rows.get(sent) + "].masteryScore",
                        "the mastery score is a number between 0 and 1, such as 0.8");
            }
        }
        return errors;
    }

    /**
     * The request body for catalog-service: {@code base} (the stored content, or an empty object for a new draft)
     * with the form's fields written over it. Blank fields are {@code null}; blank assignment rows are left out.
     *
     * @param providerId the provider the credential is offered by
     */
    ObjectNode body(JsonMapper json, JsonNode base, String providerId) {
        ObjectNode body = base != null && base.isObject() ? ((ObjectNode) base).deepCopy() : json.createObjectNode();
        body.put("title", orNull(title));
        body.put("description", orNull(description));
        body.put("kind", orNull(kind));
        body.put("category", orNull(category));
        body.put("providerId", providerId);
        body.put("ctid", orNull(ctid));
        body.put("level", orNull(level));
        ArrayNode skillList = body.putArray("skills");
        if (skills != null) {
            Arrays.stream(skills.split("[\\n,]"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(skillList::add);
        }
        ArrayNode modes = body.putArray("deliveryModes");
        deliveryModes.forEach(modes::add);
        body.put("estimatedDuration", orNull(estimatedDuration));
        if (blank(costAmount)) {
            body.putNull("cost");
        } else {
            ObjectNode cost = body.putObject("cost");
            cost.put("amount", decimal(costAmount));
            cost.put(
                    "currency",
                    blank(costCurrency) ? null : costCurrency.strip().toUpperCase(java.util.Locale.ROOT));
        }
        body.put("validityPeriod", orNull(validityPeriod));
        body.put("image", orNull(image));
        if (blank(completionMinimum)) {
            body.putNull("completionRule");
        } else {
            ObjectNode rule = body.putObject("completionRule");
            rule.put("type", "AT_LEAST");
            rule.put("minimum", Integer.parseInt(completionMinimum.strip()));
        }
        ArrayNode rows = body.putArray("assignments");
        for (int index : filledRows()) {
            AssignmentRow row = assignments.get(index);
            ObjectNode a = rows.addObject();
            a.put("id", orNull(row.getId()));
            a.put("title", orNull(row.getTitle()));
            a.put("activityId", orNull(row.getActivityId()));
            a.put("moveOn", orNull(row.getMoveOn()));
            a.put("masteryScore", blank(row.getMasteryScore()) ? null : decimal(row.getMasteryScore()));
        }
        return body;
    }

    /**
     * catalog-service's field errors placed on this form: an assignment's index in the body sent (blank rows were
     * left out) becomes its row on the form.
     */
    Map<String, String> onForm(Map<String, String> serviceErrors) {
        List<Integer> rows = filledRows();
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            Matcher m = ROW.matcher(field);
            String onForm = field;
            if (m.find()) {
                int sent = Integer.parseInt(m.group(1));
                int row = sent < rows.size() ? rows.get(sent) : sent;
                onForm = "assignments[" + row + "]" + field.substring(m.end());
            }
            errors.putIfAbsent(onForm, message);
        });
        return errors;
    }

    /**
     * The id of the form field for a catalog-service field path: {@code assignments[0].masteryScore} →
     * {@code assignments-0-masteryScore}, {@code cost.amount} → {@code cost-amount}; the whole body ({@code $}) is the
     * form itself.
     */
    public static String fieldId(String path) {
        if (path == null || path.isEmpty() || path.equals("$")) {
            return "draft-form";
        }
        return path.replace("[", "-").replace("].", "-").replace("]", "").replace(".", "-");
    }

    private List<Integer> filledRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            if (!assignments.get(i).isBlank()) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orNull(String text) {
        return blank(text) ? null : text.strip();
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether it is a stack (its component rule is kept as stored; the form does not edit it). */
    public boolean isStack() {
        return "STACK".equals(kind);
    }

    // the form's properties, bound from the request by name (assignments[0].title ...)

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getCtid() {
        return ctid;
    }

    public void setCtid(String ctid) {
        this.ctid = ctid;
    }

    public String getSkills() {
        return skills;
    }

    public void setSkills(String skills) {
        this.skills = skills;
    }

    public List<String> getDeliveryModes() {
        return deliveryModes;
    }

    public void setDeliveryModes(List<String> deliveryModes) {
        this.deliveryModes = deliveryModes == null ? new ArrayList<>() : deliveryModes;
    }

    public String getEstimatedDuration() {
        return estimatedDuration;
    }

    public void setEstimatedDuration(String estimatedDuration) {
        this.estimatedDuration = estimatedDuration;
    }

    public String getCostAmount() {
        return costAmount;
    }

    public void setCostAmount(String costAmount) {
        this.costAmount = costAmount;
    }

    public String getCostCurrency() {
        return costCurrency;
    }

    public void setCostCurrency(String costCurrency) {
        this.costCurrency = costCurrency;
    }

    public String getValidityPeriod() {
        return validityPeriod;
    }

    public void setValidityPeriod(String validityPeriod) {
        this.validityPeriod = validityPeriod;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getCompletionMinimum() {
        return completionMinimum;
    }

    public void setCompletionMinimum(String completionMinimum) {
        this.completionMinimum = completionMinimum;
    }

    public List<AssignmentRow> getAssignments() {
        return assignments;
    }

    public void setAssignments(List<AssignmentRow> assignments) {
        this.assignments = assignments == null ? new ArrayList<>() : assignments;
    }

    /** One assignment row of the form (cmi5 {@code moveOn}, scaled {@code masteryScore} in [0, 1]). */
    public static class AssignmentRow {

        private String id;
        private String title;
        private String activityId;
        private String moveOn;
        private String masteryScore;

        boolean isBlank() {
            return DraftForm.blank(id)
                    && DraftForm.blank(title)
                    && DraftForm.blank(activityId)
                    && DraftForm.blank(masteryScore);
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getActivityId() {
            return activityId;
        }

        public void setActivityId(String activityId) {
            this.activityId = activityId;
        }

        public String getMoveOn() {
            return moveOn;
        }

        public void setMoveOn(String moveOn) {
            this.moveOn = moveOn;
        }

        public String getMasteryScore() {
            return masteryScore;
        }

        public void setMasteryScore(String masteryScore) {
            this.masteryScore = masteryScore;
        }
    }
}
