package org.credstack.notification.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.notification.NotificationProperties;
import org.credstack.runtime.operations.RecentCounts;
import org.credstack.runtime.resilience.OutboundCalls;
import org.credstack.runtime.tracing.TraceContextHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends stored e-mails over SMTP. Each run claims due deliveries one at a time with an atomic
 * {@code findAndModify} ({@code PENDING}/{@code FAILED} with {@code nextAttemptAt <= now}, or {@code SENDING}
 * whose lease ran out, to {@code SENDING} owned by this instance), so two instances never hold the same
 * delivery.
 *
 * <p>Each send goes through the Resilience4j retry and circuit breaker {@value OutboundCalls#SMTP}
 * ({@code credstack.resilience.calls.smtp.*}): a short retry with back-off rides out a blip; while the breaker is
 * open no delivery is claimed, so an SMTP outage spends no delivery's attempts and nothing is tried until the
 * breaker lets trial calls through. A send that still fails counts as one attempt of the delivery, which is tried
 * again after an exponential back-off of {@code credstack.notification.mail.*} until {@code max-attempts}. Bad
 * addresses ({@link IllegalArgumentException}, {@link MessagingException}) are the e-mail's fault, not the
 * server's: they are not retried and do not count against the breaker.
 *
 * <p>Each send runs in a span ({@code email send}) that continues the trace stored with the e-mail, the trace of the
 * event that caused it.
 *
 * <p>Delivery is at least once at the SMTP edge: an instance that dies after the server accepted a message but
 * before recording it leaves a lease that another instance takes over and sends again.
 */
@Component
public class DeliveryDispatcher {

    /** Counted in the operator's counts of the last hour ({@link RecentCounts}) for each failed SMTP attempt. */
    public static final String ATTEMPT_FAILED = "notification.email-attempts.failed";

    /** Counted for each e-mail given up after its last attempt: it stays {@code FAILED} for good. */
    public static final String GAVE_UP = "notification.emails.failed";

    /** E-mails the SMTP server accepted; Prometheus {@code credstack_emails_sent_total}. */
    public static final String EMAILS_SENT = "credstack.emails.sent";

    /**
     * Failed SMTP attempts, tag {@code outcome}: {@code retrying} (another attempt is scheduled) or {@code given-up}
     * (the last attempt); Prometheus {@code credstack_emails_failed_total}.
     */
    public static final String EMAILS_FAILED = "credstack.emails.failed";

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final MongoTemplate mongo;
    private final JavaMailSender mail;
    private final Clock clock;
    private final NotificationProperties properties;
    private final RecentCounts recentCounts;
    private final Counter sentCount;
    private final Counter retrying;
    private final Counter givenUp;
    private final OutboundCalls calls;
    private final TraceContextHeaders traceContext;
    private final String owner = "delivery-" + UUID.randomUUID();

    DeliveryDispatcher(
            MongoTemplate mongo,
            JavaMailSender mail,
            Clock clock,
            NotificationProperties properties,
            RecentCounts recentCounts,
            MeterRegistry meters,
            OutboundCalls calls,
            TraceContextHeaders traceContext) {
        this.recentCounts = recentCounts;
        this.calls = calls;
        this.traceContext = traceContext;
        this.sentCount = Counter.builder(EMAILS_SENT)
                .description("e-mails the SMTP server accepted")
                .register(meters);
        this.retrying = failedCounter(meters, "retrying");
        this.givenUp = failedCounter(meters, "given-up");
        this.mongo = mongo;
        this.mail = mail;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Sends what is due now, at most {@code batch-size} e-mails.
     *
     * @return ids of the deliveries this instance sent
     */
    public List<String> dispatchDue() {
        List<String> sent = new ArrayList<>();
        Claims claims = new Claims(clock.instant());
        for (int i = 0; i < properties.batchSize() && calls.permitsCalls(OutboundCalls.SMTP); i++) {
            EmailDelivery delivery = claims.next();
            if (delivery == null) {
                break;
            }
            if (traceContext.continued("email send", traceOf(delivery), () -> send(delivery))) {
                sent.add(delivery.id());
            }
        }
        return sent;
    }

    /**
     * The claims of one run, as of the time it started: first the e-mails whose claim expired, then the pending ones,
     * then the failed ones due again. Each is an atomic {@code findAndModify} with an equality on the indexed {@code
     * status} and no sort, so the store reads the first due e-mail of that status and stops: neither the delivery log
     * nor a backlog is read whole. A kind that came back empty is not asked again in the same run, so a run that sends
     * {@code n} e-mails costs {@code n} claims and one empty claim per kind, at most {@code n + 3} store commands. The
     * order within a kind is the store's (the order the index met them, oldest first on the embedded store).
     */
    private final class Claims {

        private final Update claim;
        private final List<Criteria> due;
        private int kind;

        Claims(Instant now) {
            this.claim = new Update()
                    .set("status", DeliveryStatus.SENDING)
                    .set("claimedBy", owner)
                    .set("leaseUntil", now.plus(properties.claimLease()));
            this.due = List.of(
                    Criteria.where("status")
                            .is(DeliveryStatus.SENDING)
                            .and("leaseUntil")
                            .lte(now),
                    Criteria.where("status")
                            .is(DeliveryStatus.PENDING)
                            .and("nextAttemptAt")
                            .lte(now),
                    Criteria.where("status")
                            .is(DeliveryStatus.FAILED)
                            .and("nextAttemptAt")
                            .lte(now));
        }

        /** The next due e-mail, claimed by this instance; null once every kind came back empty. */
        EmailDelivery next() {
            while (kind < due.size()) {
                EmailDelivery claimed = mongo.findAndModify(
                        Query.query(due.get(kind)),
                        claim,
                        FindAndModifyOptions.options().returnNew(true),
                        EmailDelivery.class);
                if (claimed != null) {
                    return claimed;
                }
                kind++;
            }
            return null;
        }
    }

    private static Counter failedCounter(MeterRegistry meters, String outcome) {
        return Counter.builder(EMAILS_FAILED)
                .description("failed SMTP attempts, by whether another attempt follows")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static Map<String, String> traceOf(EmailDelivery delivery) {
        return delivery.traceparent() == null ? Map.of() : Map.of("traceparent", delivery.traceparent());
    }

    private boolean send(EmailDelivery delivery) {
        try {
            MimeMessage message = message(delivery);
            calls.call(OutboundCalls.SMTP, () -> {
                mail.send(message);
                return message;
            });
        } catch (CallNotPermittedException e) {
            release(delivery);
            return false;
        } catch (Exception e) {
            // a bad address (MessagingException, IllegalArgumentException), or SMTP failing every attempt
            failed(delivery, e);
            return false;
        }
        sentCount.increment();
        Update sent = new Update()
                .set("status", DeliveryStatus.SENT)
                .set("sentAt", clock.instant())
                .inc("attempts", 1)
                .unset("nextAttemptAt")
                .unset("claimedBy")
                .unset("leaseUntil");
        return mongo.updateFirst(mine(delivery), sent, EmailDelivery.class).getModifiedCount() == 1;
    }

    private MimeMessage message(EmailDelivery delivery) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(properties.mail().from());
        helper.setTo(delivery.recipient());
        helper.setSubject(delivery.subject());
        helper.setText(delivery.body());
        if (delivery.unsubscribeUrl() != null) {
            // RFC 2369 section 3.2 and RFC 8058 section 3.1: one-click unsubscribe by an HTTPS POST
            message.setHeader("List-Unsubscribe", "<" + delivery.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /**
     * Hands back a claimed delivery without counting an attempt: the breaker opened after it was claimed (possibly by
     * this very send's first attempt). Due again at once; nothing is claimed while the breaker stays open.
     */
    private void release(EmailDelivery delivery) {
        Update release = new Update()
                .set("status", delivery.attempts() == 0 ? DeliveryStatus.PENDING : DeliveryStatus.FAILED)
                .set("nextAttemptAt", clock.instant())
                .unset("claimedBy")
                .unset("leaseUntil");
        mongo.updateFirst(mine(delivery), release, EmailDelivery.class);
    }

    private void failed(EmailDelivery delivery, Exception e) {
        recentCounts.add(ATTEMPT_FAILED);
        int attempts = delivery.attempts() + 1;
        NotificationProperties.Mail settings = properties.mail();
        Update failed = new Update()
                .set("status", DeliveryStatus.FAILED)
                .set("attempts", attempts)
                .set("lastError", e.getMessage())
                .unset("claimedBy")
                .unset("leaseUntil");
        if (attempts < settings.maxAttempts()) {
            failed.set(
                    "nextAttemptAt",
                    clock.instant()
                            .plus(EmailDelivery.retryDelay(
                                    attempts, settings.initialBackoff(), settings.maxBackoff())));
            retrying.increment();
            log.warn("e-mail {} attempt {} failed, will retry: {}", delivery.id(), attempts, e.toString());
        } else {
            failed.unset("nextAttemptAt");
            recentCounts.add(GAVE_UP);
            givenUp.increment();
            log.error("e-mail {} failed {} times, giving up: {}", delivery.id(), attempts, e.toString());
        }
        mongo.updateFirst(mine(delivery), failed, EmailDelivery.class);
    }

    private Query mine(EmailDelivery delivery) {
        return Query.query(Criteria.where("_id")
                .is(delivery.id())
                .and("status")
                .is(DeliveryStatus.SENDING)
                .and("claimedBy")
                .is(owner));
    }
}
