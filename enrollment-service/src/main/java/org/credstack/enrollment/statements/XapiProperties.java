package org.credstack.enrollment.statements;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the xAPI statement resource ({@code credstack.enrollment.xapi.*}).
 *
 * @param clockSkew how far in the future of this service's clock a statement {@code timestamp} may lie (a partner's
 *     clock running ahead); later ones are refused. Default 5 minutes.
 * @param matchingThreads how many stored batches are matched at once, after they were acknowledged; default 4
 * @param matchingSweepInterval how often statements stored but not matched (a crash between the two, or a failed
 *     match) are matched again; default 30 seconds
 */
@ConfigurationProperties("credstack.enrollment.xapi")
record XapiProperties(
        @DefaultValue("PT5M") Duration clockSkew,
        @DefaultValue("4") int matchingThreads,
        @DefaultValue("PT30S") Duration matchingSweepInterval) {

    XapiProperties {
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("credstack.enrollment.xapi.clock-skew is zero or positive");
        }
        if (matchingThreads < 1) {
            throw new IllegalArgumentException("credstack.enrollment.xapi.matching-threads is at least 1");
        }
    }
}
