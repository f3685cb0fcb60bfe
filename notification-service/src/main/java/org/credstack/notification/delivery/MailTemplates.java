package org.credstack.notification.delivery;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Renders e-mails from Mustache templates on the classpath: {@code templates/mail/<name>-subject.mustache} and
 * {@code templates/mail/<name>.mustache}. Plain text, so nothing is HTML-escaped.
 */
@Component
public class MailTemplates {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Mustache.Compiler compiler;

    /** Compiled once each: compiling read and parsed the template file for every e-mail. Templates are thread-safe. */
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    MailTemplates(Mustache.Compiler compiler) {
        this.compiler = compiler.escapeHTML(false).emptyStringIsFalse(true).nullValue("");
    }

    private Template template(String name) {
        return compiled.computeIfAbsent(name, compiler::loadTemplate);
    }

    /**
     * @param name the template name, e.g. {@code badge-issued}
     * @param model the values the template names
     * @throws com.samskivert.mustache.MustacheException if a template is missing or does not compile
     */
    public RenderedMail render(String name, Map<String, ?> model) {
        String subject = template("mail/" + name + "-subject").execute(model);
        String body = template("mail/" + name).execute(model);
        return new RenderedMail(subject.strip(), body);
    }

    /**
     * Renders a body-only template, {@code templates/mail/<name>.mustache}, e.g. the {@code footer}.
     *
     * @throws com.samskivert.mustache.MustacheException if the template is missing or does not compile
     */
    public String text(String name, Map<String, ?> model) {
        return template("mail/" + name).execute(model);
    }

    /** An instant as e-mails show it, e.g. {@code 2027-03-31 12:00 UTC}; {@code null} stays {@code null}. */
    public static String utc(Instant instant) {
        return instant == null ? null : UTC.format(instant);
    }
}
