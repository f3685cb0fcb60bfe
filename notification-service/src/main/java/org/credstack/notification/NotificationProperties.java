package org.credstack.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notification service, prefix {@code credstack.notification}.
 *
 * @param reminderDaysBefore days before a credential's {@code validUntil} to remind the learner when the
 *     {@code BadgeIssued} event names none; each at least 1 (default 30, 7, 1)
 * @param dispatchInterval real-time pause between two runs of mail delivery, which claims from the few pending
 *     e-mails; what is due is decided by the injected clock, not by this period
 * @param scheduleInterval real-time pause between two runs of the reminder and expiry jobs, which read every
 *     pending reminder and active credential (days-scale deadlines: once a minute is on time)
 * @param claimLease how long a claimed reminder or e-mail stays with the instance that claimed it; after that
 *     another instance may take it over (a crashed instance's work is not lost)
 * @param batchSize most items one job run claims
 * @param mail outgoing e-mail
 * @param links how long the signed links in e-mails work
 */
@Validated
@ConfigurationProperties("credstack.notification")
public record NotificationProperties(
        @DefaultValue({"30", "7", "1"}) @NotEmpty List<@NotNull @Positive Integer> reminderDaysBefore,
        @DefaultValue("1s") @NotNull Duration dispatchInterval,
        @DefaultValue("1m") @NotNull Duration scheduleInterval,
        @DefaultValue("5m") @NotNull Duration claimLease,
        @DefaultValue("50") @Min(1) int batchSize,
        @DefaultValue @Valid Mail mail,
        @DefaultValue @Valid Links links) {

    /**
     * Outgoing e-mail (SMTP server: {@code spring.mail.*}).
     *
     * @param from the {@code From} address
     * @param maxAttempts SMTP attempts before a delivery stays {@code FAILED} for good
     * @param initialBackoff wait after the first failed attempt; doubles after each further failure
     * @param maxBackoff the longest wait between two attempts
     */
    public record Mail(
            @DefaultValue("CredStack <no-reply@credstack.org>") @NotBlank
            String from,

            @DefaultValue("10") @Min(1) int maxAttempts,
            @DefaultValue("1m") @NotNull Duration initialBackoff,
            @DefaultValue("1h") @NotNull Duration maxBackoff) {}

    /**
     * The lifetime of the signed links in e-mails (docs/lifecycle/notifications.md).
     *
     * @param unsubscribeTtl how long an e-mail's unsubscribe link works (mail clients may use it long after)
     * @param renewalTtl how long a reminder's renewal link works (covers the reminders up to {@code validUntil} and a
     *     grace period after it)
     */
    public record Links(
            @DefaultValue("180d") @NotNull Duration unsubscribeTtl,
            @DefaultValue("60d") @NotNull Duration renewalTtl) {}
}
