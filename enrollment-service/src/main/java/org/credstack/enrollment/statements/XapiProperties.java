package org.credstack.enrollment.statements;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the xAPI statement resource ({@code credstack.enrollment.xapi.*}).
 *
 * @param clockSkew how far in the future of this service's clock a statement {@code timestamp} may lie (a partner's
 *     clock running ahead); later ones are refused. Default 5 minutes.
 */
@ConfigurationProperties("credstack.enrollment.xapi")
record XapiProperties(@DefaultValue("PT5M") Duration clockSkew) {

    XapiProperties {
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("credstack.enrollment.xapi.clock-skew is zero or positive");
        }
    }
}
