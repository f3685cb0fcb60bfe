package org.credstack.enrollment.statements;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.credstack.enrollment.catalog.CatalogReplica;
import org.credstack.enrollment.xapi.Activity;
import org.credstack.enrollment.xapi.Statement;
import org.credstack.enrollment.xapi.StatementRef;
import org.credstack.runtime.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The cross-provider rule for partners' statements (issue 8; docs/partner-keys.md): a partner reports only about
 * activities of its own providers' credentials.
 *
 * <ul>
 *   <li>An activity the catalog replica knows belongs to the credentials of some providers; a statement about it is
 *       refused unless one of them is the partner's.
 *   <li>An activity the replica does not know is accepted and waits in the unmatched inbox as before, carrying the
 *       partner's providers, so a later match completes only their credentials' assignments.
 *   <li>A voiding statement may void only statements the partner's providers reported (or an operator did, or that
 *       are not stored yet).
 * </ul>
 *
 * Operators report for every provider. One query by {@code _id} for the batch's activities, one per voiding statement.
 */
@Component
class ReportingScope {

    private final CatalogReplica replica;
    private final StatementLog log;

    ReportingScope(CatalogReplica replica, StatementLog log) {
        this.replica = replica;
        this.log = log;
    }

    /**
     * Checks a batch before anything of it is stored.
     *
     * @param objectPointer the JSON pointer of a statement's {@code object/id} in the request, by position
     * @return the providers to store with the statements; {@code null} (any provider) for an operator
     * @throws ForeignActivity for the first statement about another provider's activity or statement
     */
    List<String> check(Caller caller, List<Statement> batch, Function<Integer, String> objectPointer) {
        if (caller.isOperator()) {
            return null;
        }
        Set<String> own = caller.providerIds();
        Map<String, Set<String>> providers = replica.providersOf(batch.stream()
                .filter(s -> s.object() instanceof Activity)
                .map(s -> ((Activity) s.object()).id())
                .distinct()
                .toList());
        for (int i = 0; i < batch.size(); i++) {
            Statement statement = batch.get(i);
            if (statement.object() instanceof Activity activity
                    && providers.containsKey(activity.id())
                    && Collections.disjoint(providers.get(activity.id()), own)) {
                throw new ForeignActivity(
                        objectPointer.apply(i), statement.id().toString(), "activity " + activity.id());
            }
            if (statement.isVoiding() && statement.object() instanceof StatementRef ref) {
                StoredStatement target = log.get(ref.id().toString());
                if (target != null && target.providerIds() != null && Collections.disjoint(target.providerIds(), own)) {
                    throw new ForeignActivity(
                            objectPointer.apply(i), statement.id().toString(), "a statement");
                }
            }
        }
        return List.copyOf(own);
    }
}
