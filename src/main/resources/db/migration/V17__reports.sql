-- Reports count documents by the day they entered a status (created = REGISTERED, SEALED, SIGNED, REJECTED, EXPIRED,
-- DELETED…). The document row only knows its current status, so every status a document enters is appended here by
-- the same domain event that records it in the audit trail, in the same transaction. Append-only: no row is ever
-- updated, so concurrent writers never wait on each other here.
create table document_status_event (
    occurred_at     timestamptz  not null,
    organization_id uuid         not null,
    document_id     uuid         not null,
    status          varchar(24)  not null,
    document_type   varchar(16)  not null,
    input_format    varchar(16)  not null,
    import_channel  varchar(16)  not null
);
-- Covering indexes, so a report is an index-only scan: by period for wide subtrees, by organisation for small ones.
create index document_status_event_period_idx on document_status_event (status, occurred_at)
    include (organization_id, document_type, input_format, import_channel);
create index document_status_event_org_idx on document_status_event (organization_id, status, occurred_at)
    include (document_type, input_format, import_channel);

-- Documents registered before this table existed: their creation, and the status they are in now (the time they
-- entered it is not known any more; their last change is the best there is).
insert into document_status_event (occurred_at, organization_id, document_id, status, document_type, input_format, import_channel)
select created_at, organization_id, id, 'REGISTERED', document_type, input_format, import_channel from document;
insert into document_status_event (occurred_at, organization_id, document_id, status, document_type, input_format, import_channel)
select coalesce(deleted_at, updated_at), organization_id, id, status, document_type, input_format, import_channel
from document where status <> 'REGISTERED';

-- The dashboard's breakdown by current status within a subtree.
create index document_org_status_idx on document (organization_id, status);
