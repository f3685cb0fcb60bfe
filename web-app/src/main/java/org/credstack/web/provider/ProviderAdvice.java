package org.credstack.web.provider;

import org.credstack.web.signin.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The staff pages' own refusals, as pages: another provider's page is a 403 page naming the provider. */
@ControllerAdvice(basePackageClasses = ProviderAdvice.class)
class ProviderAdvice {

    @ExceptionHandler(NotStaffOfProvider.class)
    ModelAndView notStaff(NotStaffOfProvider e) {
        return new ModelAndView("provider/forbidden", HttpStatus.FORBIDDEN).addObject("providerId", e.providerId());
    }

    /** Checks a page's provider before anything else: {@code providerId} must be one of the caller's. */
    static void requireStaffOf(Caller caller, String providerId) {
        if (providerId == null || !caller.providerIds().contains(providerId)) {
            throw new NotStaffOfProvider(providerId);
        }
    }
}
