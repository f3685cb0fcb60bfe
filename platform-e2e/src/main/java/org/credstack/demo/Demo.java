package org.credstack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.credstack.demo.JourneyReport.Delivery;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.LearnerJourney;
import org.credstack.demo.JourneyReport.Reminder;
import org.credstack.demo.LifecycleReport.Renewal;
import org.credstack.demo.LifecycleReport.Revocation;
import org.credstack.demo.LifecycleReport.StackAward;
import org.credstack.launcher.SignIn;

/**
 * Runs the {@link Journey} against a running platform and prints a readable report.
 *
 * <p>From the repository root, with the platform running ({@code ./credstack run}) and after {@code ./mvnw -q install
 * -DskipTests}: {@code java -cp "platform-e2e/target/classes:platform-e2e/target/lib/*" org.credstack.demo.Demo
 * [--port-offset=N] [--data-dir=DIR]} ({@code ./credstack demo} does the same). The data folder, as the launcher's
 * ({@code $CREDSTACK_DATA_DIR}, else {@code .data}), holds {@code credentials.txt}: the operator's password, with which
 * the journey signs in and creates the staff and partner clients it needs ({@link Tokens}).
 *
 * <p>Exit status: 0 when every enrollment got one credential and each verified, and the lifecycle went as expected
 * ({@link LifecycleReport#asExpected()}); 1 when not; 2 for bad arguments; 3 when the journey could not run (a service
 * unhealthy, the import failing, a request refused, a credential the lifecycle goes on with not issued).
 */
public final class Demo {

    private Demo() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: Demo [--port-offset=N] [--data-dir=DIR]   (as given to the launcher; default 0"
                    + " and $CREDSTACK_DATA_DIR or .data)");
            System.exit(2);
            return;
        }
        if (!Files.isReadable(SignIn.credentialsFile(options.dataDir()))) {
            System.err.println(SignIn.credentialsFile(options.dataDir())
                    + " is not there: start the platform first (./credstack run), and give its --data-dir");
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        long start = System.nanoTime();
        JourneyReport report;
        PlatformUrls urls = PlatformUrls.local(options.portOffset());
        Tokens tokens = new Tokens(urls.identity(), options.dataDir());
        try {
            Journey journey =
                    new Journey(urls, tokens, Journey.repositoryRoot(Path.of("")), line -> out.println("  " + line));
            out.println("CredStack journey against " + journey.urls());
            report = journey.run();
        } catch (RuntimeException e) {
            System.err.println("The journey could not run: " + e.getMessage());
            System.exit(3);
            return;
        }
        print(report, out);
        lookAround(tokens.people(), options, out);
        out.printf(
                "%nJourney took %s.%n",
                Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        if (!report.allVerified()) {
            out.println("NOT ALL CREDENTIALS WERE ISSUED AND VERIFIED AS EXPECTED.");
            System.exit(1);
        }
        out.println("Every enrollment got one credential and every credential verified; the stack was awarded once,"
                + " the renewal issued, and the revoked credential reported revoked.");
    }

    /** The file the demo's people and their passwords are appended to, owner read/write only. */
    static Path demoAccountsFile(Path dataDir) {
        return dataDir.resolve("demo-accounts.txt");
    }

    /**
     * Keeps the people the demo registered (learners with enrollments and credentials, the staff it created) and
     * their passwords in {@link #demoAccountsFile}, as {@code email=password} lines, and says how to sign in as
     * them in the web app ({@code http://127.0.0.1:<8090 + offset>}).
     */
    static void lookAround(Map<String, String> people, Options options, PrintStream out) {
        Path file = demoAccountsFile(options.dataDir());
        try {
            if (!Files.exists(file)) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            StringBuilder lines = new StringBuilder();
            people.forEach((email, password) ->
                    lines.append(email).append('=').append(password).append('\n'));
            Files.writeString(file, lines, StandardOpenOption.APPEND);
        } catch (IOException e) {
            out.println("could not keep the demo's accounts in " + file + ": " + e.getMessage());
            return;
        }
        out.printf(
                "%nLook around: open http://127.0.0.1:%d/ and sign in as any of these (passwords in %s, only you"
                        + " can read it):%n",
                8090 + options.portOffset(), file);
        people.keySet().forEach(email -> out.println("  " + email));
        out.println("  and the operator or demo staff of credentials.txt");
    }

    /**
     * The demo's options.
     *
     * @param portOffset as given to the launcher
     * @param dataDir the launcher's data folder, holding {@code credentials.txt}
     */
    record Options(int portOffset, Path dataDir) {}

    /** @throws IllegalArgumentException naming an unknown argument or a port offset that is not a whole number */
    static Options options(String[] args) {
        int offset = 0;
        Path dataDir = SignIn.defaultDataDir();
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
                continue;
            }
            if (!arg.startsWith("--port-offset=")) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            try {
                offset = Integer.parseInt(arg.substring("--port-offset=".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port-offset takes a whole number, not " + arg);
            }
        }
        return new Options(offset, dataDir);
    }

    static void print(JourneyReport report, PrintStream out) {
        for (LearnerJourney journey : report.learners()) {
            var learner = journey.learner();
            out.printf(
                    "%n%s <%s>  learner %s, partner names them by %s%s%n",
                    learner.displayName(),
                    learner.email(),
                    learner.id(),
                    learner.identifiedBy(),
                    learner.failsFirst() ? " (failed once before passing)" : "");
            for (Enrollment enrollment : journey.enrollments()) {
                out.printf("  enrolled in %s (%s)%n", enrollment.title(), validity(enrollment.validityPeriod()));
                journey.credentials().stream()
                        .filter(c -> c.enrollmentId().equals(enrollment.id()))
                        .forEach(c -> printCredential(c, out));
                if (journey.credentials().stream()
                        .noneMatch(c -> c.enrollmentId().equals(enrollment.id()))) {
                    out.println("    NO CREDENTIAL ISSUED");
                }
            }
            for (Reminder r : journey.reminders()) {
                out.printf(
                        "  reminder e-mail %2d %s before %s: due %s, %s%n",
                        r.daysBefore(),
                        r.daysBefore() == 1 ? "day " : "days",
                        r.achievementName(),
                        r.dueAt(),
                        r.status());
            }
            for (Delivery d : journey.deliveries()) {
                out.printf("  e-mail to %s \"%s\": %s%s%n", d.recipient(), d.subject(), d.status(), sent(d.sentAt()));
            }
        }
        print(report.lifecycle(), out);
    }

    static void print(LifecycleReport lifecycle, PrintStream out) {
        var learner = lifecycle.learner();
        out.printf(
                "%n%s <%s>  learner %s: a stack, a renewal, a revocation%n",
                learner.displayName(), learner.email(), learner.id());
        StackAward stack = lifecycle.stack();
        out.printf(
                "  stack \"%s\" (%d components)%n",
                stack.title(), stack.components().size());
        out.printf(
                "    enrolling in the stack itself: %d %s%n",
                stack.stackEnrollment().status(), stack.stackEnrollment().type());
        for (IssuedCredential c : stack.stackCredentials()) {
            printCredential(c, out);
        }
        if (stack.stackCredentials().isEmpty()) {
            out.println("    NO STACK CREDENTIAL ISSUED");
        }
        out.println("    earned from:");
        for (IssuedCredential c : stack.componentCredentials()) {
            out.printf(
                    "      %-28s %s  valid from %s; verification: %s%n",
                    c.achievementName(), c.publicUrl(), c.validFrom(), c.verificationStatus());
        }
        out.printf("    progress: %s%n", stack.progress());
        out.printf(
                "    CLR 2.0 of the stack: ours %s, DigitalBazaar %s%n",
                stack.clrStatus(), stack.clrIndependent().summary());

        Renewal renewal = lifecycle.renewal();
        out.printf(
                "  renewal of \"%s\" (%s, renewal window %s)%n",
                renewal.earned().title(), validity(renewal.earned().validityPeriod()), renewal.renewalWindow());
        printCredential(renewal.original(), out);
        out.printf(
                "    renewal enrollment %s: %s%n", renewal.renewalEnrollment().id(), renewal.renewalStatus());
        if (renewal.renewed() == null) {
            out.println("    NO RENEWED CREDENTIAL ISSUED");
        } else {
            printCredential(renewal.renewed(), out);
            out.printf("      renews %s%n", renewal.renewed().renewalOf());
        }

        Revocation revocation = lifecycle.revocation();
        out.printf(
                "  revocation of \"%s\" by %s: \"%s\" at %s%n",
                revocation.credential().achievementName(),
                revocation.providerName(),
                revocation.reason(),
                revocation.revokedAt());
        out.printf("    credential %s%n", revocation.credential().publicUrl());
        out.printf(
                "      ours: %s (proof %s, reason \"%s\"); DigitalBazaar: %s%n",
                revocation.status(),
                revocation.proofStatus(),
                revocation.statusReason(),
                revocation.independent().summary());
    }

    private static void printCredential(IssuedCredential c, PrintStream out) {
        out.printf("    credential %s%n", c.publicUrl());
        out.printf(
                "      \"%s\" valid from %s %s; verification: %s%n",
                c.achievementName(),
                c.validFrom(),
                c.validUntil() == null ? "(never expires)" : "until " + c.validUntil(),
                c.verificationStatus());
    }

    private static String validity(String period) {
        return period == null ? "never expires" : "valid for " + period;
    }

    private static String sent(Instant at) {
        return at == null ? "" : " at " + at;
    }
}
