package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.credstack.badge.TestClockConfig;
import org.credstack.badge.signing.Multikey;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/verify} with the credential in each form a holder has it in, through the whole service
 * (security, request-size limit, multipart, problem details): a VC-JWT as the body and enveloped in JSON, baked
 * PNG and SVG as the body and uploaded as a file, and a broken PNG answered with a 400 problem.
 */
@Import(TestClockConfig.class)
class VerifyFormsIT extends ServiceIntegrationTest {

    static final String OB30 = BakedImagesTest.OB30;
    static final String BOUNDARY = "credstack-verify-forms";

    final HttpClient http = HttpClient.newHttpClient();

    /** An EdDSA VC-JWT whose kid is the did:key of its issuer: verifiable offline. */
    static String jwt() {
        String kid = VcJwtTest.DID_KEY + "#" + Multikey.encode(VcJwtTest.ED25519.getPublic());
        return VcJwtTest.sign(
                Map.of("alg", "EdDSA", "kid", kid, "typ", "vc+jwt"),
                VcJwtTest.payload(VcJwtTest.credential(VcJwtTest.DID_KEY)),
                VcJwtTest.ED25519);
    }

    HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + VerificationController.VERIFY))
                        .header("Content-Type", contentType)
                        .POST(BodyPublishers.ofByteArray(body))
                        .build(),
                BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String filename, String contentType, byte[] file) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
    }

    JsonNode report(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void verifiesAVcJwtSentAsTheBody() throws Exception {
        JsonNode report = report(post("application/vc+jwt", jwt().getBytes(StandardCharsets.US_ASCII)));

        assertThat(report.path("status").asString()).isEqualTo("verified");
        assertThat(report.at("/checks/proof/algorithm").asString()).isEqualTo("EdDSA");
    }

    @Test
    void verifiesAVcJwtEnvelopedInJson() throws Exception {
        String enveloped = json.writeValueAsString(Map.of(
                "@context", "https://www.w3.org/ns/credentials/v2",
                "type", "EnvelopedVerifiableCredential",
                "id", "data:application/vc+jwt," + jwt()));

        JsonNode report = report(post("application/json", enveloped.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.path("status").asString()).isEqualTo("verified");
    }

    @Test
    void verifiesTheCredentialBakedIntoAPngOrSvgBody() throws Exception {
        JsonNode png = report(post("image/png", BakedImagesTest.bytes(OB30 + "simple-jwt.png")));
        JsonNode svg = report(post("image/svg+xml", BakedImagesTest.bytes(OB30 + "simple-json.svg")));

        assertThat(png.at("/checks/proof/status").asString()).isEqualTo("valid");
        assertThat(png.at("/checks/proof/algorithm").asString()).isEqualTo("RS256");
        assertThat(png.path("credentialId").asString()).isEqualTo("http://example.com/credentials/3527");
        assertThat(svg.at("/checks/proof/verificationMethod").asString())
                .isEqualTo("https://example.com/issuers/876543#z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x");
    }

    @Test
    void verifiesAnUploadedPngSvgOrJwtFile() throws Exception {
        JsonNode png = report(upload("badge.png", "image/png", BakedImagesTest.bytes(OB30 + "simple-json.png")));
        JsonNode svg = report(upload("badge.svg", "image/svg+xml", BakedImagesTest.bytes(OB30 + "simple-jwt.svg")));
        JsonNode jwt = report(upload("badge.jwt", "application/octet-stream", jwt().getBytes(StandardCharsets.UTF_8)));

        assertThat(png.at("/checks/proof/verificationMethod").asString()).startsWith("https://example.com/issuers/");
        assertThat(svg.at("/checks/proof/algorithm").asString()).isEqualTo("RS256");
        assertThat(svg.at("/checks/issuer/cause").asString()).isEqualTo("key not bound to issuer");
        assertThat(jwt.path("status").asString()).isEqualTo("verified");
    }

    @Test
    void answersABrokenPngWithAProblemAndNoReport() throws Exception {
        byte[] broken = Arrays.copyOf(BakedImagesTest.bytes(OB30 + "simple-json.png"), 60);

        for (HttpResponse<String> response :
                new HttpResponse[] {post("image/png", broken), upload("badge.png", "image/png", broken)}) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:not-a-credential");
            assertThat(problem.path("detail").asString()).isEqualTo("the PNG image is damaged or truncated");
        }
    }

    @Test
    void answersAnObjectHoldingNoCredentialWithAProblemAndNoReport() throws Exception {
        for (String body : new String[] {"{}", "{\"name\": \"not a credential\"}"}) {
            HttpResponse<String> response = post("application/json", body.getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:not-a-credential");
            assertThat(problem.path("detail").asString()).contains("neither @context nor a type");
        }
    }

    @Test
    void stillReportsOnACredentialThatIsBrokenButMeantAsOne() throws Exception {
        String typedOnly = "{\"type\": [\"VerifiableCredential\"]}";
        String contextOnly = "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"]}";

        for (String body : new String[] {typedOnly, contextOnly}) {
            JsonNode report = report(post("application/json", body.getBytes(StandardCharsets.UTF_8)));

            assertThat(report.path("status").asString()).as(body).isEqualTo("invalid");
        }
    }

    @Test
    void answersAWrongMethodWith405EvenWithoutAToken() throws Exception {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + VerificationController.VERIFY))
                            .method(method, BodyPublishers.noBody())
                            .build(),
                    BodyHandlers.ofString());

            assertThat(response.statusCode()).as(method + " " + response.body()).isEqualTo(405);
            assertThat(json.readTree(response.body()).path("type").asString())
                    .isEqualTo("urn:credstack:problem:method-not-allowed");
        }
    }
}
