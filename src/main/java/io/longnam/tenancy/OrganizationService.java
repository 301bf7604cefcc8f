package io.longnam.tenancy;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.identity.Permission;
import io.longnam.signing.TsaConfig;
import io.longnam.tenancy.OrganizationDtos.CreateOrganization;
import io.longnam.tenancy.OrganizationDtos.OrganizationView;
import io.longnam.tenancy.OrganizationDtos.SettingsPatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class OrganizationService {

    @Inject
    TsaConfig tsa;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    public OrganizationView create(Caller caller, CreateOrganization request) {
        // The platform organisation is the root; without parentId a new organisation hangs under the caller's own.
        Organization parent = visible(caller, request.parentId() == null ? caller.organizationId() : request.parentId());
        if (!caller.has(Permission.ORGANIZATION_MANAGE)) {
            throw ProblemException.forbidden("only an administrator of an ancestor organisation adds organisations");
        }
        if (Organization.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate-code", "organisation code " + request.code() + " is taken");
        }
        return OrganizationView.of(insert(request.name(), request.code(), parent, caller.actor()));
    }

    Organization insert(String name, String code, Organization parent, String actor) {
        Organization o = new Organization();
        o.id = UUID.randomUUID();
        o.parentId = parent == null ? null : parent.id;
        o.path = (parent == null ? "/" : parent.path) + o.id + "/";
        o.code = code;
        o.name = name;
        o.defaultSignatureLevel = "B_B";
        o.createdAt = clock.now();
        o.updatedAt = o.createdAt;
        o.persist();
        events.fire(new DomainEvent(o.id, actor, "organization.created", "organization", o.id.toString(),
                Map.of("code", code, "parentId", String.valueOf(o.parentId))));
        return o;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationView get(Caller caller, UUID id) {
        return OrganizationView.of(visible(caller, id));
    }

    /** Children of an organisation the caller reaches, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationView> children(Caller caller, UUID parentId, String cursor, int limit) {
        Organization parent = visible(caller, parentId == null ? caller.organizationId() : parentId);
        Map<String, Object> params = new HashMap<>();
        params.put("parent", parent.id);
        String where = "parentId = :parent" + NewestFirst.after(cursor, params);
        List<Organization> rows = Organization.<Organization>find(where + NewestFirst.ORDER, params)
                .page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, o -> new Cursor(o.createdAt, o.id), OrganizationView::of);
    }

    public OrganizationView updateSettings(Caller caller, UUID id, SettingsPatch patch) {
        Organization o = visible(caller, id);
        if (!caller.has(Permission.ORGANIZATION_SETTINGS)) {
            throw ProblemException.forbidden("only organisation administrators change settings");
        }
        Map<String, Object> changed = new HashMap<>();
        if (Boolean.TRUE.equals(patch.timestampEnabled()) && !tsa.configured()) {
            // Switching it on anyway would turn every later seal into a 503 that no retry can cure.
            throw ProblemException.unprocessable("tsa-not-configured",
                    "this platform has no time-stamp authority configured, so timestamping cannot be switched on");
        }
        if (patch.timestampEnabled() != null) {
            o.timestampEnabled = patch.timestampEnabled();
            changed.put("timestampEnabled", o.timestampEnabled);
        }
        if (patch.defaultSignatureLevel() != null) {
            o.defaultSignatureLevel = patch.defaultSignatureLevel().name();
            changed.put("defaultSignatureLevel", patch.defaultSignatureLevel().value());
        }
        if (patch.defaultRetentionDays() != null) {
            o.defaultRetentionDays = patch.defaultRetentionDays();
            changed.put("defaultRetentionDays", o.defaultRetentionDays);
        }
        if (patch.twoFactorRequired() != null) {
            o.twoFactorRequired = patch.twoFactorRequired();
            changed.put("twoFactorRequired", o.twoFactorRequired);
        }
        o.updatedAt = clock.now();
        events.fire(new DomainEvent(o.id, caller.actor(), "organization.settings-changed", "organization",
                o.id.toString(), changed));
        return OrganizationView.of(o);
    }

    /** The organisation if it lies in the caller's subtree; otherwise 404, so its existence is not revealed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization visible(Caller caller, UUID id) {
        Organization o = Organization.findById(id);
        if (o == null || !caller.reaches(o.path)) {
            throw ProblemException.notFound("organization", id);
        }
        return o;
    }
}
