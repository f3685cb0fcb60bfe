package org.credstack.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.credstack.demo.JourneyReport.Delivery;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.LearnerJourney;
import org.credstack.demo.JourneyReport.Reminder;

/**
 * Runs the {@link Journey} against a running platform and prints a readable report.
 *
 * <p>From the repository root, with the platform running ({@code ./credstack run}) and after {@code ./mvnw -q install
 * -DskipTests}: {@code java -cp "platform-e2e/target/classes:platform-e2e/target/lib/*" org.credstack.demo.Demo
 * [--port-offset=N]}.
 *
 * <p>Exit status: 0 when every enrollment got one credential and each verified; 1 when not; 2 for bad arguments; 3
 * when the journey could not run (a service unhealthy, the import failing, a request refused).
 */
public final class Demo {

    private Demo() {}

    public static void main(String[] args) {
        int portOffset;
        try {
            portOffset = portOffset(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: Demo [--port-offset=N]   (N as given to the launcher; default 0)");
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        long start = System.nanoTime();
        JourneyReport report;
        try {
            Journey journey = new Journey(
                    PlatformUrls.local(portOffset),
                    Journey.repositoryRoot(Path.of("")),
                    line -> out.println("  " + line));
            out.println("CredStack journey against " + journey.urls());
            report = journey.run();
        } catch (RuntimeException e) {
            System.err.println("The journey could not run: " + e.getMessage());
            System.exit(3);
            return;
        }
        print(report, out);
        out.printf(
                "%nJourney took %s.%n",
                Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        if (!report.allVerified()) {
            out.println("NOT ALL CREDENTIALS WERE ISSUED AND VERIFIED.");
            System.exit(1);
        }
        out.println("Every enrollment got one credential and every credential verified.");
    }

    static int portOffset(String[] args) {
        int offset = 0;
        for (String arg : args) {
            if (!arg.startsWith("--port-offset=")) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            try {
                offset = Integer.parseInt(arg.substring("--port-offset=".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port-offset takes a whole number, not " + arg);
            }
        }
        return offset;
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
