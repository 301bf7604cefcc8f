-- Organisations form a tree of any depth; path holds the ids from the root ('/a/b/c/') so a subtree is a prefix match.
create table organization (
    id                      uuid primary key,
    parent_id               uuid references organization (id),
    path                    text        not null unique,
    code                    varchar(64) not null unique,
    name                    text        not null,
    timestamp_enabled       boolean     not null default false,
    default_signature_level varchar(8)  not null default 'B_B',
    default_retention_days  integer,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null default 0
);
create index organization_path_idx on organization (path text_pattern_ops);

-- API keys are shown once; only a SHA-256 of the 256-bit secret is kept. The prefix identifies a key in lists and logs.
create table api_key (
    id              uuid primary key,
    organization_id uuid         not null references organization (id),
    name            text         not null,
    prefix          varchar(16)  not null unique,
    secret_hash     bytea        not null unique,
    roles           text         not null,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    last_used_at    timestamptz,
    rotated_from    uuid references api_key (id),
    created_at      timestamptz  not null,
    created_by      text         not null
);
create index api_key_org_idx on api_key (organization_id);

create table blob (
    id              uuid primary key,
    organization_id uuid        not null,
    sha256          bytea       not null,
    size_bytes      bigint      not null,
    data            bytea       not null,
    created_at      timestamptz not null
);
-- PDFs are already compressed; skip TOAST compression attempts.
alter table blob alter column data set storage external;
create index blob_org_idx on blob (organization_id);

create table document (
    id                 uuid primary key,
    organization_id    uuid         not null references organization (id),
    title              text,
    document_type      varchar(16)  not null,
    status             varchar(24)  not null,
    owner_ref          text,
    external_ref       text,
    labels             varchar(64)[] not null default '{}',
    input_format       varchar(16)  not null,
    import_channel     varchar(16)  not null,
    filename           text         not null,
    content_type       varchar(100) not null,
    original_sha256    varchar(64)  not null,
    current_version_id uuid,
    current_sha256     varchar(64)  not null,
    current_size_bytes bigint       not null,
    expires_at         timestamptz,
    created_by         text         not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    deleted_at         timestamptz,
    deleted_by         text,
    deletion_reason    varchar(32),
    version            bigint       not null default 0
);
create index document_org_created_idx on document (organization_id, created_at desc, id desc);
create index document_expiry_idx on document (expires_at) where deleted_at is null and expires_at is not null;
create index document_owner_idx on document (organization_id, owner_ref);
create index document_labels_idx on document using gin (labels);

create table document_version (
    id              uuid primary key,
    document_id     uuid         not null references document (id),
    organization_id uuid         not null,
    seq             integer      not null,
    kind            varchar(16)  not null,
    blob_id         uuid references blob (id),
    sha256          varchar(64)  not null,
    size_bytes      bigint       not null,
    content_type    varchar(100) not null,
    created_by      text         not null,
    created_at      timestamptz  not null,
    unique (document_id, seq)
);

create table download_link (
    id              uuid primary key,
    document_id     uuid        not null references document (id),
    organization_id uuid        not null,
    token_hash      bytea       not null unique,
    expires_at      timestamptz not null,
    max_downloads   integer,
    download_count  integer     not null default 0,
    revoked_at      timestamptz,
    last_download_at timestamptz,
    created_by      text        not null,
    created_at      timestamptz not null
);
create index download_link_doc_idx on download_link (document_id);

-- Same Idempotency-Key + same request → the stored response; a different request under the key → 409.
create table idempotency_record (
    organization_id uuid        not null,
    idem_key        varchar(200) not null,
    request_hash    varchar(64) not null,
    resource_id     uuid        not null,
    created_at      timestamptz not null,
    primary key (organization_id, idem_key)
);

-- Append-only, hash-chained per organisation: each row's hash covers its content and the previous row's hash.
create table audit_event (
    seq             bigserial primary key,
    id              uuid         not null unique,
    organization_id uuid         not null,
    chain_seq       bigint       not null,
    occurred_at     timestamptz  not null,
    actor           text         not null,
    action          varchar(64)  not null,
    target_type     varchar(32)  not null,
    target_id       text         not null,
    client_ip       varchar(64),
    details         text,
    prev_hash       varchar(64)  not null,
    hash            varchar(64)  not null,
    unique (organization_id, chain_seq)
);
create index audit_event_org_time_idx on audit_event (organization_id, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
