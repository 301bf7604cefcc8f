-- Bulk jobs (TOR 2.6.1 bulk channel, 2.5.7): one job renders many records of one template into documents.
-- Workers on any instance claim items with "for update skip locked" under a lease (locked_until), so a
-- crashed worker's items are claimed again once the lease expires and no item is processed by two workers.
create table job (
    id              uuid primary key,
    organization_id uuid         not null references organization (id),
    kind            varchar(32)  not null,
    template_id     varchar(32)  not null,
    input_format    varchar(16)  not null,
    status          varchar(24)  not null,
    total           integer      not null,
    done            integer      not null default 0,
    failed          integer      not null default 0,
    cancelled       integer      not null default 0,
    options         jsonb        not null,
    -- The submitter, so the worker acts as them: audit rows name them and their roles bound what it may do.
    created_by      text         not null,
    caller_roles    text         not null,
    idempotency_key varchar(200),
    request_hash    varchar(64),
    created_at      timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz  not null
);
create index job_org_created_idx on job (organization_id, created_at desc, id desc);
create index job_runnable_idx on job (created_at) where status in ('QUEUED', 'RUNNING');
create unique index job_idempotency_idx on job (organization_id, idempotency_key) where idempotency_key is not null;

create table job_item (
    id            uuid primary key,
    job_id        uuid         not null references job (id) on delete cascade,
    seq           integer      not null,
    status        varchar(16)  not null,
    input         jsonb        not null,
    -- Set in the transaction that registers the document, so a retried item finds it instead of making another.
    document_id   uuid references document (id),
    error_code    varchar(64),
    error_message text,
    error_fields  jsonb,
    -- Incremented by every claim; it is the fencing token a worker must still hold to record its result.
    attempts      integer      not null default 0,
    locked_until  timestamptz,
    updated_at    timestamptz  not null,
    unique (job_id, seq)
);
create index job_item_claim_idx on job_item (job_id, seq) where status = 'PENDING';
create index job_item_lease_idx on job_item (locked_until) where status = 'RUNNING';
create index job_item_status_idx on job_item (job_id, status, seq);
create unique index job_item_document_idx on job_item (document_id) where document_id is not null;
