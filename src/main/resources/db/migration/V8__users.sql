-- People who log in through an OIDC provider. A user is known by (issuer, subject); everything else comes from the
-- token at registration and may be corrected by an administrator. Rows are never deleted: deleting a user blanks
-- its personal data so the audit trail (actor user:<id>) keeps pointing at a row.
create table app_user (
    id            uuid        primary key,
    issuer        text        not null,
    subject       text        not null,
    national_id   text,
    email         text,
    name          text,
    status        varchar(16) not null check (status in ('PENDING', 'ACTIVE', 'DISABLED')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    anonymised_at timestamptz,
    version       bigint      not null default 0,
    unique (issuer, subject)
);
create index app_user_created_idx on app_user (created_at, id);

-- roles: comma-separated role names as text, not an enum, so organisation-defined role names fit later.
create table membership (
    id              uuid        primary key,
    user_id         uuid        not null references app_user (id),
    organization_id uuid        not null references organization (id),
    roles           text        not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    unique (user_id, organization_id)
);
create index membership_org_idx on membership (organization_id);

-- Only a hash of the code is kept; the code itself is shown once, to the administrator who made it.
create table activation_code (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    code_hash       bytea       not null unique,
    national_id     text,
    email           text,
    roles           text        not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    used_by         uuid references app_user (id),
    created_at      timestamptz not null,
    created_by      text        not null
);
create index activation_code_org_idx on activation_code (organization_id);
