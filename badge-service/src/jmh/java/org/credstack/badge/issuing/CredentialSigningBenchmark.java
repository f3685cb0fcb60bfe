package org.credstack.badge.issuing;

import java.security.KeyPair;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.signing.ProofVerification;
import org.credstack.badge.status.StatusListEntry;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.Alignment;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;
import org.credstack.events.catalog.CredentialSnapshot.CompletionRule;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.events.catalog.MoveOn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cost of securing and of checking one {@code OpenBadgeCredential} with an {@code eddsa-rdfc-2022}
 * Data Integrity proof, and of the RDFC-1.0 canonicalisation that dominates both. The credential is
 * built by the production {@link OpenBadgeCredentials} from a catalog snapshot shaped like a real
 * one: issuer {@code Profile}, hashed email {@code IdentityObject}, and an {@code Achievement} with
 * description, criteria, image, three alignments and tags.
 *
 * <p>Average time per operation in milliseconds, one fork. Run with {@code ./mvnw -f badge-service
 * -Pbenchmarks test-compile exec:exec}; see {@code BENCHMARKS.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Long warm-up: on 2 shared cores C2 needs 10-15 s to finish compiling the JSON-LD and RDFC code paths.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class CredentialSigningBenchmark {

    private static final String BASE = "https://badges.example.org";
    private static final String ISSUER = BASE + "/issuers/prov-7";
    private static final byte[] SEED =
            HexFormat.of().parseHex("9b937b81322d816cfab9d5a3baacc9b2a5febe4b149f126b3630f93a29527017");

    private RdfCanonicalizer canonicalizer;
    private DataIntegritySigner signer;
    private DataIntegrityVerifier verifier;
    private KeyPair keys;
    private ProofOptions options;
    private ObjectNode unsigned;
    private ObjectNode signed;

    /**
     * Builds and signs the credential once, and refuses to run unless the proof verifies and a
     * tampered copy does not, so every benchmark measures the real work.
     *
     * @throws IllegalStateException if the benchmark credential does not sign and verify as in production
     */
    @Setup
    public void setUp() {
        canonicalizer = RdfCanonicalizer.offline();
        signer = new DataIntegritySigner(canonicalizer);
        verifier = new DataIntegrityVerifier(canonicalizer);
        keys = Ed25519Keys.fromSeed(SEED);
        options = ProofOptions.assertionMethod(
                ISSUER + "#" + Multikey.encode(keys.getPublic()), Instant.parse("2026-11-29T09:30:05Z"));
        unsigned = OpenBadgeCredentials.unsigned(award());
        signed = signer.sign(unsigned, options, keys.getPrivate());

        ProofVerification verification = verifier.verify(signed, keys.getPublic());
        if (!verification.verified()) {
            throw new IllegalStateException("benchmark credential does not verify: " + verification.failure());
        }
        ObjectNode tampered = signed.deepCopy();
        tampered.put("name", "Cloud Security Architect");
        if (verifier.verify(tampered, keys.getPublic()).verified()) {
            throw new IllegalStateException("a tampered benchmark credential verifies: the proof covers nothing");
        }
    }

    /** A fresh proof on the unsigned credential: two canonicalisations, two SHA-256, one Ed25519 signature. */
    @Benchmark
    public ObjectNode sign() {
        return signer.sign(unsigned, options, keys.getPrivate());
    }

    /** The proof of the signed credential checked: two canonicalisations, two SHA-256, one Ed25519 verification. */
    @Benchmark
    public ProofVerification verify() {
        return verifier.verify(signed, keys.getPublic());
    }

    /** JSON-LD toRdf and RDFC-1.0 of the unsigned credential alone. */
    @Benchmark
    public String canonicalize() {
        return canonicalizer.canonicalize(unsigned);
    }

    private static Award award() {
        return new Award(
                BASE + "/credentials/3b7e0c52-8f4d-4c1a-9e2b-5a6d7c8e9f01",
                ISSUER,
                BASE + "/achievements/cred-cloudsec/versions/4",
                snapshot(),
                Instant.parse("2026-11-29T09:30:00Z"),
                Instant.parse("2028-11-29T09:30:00Z"),
                "grace.hopper@example.org",
                "5c2a9e1f7b3d48a6c0e4f2b1d9a87356",
                new StatusListEntry("prov-cloudsec", 0, 94_567, BASE + "/status-lists/prov-cloudsec/0"));
    }

    private static CredentialSnapshot snapshot() {
        return new CredentialSnapshot(
                "cred-cloudsec",
                4,
                "PUBLISHED",
                "ce-6a1f1f1e-2b3c-4d5e-8f90-a1b2c3d4e5f6",
                "Cloud Security Fundamentals",
                "Designs identity and access policies, encrypts data at rest and in transit, and detects"
                        + " misconfigurations on a public cloud.",
                "MICRO_CREDENTIAL",
                "TECHNICAL",
                new ProviderSnapshot(
                        "prov-7",
                        "Example Academy",
                        "https://academy.example.org",
                        "badges@academy.example.org",
                        "Europe/Berlin"),
                List.of("Identity and access management", "Encryption", "Threat modelling", "Logging"),
                List.of(
                        new Alignment(
                                "O*NET-SOC",
                                "2019",
                                "15-1212.00",
                                "https://www.onetonline.org/link/summary/15-1212.00",
                                "Information Security Analysts"),
                        new Alignment(
                                "ESCO",
                                "1.2",
                                "2529.1",
                                "http://data.europa.eu/esco/occupation/9b3a7e5b-94a3-4df1-8b0f-9d1e7a1c4e1a",
                                "ICT security engineer"),
                        new Alignment(
                                "SFIA",
                                "8",
                                "SCTY",
                                "https://sfia-online.org/en/sfia-8/skills/information-security",
                                "Information security")),
                List.of("ONLINE", "HYBRID"),
                "Intermediate",
                "PT40H",
                null,
                List.of(
                        new Assignment(
                                "a1",
                                "Threat modelling lab",
                                "https://academy.example.org/xapi/a1",
                                MoveOn.Completed,
                                null),
                        new Assignment(
                                "a2",
                                "Key management exercise",
                                "https://academy.example.org/xapi/a2",
                                MoveOn.Passed,
                                0.7),
                        new Assignment("a3", "Final quiz", "https://academy.example.org/xapi/a3", MoveOn.Passed, 0.8)),
                new CompletionRule("ALL", null),
                "P2Y",
                null,
                "https://academy.example.org/badges/cloud-sec.png",
                null,
                Instant.parse("2026-09-01T00:00:00Z"));
    }
}
