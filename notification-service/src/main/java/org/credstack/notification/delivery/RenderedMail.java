package org.credstack.notification.delivery;

/**
 * An e-mail's text, rendered from its templates.
 *
 * @param subject one line
 * @param body plain text
 */
public record RenderedMail(String subject, String body) {}
