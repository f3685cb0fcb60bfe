package org.credstack.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /}: the catalog is where everyone starts (the launcher prints the app's root URL). {@code GET
 * /favicon.ico}, which browsers ask for on their own (often without the session cookie, from another site's page):
 * 204, cached for a day, never a 404 page that would start a session (pages name {@code /favicon.svg}).
 */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/catalog";
    }

    @GetMapping("/favicon.ico")
    ResponseEntity<Void> favicon() {
        return ResponseEntity.noContent()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .build();
    }
}
