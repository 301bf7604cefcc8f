-- Approval chains (TOR 2.5): one workflow per document, ordered steps whose signers approve (each approval is a new
-- signed version of the document) or reject; rejection returns the document to its creator, who resubmits (round+1).
create table workflow (
    id               uuid primary key,
    organization_id  uuid        not null references organization (id),
    document_id      uuid        not null references document (id),
    status           varchar(16) not null,
    -- The step waiting for approvals; null once the chain is rejected or finished.
    current_step     integer,
    round            integer     not null,
    seal_at_end      boolean     not null,
    template_id      uuid,
    -- The version the chain (re)started from, so a resubmission without a new file restarts on it.
    start_version_id uuid        not null references document_version (id),
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (document_id)
);
create index workflow_org_created_idx on workflow (organization_id, created_at desc, id desc);

-- A step as defined: named users, a role or a group (resolved when the step starts), and where signatures go.
create table workflow_step (
    workflow_id     uuid        not null references workflow (id) on delete cascade,
    seq             integer     not null,
    mode            varchar(3)  not null,
    signer_users    uuid[],
    signer_role     text,
    signer_group_id uuid,
    -- {page, x, y, width, height, anchor?} in PDF points from the page's bottom-left.
    placement       jsonb       not null,
    -- Printed under each signer's name, e.g. ผู้อำนวยการโรงเรียน.
    position        text,
    status          varchar(16) not null,
    started_at      timestamptz,
    primary key (workflow_id, seq)
);

-- The people a started step waits on, and what each did; cleared and resolved again when a round restarts.
create table workflow_signer (
    workflow_id    uuid        not null references workflow (id) on delete cascade,
    seq            integer     not null,
    user_id        uuid        not null references app_user (id),
    position       integer     not null,
    state          varchar(16) not null,
    signature_kind varchar(32),
    acted_at       timestamptz,
    primary key (workflow_id, seq, user_id)
);
create index workflow_signer_waiting_idx on workflow_signer (user_id) where state = 'WAITING';

-- The ordered history returned with the workflow; never updated.
create table workflow_event (
    id             uuid primary key,
    workflow_id    uuid        not null references workflow (id) on delete cascade,
    at_seq         bigint      not null,
    round          integer     not null,
    step           integer,
    action         varchar(32) not null,
    actor          text        not null,
    user_id        uuid,
    text           text,
    signature_kind varchar(32),
    version_seq    integer,
    created_at     timestamptz not null,
    unique (workflow_id, at_seq)
);

-- Reusable chains per document type.
create table workflow_template (
    id              uuid primary key,
    organization_id uuid        not null references organization (id),
    name            text        not null,
    document_type   varchar(16) not null,
    steps           jsonb       not null,
    seal_at_end     boolean     not null,
    created_by      text        not null,
    created_at      timestamptz not null,
    retired_at      timestamptz
);
create unique index workflow_template_name_idx on workflow_template (organization_id, name) where retired_at is null;

-- TOR 2.5.8: once a document is in a workflow, only these actors (creator, chain users), auditors and administrators
-- see it. A document with no row here is visible to its whole organisation subtree as before.
create table document_participant (
    document_id uuid not null references document (id),
    actor       text not null,
    primary key (document_id, actor)
);
