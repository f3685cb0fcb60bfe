package org.credstack.runtime.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The service's append-only audit log of who did what (issue 8; docs/audit-log.md). A service calls {@link #record}
 * right after an action succeeded; operators read the log with {@code GET /api/v1/audit-log}.
 *
 * <p>Each entry is one insert into the service's own {@value #COLLECTION} collection, numbered by {@link
 * AuditSequence}; nothing in the platform updates or deletes an entry. The actor is the caller of the current request
 * (its token's {@code sub}, roles and {@code provider_ids}), or {@code system:<application>} without one.
 *
 * <p>Writing an entry never fails the action it records, which has already happened: when the store refuses the
 * insert the entry is logged at ERROR (with everything it holds) and counted in {@code credstack.audit.failed}.
 */
public class AuditLog {

    /** The collection holding the entries. */
    public static final String COLLECTION = "auditLog";

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** Entries read by {@code _id} per query while a filtered page is filled. */
    static final int BATCH = 500;
    /** At most this many entry numbers are looked at for one page; a sparse filter may then take several pages. */
    static final int MAX_EXAMINED = 5_000;
    /** How far out of step the clocks of a service's instances may be when a {@code from} ends the walk. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    static final int MAX_DETAILS = 10;
    static final int MAX_DETAIL_CHARS = 500;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern DETAIL_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,63}");
    private static final List<String> SECRET_WORDS =
            List.of("secret", "hash", "token", "password", "seed", "private", "credentialsubject");

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoTemplate mongo;
    private final AuditSequence sequence;
    private final Supplier<AuditActor> actors;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter failed;

    /**
     * @param actors who is acting now: the request's caller, or the system actor
     * @param clock the service's clock, for {@link AuditEntry#at()}
     */
    AuditLog(MongoTemplate mongo, Supplier<AuditActor> actors, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.sequence = new AuditSequence(mongo);
        this.actors = actors;
        this.clock = clock;
        this.meters = meters;
        this.failed = meters.counter("credstack.audit.failed");
    }

    /**
     * Appends one entry: who (the current caller), when (now), what ({@code action}) on what ({@code target}).
     *
     * @param action a stable dotted name, {@code <resource>.<past-tense verb>} in lower case with hyphens, e.g.
     *     {@code credential.published}, {@code partner-key.rotated}
     * @param target the resource acted on and the provider it belongs to
     * @param details at most {@value #MAX_DETAILS} small facts: names of letters and digits, values strings of at
     *     most {@value #MAX_DETAIL_CHARS} characters, numbers, booleans or instants (stored as RFC 3339 text); null
     *     values are left out. Never a secret, hash or token: a name containing {@code secret}, {@code hash}, {@code
     *     token}, {@code password}, {@code seed} or {@code private} is refused.
     * @throws IllegalArgumentException for a malformed action or details (a programming error: nothing is written)
     */
    public void record(String action, AuditTarget target, Map<String, ?> details) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an audit action is a dotted lower-case name, was " + action);
        }
        Map<String, Object> facts = checked(details == null ? Map.of() : details);
        AuditActor actor = actors.get();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            AuditEntry entry =
                    new AuditEntry(sequence.next(), at, actor, action, target.path(), target.providerId(), facts);
            mongo.insert(entry.toDocument(), COLLECTION);
            meters.counter("credstack.audit.recorded", "action", action).increment();
        } catch (RuntimeException e) {
            failed.increment();
            log.error(
                    "audit entry not written: {} of {} (provider {}) by {} at {}, details {}",
                    action,
                    target.path(),
                    target.providerId(),
                    actor,
                    at,
                    facts,
                    e);
        }
    }

    /**
     * A page of entries, newest first, read by {@code _id} only: the newest number (one read of the sequence), then
     * numbers downwards in batches by {@code $in}, until the page is full, {@value #MAX_EXAMINED} numbers were looked
     * at, the numbers run out, or an entry is older than {@code from} (less {@link #CLOCK_SKEW}).
     */
    AuditPage read(AuditQuery query) {
        long below = query.before() != null ? query.before() : sequence.last() + 1;
        boolean narrowed = query.filtered() || query.from() != null || query.to() != null;
        int batch = narrowed ? BATCH : query.limit();
        List<AuditEntry> found = new ArrayList<>();
        int examined = 0;
        while (below > 1 && examined < MAX_EXAMINED) {
            long high = below - 1;
            long low = Math.max(1, high - batch + 1);
            List<Long> numbers = LongStream.rangeClosed(low, high).boxed().toList();
            Query byNumbers = Query.query(Criteria.where("_id").in(numbers)).with(Sort.by(Sort.Direction.DESC, "_id"));
            examined += numbers.size();
            for (AuditEntry entry : mongo.find(byNumbers, Document.class, COLLECTION).stream()
                    .map(AuditEntry::of)
                    .toList()) {
                if (query.from() != null && entry.at().isBefore(query.from().minus(CLOCK_SKEW))) {
                    return new AuditPage(found, null);
                }
                if (query.matches(entry)) {
                    found.add(entry);
                    if (found.size() == query.limit()) {
                        return new AuditPage(found, entry.id() > 1 ? String.valueOf(entry.id()) : null);
                    }
                }
            }
            below = low;
        }
        return new AuditPage(found, below > 1 ? String.valueOf(below) : null);
    }

    private static Map<String, Object> checked(Map<String, ?> details) {
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException(
                    "an audit entry holds at most " + MAX_DETAILS + " details, got " + details.keySet());
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        details.forEach((name, value) -> {
            if (name == null || !DETAIL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an audit detail is named with letters and digits, was " + name);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (SECRET_WORDS.stream().anyMatch(lower::contains)) {
                throw new IllegalArgumentException("an audit entry never holds a secret, hash or token: " + name);
            }
            if (value != null) {
                facts.put(name, fact(name, value));
            }
        });
        return facts;
    }

    private static Object fact(String name, Object value) {
        return switch (value) {
            case String text when text.length() <= MAX_DETAIL_CHARS -> text;
            case String text ->
                throw new IllegalArgumentException(
                        "audit detail " + name + " is " + text.length() + " characters, at most " + MAX_DETAIL_CHARS);
            case Instant instant -> instant.toString();
            case Number number -> number;
            case Boolean flag -> flag;
            default ->
                throw new IllegalArgumentException("audit detail " + name + " is a "
                        + value.getClass().getSimpleName() + "; only text, numbers, booleans and instants");
        };
    }
}
