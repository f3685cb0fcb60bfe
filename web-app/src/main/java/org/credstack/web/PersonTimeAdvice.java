package org.credstack.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every page the reader's {@link PersonTime} as {@code time}. */
@ControllerAdvice
class PersonTimeAdvice {

    @ModelAttribute("time")
    PersonTime time(
            @CookieValue(name = PersonTime.ZONE_COOKIE, required = false) String zone, HttpServletRequest request) {
        return PersonTime.of(zone, RequestContextUtils.getLocale(request));
    }
}
