package org.credstack.catalog.archsample;

import java.util.function.LongSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Fine: a controller that asks its feature's code. */
@RestController
public class DelegatingController {

    private final LongSupplier credentials;

    DelegatingController(LongSupplier credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/count")
    long count() {
        return credentials.getAsLong();
    }
}
