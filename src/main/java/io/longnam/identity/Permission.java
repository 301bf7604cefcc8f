package io.longnam.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rights an endpoint asks for. Roles — built-in or an organisation's own — are only named bundles of these, so
 * each endpoint declares one permission and never needs to know which roles exist.
 */
public enum Permission {
    DOCUMENT_READ(Names.DOCUMENT_READ, "List documents and read their metadata and versions"),
    DOCUMENT_FILE_READ(Names.DOCUMENT_FILE_READ, "Download documents' files"),
    DOCUMENT_REGISTER(Names.DOCUMENT_REGISTER, "Register PDFs as documents"),
    DOCUMENT_DELETE(Names.DOCUMENT_DELETE, "Erase a document's content"),
    DOCUMENT_SEAL(Names.DOCUMENT_SEAL, "Seal documents with the organisation's key, directly, on render or in a job"),
    DOCUMENT_VERIFY(Names.DOCUMENT_VERIFY, "Verify the signatures of a stored document"),
    LINK_READ(Names.LINK_READ, "List a document's download links"),
    LINK_MANAGE(Names.LINK_MANAGE, "Create and revoke download links (creating also needs document.file.read)"),
    TEMPLATE_READ(Names.TEMPLATE_READ, "List, read and download templates"),
    TEMPLATE_MANAGE(Names.TEMPLATE_MANAGE, "Upload and retire templates"),
    RENDER_CREATE(Names.RENDER_CREATE, "Render documents from a template"),
    JOB_SUBMIT(Names.JOB_SUBMIT, "Submit bulk jobs"),
    JOB_CANCEL(Names.JOB_CANCEL, "Cancel bulk jobs"),
    JOB_READ(Names.JOB_READ, "Follow bulk jobs and their items"),
    KEY_READ(Names.KEY_READ, "List and read seal keys"),
    KEY_MANAGE(Names.KEY_MANAGE, "Enrol, import, certify, choose and disable seal keys"),
    KEY_SELF(Names.KEY_SELF, "Enrol and use one's own personal signing key"),
    APIKEY_MANAGE(Names.APIKEY_MANAGE, "Issue, list, rotate and revoke API keys"),
    ORGANIZATION_READ(Names.ORGANIZATION_READ, "Read organisations of the subtree"),
    ORGANIZATION_MANAGE(Names.ORGANIZATION_MANAGE, "Add organisations under one's own"),
    ORGANIZATION_SETTINGS(Names.ORGANIZATION_SETTINGS, "Change an organisation's settings"),
    RETENTION_PURGE(Names.RETENTION_PURGE, "Erase an organisation's documents of a period"),
    AUDIT_READ(Names.AUDIT_READ, "Read and verify the audit trail"),
    USER_READ(Names.USER_READ, "List users and their memberships"),
    USER_MANAGE(Names.USER_MANAGE, "Add, change and remove users and memberships"),
    ROLE_READ(Names.ROLE_READ, "List roles and the permissions they confer"),
    ROLE_MANAGE(Names.ROLE_MANAGE, "Create, change and delete the organisation's own roles"),
    GROUP_MANAGE(Names.GROUP_MANAGE, "Manage groups of users"),
    CLIENT_MANAGE(Names.CLIENT_MANAGE, "Manage OAuth2 clients"),
    LOG_READ(Names.LOG_READ, "Read the access log"),
    WEBHOOK_READ(Names.WEBHOOK_READ, "List webhook endpoints, their deliveries and each attempt"),
    WEBHOOK_MANAGE(Names.WEBHOOK_MANAGE, "Register, change and remove webhook endpoints, rotate their secrets, redeliver"),
    REPORT_READ(Names.REPORT_READ, "Read document reports and the dashboard of the subtree, and export them"),
    CONTENT_MANAGE(Names.CONTENT_MANAGE, "Write, publish and withdraw the platform's content pages"),
    WORKFLOW_READ(Names.WORKFLOW_READ, "See the approval chains one takes part in (every one of the subtree with audit.read), "
            + "their file and one's tasks; comment on them"),
    WORKFLOW_MANAGE(Names.WORKFLOW_MANAGE, "Start approval chains, resubmit rejected documents, manage workflow templates"),
    WORKFLOW_APPROVE(Names.WORKFLOW_APPROVE, "Approve or reject the steps waiting on oneself, one by one or in bulk"),
    SELF_READ(Names.SELF_READ, "Read one's own records (a student's own documents)"),
    SIGNATURE_SELF(Names.SIGNATURE_SELF, "Keep one's own signature images: draw, upload, choose the default, delete"),
    STEP_UP(Names.STEP_UP, "Enrol one's own second factors (TOTP, e-mail codes) and obtain step-up grants for approving"),
    PLATFORM_ADMIN(Names.PLATFORM_ADMIN, "Operate the platform itself");

    private static final Map<String, Permission> BY_VALUE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Permission::value, Function.identity()));

    private final String value;
    private final String description;

    Permission(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** The dotted name used in annotations, on identities, in JSON and in stored custom roles. */
    @JsonValue
    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> of(String value) {
        return Optional.ofNullable(value == null ? null : BY_VALUE.get(value));
    }

    /** Permissions as stored in one text column: comma-separated dotted names, sorted. */
    public static String join(Set<Permission> permissions) {
        return permissions.stream().map(Permission::value).sorted().collect(Collectors.joining(","));
    }

    /** The inverse of {@link #join}; blank means none. Names no longer known are dropped rather than failing a login. */
    public static Set<Permission> split(String joined) {
        EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
        if (joined != null) {
            Arrays.stream(joined.split(",")).map(String::trim).map(Permission::of).flatMap(Optional::stream).forEach(out::add);
        }
        return out;
    }

    /** Names for {@code @PermissionsAllowed}, kept as constants so annotations and the enum cannot drift apart. */
    public static final class Names {
        public static final String DOCUMENT_READ = "document.read";
        public static final String DOCUMENT_FILE_READ = "document.file.read";
        public static final String DOCUMENT_REGISTER = "document.register";
        public static final String DOCUMENT_DELETE = "document.delete";
        public static final String DOCUMENT_SEAL = "document.seal";
        public static final String DOCUMENT_VERIFY = "document.verify";
        public static final String LINK_READ = "link.read";
        public static final String LINK_MANAGE = "link.manage";
        public static final String TEMPLATE_READ = "template.read";
        public static final String TEMPLATE_MANAGE = "template.manage";
        public static final String RENDER_CREATE = "render.create";
        public static final String JOB_SUBMIT = "job.submit";
        public static final String JOB_CANCEL = "job.cancel";
        public static final String JOB_READ = "job.read";
        public static final String KEY_READ = "key.read";
        public static final String KEY_MANAGE = "key.manage";
        public static final String KEY_SELF = "key.self";
        public static final String APIKEY_MANAGE = "apikey.manage";
        public static final String ORGANIZATION_READ = "organization.read";
        public static final String ORGANIZATION_MANAGE = "organization.manage";
        public static final String ORGANIZATION_SETTINGS = "organization.settings";
        public static final String RETENTION_PURGE = "retention.purge";
        public static final String AUDIT_READ = "audit.read";
        public static final String USER_READ = "user.read";
        public static final String USER_MANAGE = "user.manage";
        public static final String ROLE_READ = "role.read";
        public static final String ROLE_MANAGE = "role.manage";
        public static final String GROUP_MANAGE = "group.manage";
        public static final String CLIENT_MANAGE = "client.manage";
        public static final String LOG_READ = "log.read";
        public static final String WEBHOOK_READ = "webhook.read";
        public static final String WEBHOOK_MANAGE = "webhook.manage";
        public static final String REPORT_READ = "report.read";
        public static final String CONTENT_MANAGE = "content.manage";
        public static final String WORKFLOW_READ = "workflow.read";
        public static final String WORKFLOW_MANAGE = "workflow.manage";
        public static final String WORKFLOW_APPROVE = "workflow.approve";
        public static final String SELF_READ = "self.read";
        public static final String SIGNATURE_SELF = "signature.self";
        public static final String STEP_UP = "self.step-up";
        public static final String PLATFORM_ADMIN = "platform.admin";

        private Names() {
        }
    }
}
