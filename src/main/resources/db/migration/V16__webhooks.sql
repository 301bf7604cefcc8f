-- Webhook endpoints an organisation registers; events of the organisation and of its subtree reach them. The signing
-- secret must be usable (HMAC), so it is kept sealed with AES-256-GCM under the platform master key, never in clear.
-- During a rotation the previous secret keeps signing alongside the new one until previous_secret_until.
create table webhook_endpoint (
    id                    uuid primary key,
    organization_id       uuid         not null references organization (id),
    url                   text         not null,
    events                text         not null,
    description           text,
    secret_sealed         text         not null,
    previous_secret_sealed text,
    previous_secret_until timestamptz,
    disabled_at           timestamptz,
    disabled_reason       text,
    consecutive_failures  integer      not null default 0,
    failing_since         timestamptz,
    created_at            timestamptz  not null,
    created_by            text         not null,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0
);
create index webhook_endpoint_org_idx on webhook_endpoint (organization_id, created_at desc, id desc);

-- The outbox: one row per event and endpoint, written in the transaction that changed the state, so a change and
-- its delivery commit or roll back together. A worker claims due rows with FOR UPDATE SKIP LOCKED by moving
-- next_attempt_at past a lease; a worker that dies mid-send leaves the row due again when the lease runs out.
create table webhook_delivery (
    id              uuid primary key,
    endpoint_id     uuid         not null references webhook_endpoint (id) on delete cascade,
    organization_id uuid         not null,
    event_id        uuid         not null,
    event_type      varchar(64)  not null,
    payload         text         not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    give_up_at      timestamptz  not null,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    created_at      timestamptz  not null,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc, id desc);

create table webhook_attempt (
    id               uuid primary key,
    delivery_id      uuid         not null references webhook_delivery (id) on delete cascade,
    attempt          integer      not null,
    started_at       timestamptz  not null,
    status_code      integer,
    latency_ms       integer      not null,
    error            text,
    response_excerpt text,
    created_at       timestamptz  not null
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempt);
