package org.credstack.badge.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates credentials against the official Open Badges 3.0 JSON Schemas (the JSON Schema appendix
 * of Open Badges Specification v3.0; draft 2019-09), loaded from {@code classpath:schemas/} under
 * their {@code $id}s, and CLR 2.0 {@code ClrCredential}s against CredStack's own schema written from the
 * CLR 2.0 data model (the official one is not bundled; see {@code schemas/SOURCES.md}).
 * No schema or meta-schema is ever fetched from the network: every {@code $id} the schemas use is
 * mapped to a bundled file (see {@code schemas/SOURCES.md}) and remote fetching is switched off.
 *
 * <p>A single-object {@code proof} is validated as the equivalent one-element array: VC Data
 * Integrity allows either form, these schemas only the array. Thread-safe; build once and share.
 */
public final class OpenBadgeSchemaValidator {

    /** {@code $id} of the OB 3.0 AchievementCredential (OpenBadgeCredential) schema. */
    public static final String ACHIEVEMENT_CREDENTIAL_SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json";

    /** {@code $id} of the OB 3.0 EndorsementCredential schema. */
    public static final String ENDORSEMENT_CREDENTIAL_SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential-jsonschema1.json";

    /** {@code $id} of the OB 3.0 Profile schema. */
    public static final String PROFILE_SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile-jsonschema1.json";

    /**
     * {@code $id} of CredStack's CLR 2.0 ClrCredential schema (CLR 2.0 §B.1 ClrCredential, §B.2 ClrSubject, written
     * from the data model; not the official {@code clr_v2p0_clrcredential_schema.json}).
     */
    public static final String CLR_CREDENTIAL_SCHEMA = "urn:credstack:schema:clr:v2p0:clrcredential";

    private static final String FOLDER = "classpath:schemas/1EdTech-openbadges-specification-gh-pages/";

    private static final Map<String, String> BUNDLED = Map.of(
            ACHIEVEMENT_CREDENTIAL_SCHEMA,
            FOLDER + "achievementcredential.json",
            ENDORSEMENT_CREDENTIAL_SCHEMA,
            FOLDER + "endorsementcredential.json",
            PROFILE_SCHEMA,
            FOLDER + "profile.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_getopenbadgecredentialsresponse-jsonschema1.json",
            FOLDER + "getopenbadgecredentialsresponse.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_imsx_statusinfo-jsonschema1.json",
            FOLDER + "imsx_statusinfo.json",
            CLR_CREDENTIAL_SCHEMA,
            "classpath:schemas/credstack/clr-v2p0-clrcredential.json");

    private final Schema schema;

    private OpenBadgeSchemaValidator(String schemaId) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2019_09,
                builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
                        .schemaIdResolvers(resolvers -> resolvers.mappings(BUNDLED))));
        this.schema = registry.getSchema(SchemaLocation.of(schemaId));
        this.schema.initializeValidators();
    }

    /** A validator for OpenBadgeCredentials (the AchievementCredential schema). */
    public static OpenBadgeSchemaValidator achievementCredential() {
        return new OpenBadgeSchemaValidator(ACHIEVEMENT_CREDENTIAL_SCHEMA);
    }

    /** A validator for EndorsementCredentials. */
    public static OpenBadgeSchemaValidator endorsementCredential() {
        return new OpenBadgeSchemaValidator(ENDORSEMENT_CREDENTIAL_SCHEMA);
    }

    /**
     * A validator for CLR 2.0 {@code ClrCredential}s on VC 2.0: the properties CLR 2.0 requires and the shape of its
     * ClrSubject (at least one held credential; identifiers, achievements and associations as CLR 2.0 defines them).
     * The held credentials themselves are not checked against the OB 3.0 schemas here; check each with {@link
     * #achievementCredential()}.
     */
    public static OpenBadgeSchemaValidator clrCredential() {
        return new OpenBadgeSchemaValidator(CLR_CREDENTIAL_SCHEMA);
    }

    /** A validator for issuer Profiles. */
    public static OpenBadgeSchemaValidator profile() {
        return new OpenBadgeSchemaValidator(PROFILE_SCHEMA);
    }

    /**
     * What is wrong with {@code credential} according to the schema.
     *
     * @param credential the credential as JSON; not changed
     * @return the violations, in the validator's order; empty when the credential is valid
     */
    public List<SchemaViolation> validate(JsonNode credential) {
        return schema.validate(withProofAsArray(credential)).stream()
                .map(OpenBadgeSchemaValidator::violation)
                .toList();
    }

    // VC Data Integrity 1.0 §2.1 lets `proof` be one object, as in the OB 3.0 signing test vector; the
    // OB 3.0 "json" schemas accept only arrays (1EdTech/openbadges-specification#473), so validate the
    // equivalent one-element array.
    private static JsonNode withProofAsArray(JsonNode credential) {
        if (credential instanceof ObjectNode object && object.get("proof") instanceof ObjectNode proof) {
            ObjectNode copy = object.deepCopy();
            copy.putArray("proof").add(proof.deepCopy());
            return copy;
        }
        return credential;
    }

    private static SchemaViolation violation(Error error) {
        return new SchemaViolation(String.valueOf(error.getInstanceLocation()), error.getKeyword(), error.getMessage());
    }
}
