package io.longnam.identity;

import io.longnam.common.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The {@link Caller} of the current request, derived once from whichever mechanism authenticated it. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = fromIdentity();
        }
        return caller;
    }

    private Caller fromIdentity() {
        if (identity.getAttribute(Caller.REFUSAL_ATTRIBUTE) instanceof ProblemException refusal) {
            throw refusal;
        }
        if (identity.isAnonymous() || identity.getAttribute(Caller.ORG_ID_ATTRIBUTE) == null) {
            throw new UnauthorizedException();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : identity.getRoles()) {
            roles.add(Role.valueOf(r));
        }
        return new Caller(identity.getPrincipal().getName(), (UUID) identity.getAttribute(Caller.ORG_ID_ATTRIBUTE),
                identity.getAttribute(Caller.ORG_PATH_ATTRIBUTE), roles);
    }
}
