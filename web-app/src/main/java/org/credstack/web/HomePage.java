package org.credstack.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /}: the catalog is where everyone starts (the launcher prints the app's root URL). */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/catalog";
    }
}
