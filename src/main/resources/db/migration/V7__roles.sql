-- An organisation's own roles: named bundles of permissions (dotted names, comma-separated, sorted), granted to
-- users' memberships by name next to the built-in roles, whose names they therefore must not take.
create table custom_role (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id),
    name            text         not null,
    description     text,
    permissions     text         not null,
    created_at      timestamptz  not null,
    created_by      text         not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    unique (organization_id, name)
);

-- Workers act with the submitter's rights; roles alone no longer say what those are.
alter table job add column caller_permissions text;
