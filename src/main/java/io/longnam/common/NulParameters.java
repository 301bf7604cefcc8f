package io.longnam.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses NUL in path and query parameters before any handler passes one to PostgreSQL, which cannot store it. */
public class NulParameters {

    @ServerRequestFilter
    public void refuseNul(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (UserText.hasNul(p.getKey()) || p.getValue().stream().anyMatch(UserText::hasNul)) {
                String name = UserText.hasNul(p.getKey()) ? "query" : p.getKey();
                throw ProblemException.invalid(name, UserText.nulMessage(name));
            }
        }
    }
}
