-- Agency clients (TOR 2.11.2): an agency's system gets a client id and secret and trades them for short-lived
-- bearer tokens (OAuth 2.0 client credentials). Secrets and tokens are 256 random bits, stored only as SHA-256.
create table agency_client (
    id              uuid primary key,
    organization_id uuid         not null references organization (id),
    client_id       varchar(40)  not null unique,
    name            text         not null,
    secret_hash     bytea        not null,
    roles           text         not null,
    disabled_at     timestamptz,
    last_used_at    timestamptz,
    created_at      timestamptz  not null,
    created_by      text         not null
);
create index agency_client_org_idx on agency_client (organization_id, created_at desc, id desc);

create table client_token (
    token_hash  bytea primary key,
    client_id   uuid        not null references agency_client (id) on delete cascade,
    expires_at  timestamptz not null
);
create index client_token_client_idx on client_token (client_id);
create index client_token_expiry_idx on client_token (expires_at);
