package org.credstack.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second opinion on our {@code OpenBadgeCredential}s: the DigitalBazaar verifier ({@code @digitalbazaar/vc} with
 * {@code DataIntegrityProof} + {@code eddsa-rdfc-2022}, and {@code @digitalbazaar/vc-bitstring-status-list} for the
 * {@code credentialStatus}) in the repository's {@code tools/ob-verifier}, run with {@code node}, entirely offline
 * (contexts from npm packages, the issuer's controller document and the status list credentials from files); and,
 * through {@link #verifyProofs(String)}, the proofs alone ({@code eddsa-rdfc-2022} and {@code Ed25519Signature2020})
 * of many credentials from other issuers in one node process, with the controller documents the request brings.
 *
 * <p>{@link #find()} walks up from the working directory to the folder holding {@code tools/ob-verifier} and, when
 * its {@code node_modules} is missing or older than its {@code package-lock.json}, runs {@code npm ci} there once (npm from the {@code PATH}; a file lock keeps
 * two test JVMs from installing at the same time). Tests skip themselves when {@link #available()} is false:
 *
 * <pre>{@code
 * assumeTrue(IndependentVerifier.available(), "node is not installed");
 * IndependentVerifier.Result result = IndependentVerifier.find().verify(credentialJson, controllerJson, now);
 * assertThat(result.verified()).as(result.output()).isTrue();
 * }</pre>
 */
public final class IndependentVerifier {

    /** Where the verifier lives, relative to the repository root. */
    public static final Path LOCATION = Path.of("tools", "ob-verifier");

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;

    private IndependentVerifier(Path directory) {
        this.directory = directory;
    }

    /**
     * What the verifier said.
     *
     * @param exitCode 0 verified and not revoked, 1 not verified or revoked, 2 bad usage (anything else: node itself
     *     failed)
     * @param verified whether it accepted the proof, the validity period and (when the credential has a status) the
     *     status list credential: {@code "verified":true} in its report. A revoked credential can be verified.
     * @param revoked whether the credential's revocation entry is set: {@code "revoked":true} in its report (false
     *     also when it has no status or the status could not be checked)
     * @param output its standard output and error, stripped; the last line is its JSON report {@code {"verified":
     *     true|false, "revoked": true|false|null, "errors": [...]}}
     */
    public record Result(int exitCode, boolean verified, boolean revoked, String output) {}

    private record Outcome(int exitCode, String output) {}

    /** Whether {@code node} runs from the {@code PATH}; the only reason the verifier cannot be used. */
    public static boolean available() {
        try {
            return run(List.of("node", "--version"), Path.of("."), Duration.ofSeconds(30))
                            .exitCode()
                    == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Finds {@code tools/ob-verifier} above the working directory and installs its packages if they are missing.
     *
     * @throws IllegalStateException if no folder above the working directory holds it, or {@code npm ci} fails
     *     (its output is in the message)
     */
    public static IndependentVerifier find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LOCATION);
            if (Files.isRegularFile(candidate.resolve("verify.mjs"))) {
                IndependentVerifier verifier = new IndependentVerifier(candidate);
                verifier.installIfMissing();
                return verifier;
            }
        }
        throw new IllegalStateException("no " + LOCATION + "/verify.mjs in " + start + " or any folder above it");
    }

    /** The verifier's folder, e.g. {@code /home/me/credstack/tools/ob-verifier}. */
    public Path directory() {
        return directory;
    }

    /**
     * Verifies a credential as of {@code now}.
     *
     * @param credentialJson the signed credential as served ({@code GET /credentials/{id}})
     * @param controllerJson the issuer's Profile and controller document ({@code GET /issuers/{providerId}})
     * @param now the instant validity ({@code validFrom}, {@code validUntil}) is checked against
     * @throws UncheckedIOException if the files cannot be written or node not started
     * @throws IllegalStateException if node does not answer within 60 s
     */
    public Result verify(String credentialJson, String controllerJson, Instant now) {
        return verify(credentialJson, controllerJson, List.of(), now);
    }

    /**
     * Verifies a credential as of {@code now}, with the status list credentials its {@code credentialStatus} names.
     *
     * @param statusListsJson each {@code BitstringStatusListCredential} as served ({@code GET
     *     /status-lists/{providerId}/{n}}); the verifier loads each under its {@code id}
     * @see #verify(String, String, Instant)
     */
    public Result verify(String credentialJson, String controllerJson, List<String> statusListsJson, Instant now) {
        try {
            Path files = Files.createTempDirectory("ob-verifier");
            try {
                Path credential = Files.writeString(files.resolve("credential.json"), credentialJson);
                Path controller = Files.writeString(files.resolve("controller.json"), controllerJson);
                List<Path> statusLists = new ArrayList<>();
                for (int i = 0; i < statusListsJson.size(); i++) {
                    statusLists.add(
                            Files.writeString(files.resolve("status-list-" + i + ".json"), statusListsJson.get(i)));
                }
                return verify(credential, controller, statusLists, now);
            } finally {
                try (var list = Files.list(files)) {
                    for (Path file : list.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code node verify.mjs <credential> <controller> <now>}.
     *
     * @see #verify(String, String, Instant)
     */
    public Result verify(Path credential, Path controller, Instant now) {
        return verify(credential, controller, List.of(), now);
    }

    /**
     * {@code node verify.mjs <credential> <controller> <now> --status-list=<file>...}.
     *
     * @see #verify(String, String, List, Instant)
     */
    public Result verify(Path credential, Path controller, List<Path> statusLists, Instant now) {
        List<String> command = new ArrayList<>(List.of(
                "node",
                "verify.mjs",
                credential.toAbsolutePath().toString(),
                controller.toAbsolutePath().toString(),
                now.toString()));
        statusLists.forEach(list -> command.add("--status-list=" + list.toAbsolutePath()));
        Outcome result = run(command, directory, VERIFY_TIMEOUT);
        String report =
                result.output().lines().reduce((first, last) -> last).orElse("").replace(" ", "");
        return new Result(
                result.exitCode(),
                report.contains("\"verified\":true"),
                report.contains("\"revoked\":true"),
                result.output());
    }

    /**
     * Checks the proofs of many credentials in one {@code node} process: {@code node verify-proofs.mjs} with {@code
     * requestJson} on its standard input (see that script for both shapes). Only the proofs are checked, with the
     * contexts and controller documents the request brings ({@code https} keys and {@code did:web} DIDs resolve only
     * to those) and {@code did:key} expanded locally; nothing else is loaded.
     *
     * @param requestJson {@code {"contexts": {"<url>": <context>, ...}, "controllerDocuments": {"<url>": <document>,
     *     ...}, "credentials": [{"name": "...", "credential": {...}}, ...]}}; {@code controllerDocuments} is optional
     *     and keyed by the {@code https} URL each document is served at ({@code https://host/path/did.json} for {@code
     *     did:web:host:path})
     * @return the script's report, its last line of output: {@code {"results": [{"name": "...", "status":
     *     "valid"|"invalid"|"unverifiable", "reason": "..."|null}, ...]}}, one result per credential in the request's
     *     order
     * @throws IllegalStateException if node exits with a status other than 0 (its output is in the message) or does
     *     not answer within 60 s
     */
    public String verifyProofs(String requestJson) {
        Outcome result = run(List.of("node", "verify-proofs.mjs"), directory, VERIFY_TIMEOUT, requestJson);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "node verify-proofs.mjs failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return result.output().lines().reduce((first, last) -> last).orElse("");
    }

    private void installIfMissing() {
        if (installed()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                        directory.resolve(".npm-install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (installed()) {
                return; // another JVM installed it while we waited for the lock
            }
            Outcome npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), directory, INSTALL_TIMEOUT);
            if (npm.exitCode() != 0) {
                throw new IllegalStateException(
                        "npm ci in " + directory + " failed (exit " + npm.exitCode() + "):\n" + npm.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + directory + " to install its packages", e);
        }
    }

    /** Whether {@code node_modules} is there and holds what {@code package-lock.json} names (npm's own copy of it). */
    private boolean installed() {
        Path installedLock = directory.resolve("node_modules").resolve(".package-lock.json");
        try {
            return Files.isRegularFile(installedLock)
                    && Files.getLastModifiedTime(installedLock)
                                    .compareTo(Files.getLastModifiedTime(directory.resolve("package-lock.json")))
                            >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Outcome run(List<String> command, Path workingDirectory, Duration timeout) {
        return run(command, workingDirectory, timeout, "");
    }

    private static Outcome run(List<String> command, Path workingDirectory, Duration timeout, String input) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        try {
            // the output is read on its own thread so a chatty process cannot block on a full pipe
            var output = new CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    output.complete(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.complete("(output unreadable: " + e + ")");
                }
            });
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the process ended without reading its input; its exit code and output say why
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Outcome(
                    process.exitValue(), output.get(10, TimeUnit.SECONDS).strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + String.join(" ", command), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + String.join(" ", command), e);
        }
    }
}
