package org.credstack.web.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.credstack.web.Fetched;
import org.credstack.web.ServiceCalls;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads the sections of the operator's pipeline page from the services, each call through the service's breaker and
 * the services of a section at once (virtual threads), so one slow service costs a section its time limit once, not
 * once per service. Nothing is kept between page loads: the services cache what is costly for them (the consumer lag).
 */
@Component
class Pipeline {

    /** Dead letters asked of each service per page load. */
    static final int DEAD_LETTERS_PER_SERVICE = 50;
    /** Statements of the unmatched inbox shown, newest first. */
    static final int INBOX_SHOWN = 50;

    /** badge-service's count of issued credentials: the {@code BadgeIssued} events it published. */
    static final String CREDENTIALS_ISSUED = "org.credstack.badge.BadgeIssued.v1";
    /** notification-service's count of reminders: the {@code ReminderSent} events it published. */
    static final String REMINDERS_SENT = "org.credstack.notification.ReminderSent.v1";
    /** notification-service's count of e-mails given up after their last attempt. */
    static final String EMAILS_FAILED = "notification.emails.failed";
    /** notification-service's count of failed SMTP attempts (retried later). */
    static final String EMAIL_ATTEMPTS_FAILED = "notification.email-attempts.failed";

    private final OperatedServices services;
    private final InboxApi inbox;
    private final ServiceCalls calls;

    Pipeline(OperatedServices services, InboxApi inbox, ServiceCalls calls) {
        this.services = services;
        this.inbox = inbox;
        this.calls = calls;
    }

    /** Every section, read at once. */
    Sections all(String authorization) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Section<LagRow>> lag = threads.submit(() -> lag(authorization));
            Future<Section<DeadLetterRow>> deadLetters = threads.submit(() -> deadLetters(authorization));
            Future<Section<UnmatchedRow>> unmatched = threads.submit(() -> inbox(authorization));
            Future<Section<LastHourCount>> lastHour = threads.submit(() -> lastHour(authorization));
            Future<Section<ServiceHealth>> health = threads.submit(() -> health(authorization));
            return new Sections(join(lag), join(deadLetters), join(unmatched), join(lastHour), join(health));
        }
    }

    /**
     * The page's sections.
     *
     * @param lag per service, group and topic
     * @param deadLetters per service
     * @param inbox enrollment-service's unmatched inbox
     * @param lastHour the counts of the last hour
     * @param health per service
     */
    record Sections(
            Section<LagRow> lag,
            Section<DeadLetterRow> deadLetters,
            Section<UnmatchedRow> inbox,
            Section<LastHourCount> lastHour,
            Section<ServiceHealth> health) {}

    Section<LagRow> lag(String authorization) {
        return section(
                services.all(),
                service -> () -> service.operations().consumerLag(authorization),
                (service, answer) -> LagRow.of(service.name(), answer));
    }

    Section<DeadLetterRow> deadLetters(String authorization) {
        return section(
                services.all(),
                service -> () -> service.operations().deadLetters(authorization, DEAD_LETTERS_PER_SERVICE),
                (service, answer) -> DeadLetterRow.of(service.name(), answer));
    }

    Section<UnmatchedRow> inbox(String authorization) {
        Fetched<JsonNode> found =
                calls.call(ServiceCalls.ENROLLMENT, () -> inbox.unmatched(authorization, INBOX_SHOWN));
        return switch (found.state()) {
            case FOUND -> new Section<>(UnmatchedRow.of(found.value()), List.of(), List.of());
            case UNAVAILABLE -> new Section<>(List.of(), List.of("enrollment-service"), List.of());
            default -> new Section<>(List.of(), List.of(), List.of(note("enrollment-service", found)));
        };
    }

    Section<LastHourCount> lastHour(String authorization) {
        List<OperatedService> counting = services.all().stream()
                .filter(service ->
                        service.name().equals("badge-service") || service.name().equals("notification-service"))
                .toList();
        List<Fetched<JsonNode>> answers =
                fetchEach(counting, service -> () -> service.operations().lastHour(authorization));
        List<LastHourCount> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < counting.size(); i++) {
            String service = counting.get(i).name();
            Fetched<JsonNode> answer = answers.get(i);
            if (answer.isUnavailable()) {
                unavailable.add(service);
            } else if (!answer.isFound()) {
                notes.add(note(service, answer));
            }
            JsonNode counts = answer.isFound() ? answer.value() : null;
            if (service.equals("badge-service")) {
                rows.add(count("Credentials issued", service, counts, CREDENTIALS_ISSUED));
            } else {
                rows.add(count("E-mails failed (given up after their last attempt)", service, counts, EMAILS_FAILED));
                rows.add(count("E-mail attempts failed (tried again later)", service, counts, EMAIL_ATTEMPTS_FAILED));
                rows.add(count("Reminders sent", service, counts, REMINDERS_SENT));
            }
        }
        return new Section<>(rows, unavailable, notes);
    }

    Section<ServiceHealth> health(String authorization) {
        List<Fetched<JsonNode>> answers =
                fetchEach(services.all(), service -> () -> service.health().health(authorization));
        List<ServiceHealth> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String service = services.all().get(i).name();
            Fetched<JsonNode> answer = answers.get(i);
            if (answer.isFound()) {
                rows.add(ServiceHealth.of(service, answer.value()));
            } else {
                rows.add(ServiceHealth.unavailable(service));
                if (answer.isUnavailable()) {
                    unavailable.add(service);
                } else {
                    notes.add(note(service, answer));
                }
            }
        }
        return new Section<>(rows, unavailable, notes);
    }

    /** The count named {@code name} in a last-hour answer, with the restart it covers from; empty when unanswered. */
    private static LastHourCount count(String label, String service, JsonNode answer, String name) {
        if (answer == null) {
            return new LastHourCount(label, service, null, null);
        }
        Instant from = instant(answer.path("from"));
        Instant since = instant(answer.path("countingSince"));
        Instant restarted = since != null && from != null && since.isAfter(from) ? since : null;
        return new LastHourCount(
                label, service, answer.path("counts").path(name).asLong(0), restarted);
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }

    private <R> Section<R> section(
            List<OperatedService> asked,
            Function<OperatedService, Supplier<JsonNode>> request,
            BiFunction<OperatedService, JsonNode, List<R>> rowsOf) {
        List<Fetched<JsonNode>> answers = fetchEach(asked, request);
        List<R> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            OperatedService service = asked.get(i);
            Fetched<JsonNode> answer = answers.get(i);
            switch (answer.state()) {
                case FOUND -> rows.addAll(rowsOf.apply(service, answer.value()));
                case UNAVAILABLE -> unavailable.add(service.name());
                default -> notes.add(note(service.name(), answer));
            }
        }
        return new Section<>(rows, unavailable, notes);
    }

    /** What a service that answered without its part said, in words. */
    private static String note(String service, Fetched<?> answer) {
        return switch (answer.state()) {
            case FORBIDDEN -> service + " refused: " + answer.detail();
            case NOT_FOUND -> service + " has no such endpoint";
            default -> service + " answered: " + answer.detail();
        };
    }

    /** Each service's answer, in the order asked, all asked at once. */
    private List<Fetched<JsonNode>> fetchEach(
            List<OperatedService> asked, Function<OperatedService, Supplier<JsonNode>> request) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Fetched<JsonNode>>> running = asked.stream()
                    .map(service -> threads.submit(() -> calls.call(service.breaker(), request.apply(service))))
                    .toList();
            return running.stream().map(Pipeline::join).toList();
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the pipeline failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the pipeline", e);
        }
    }
}
