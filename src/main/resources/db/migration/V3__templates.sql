-- Organisations' own docx templates (TOR 2.2). Each upload under a name is a new version; old versions stay
-- so documents rendered from them can be traced. The docx bytes live in the blob store like document bytes.
create table document_template (
    id              uuid primary key,
    organization_id uuid         not null references organization (id),
    name            varchar(200) not null,
    version         integer      not null,
    status          varchar(16)  not null,
    fields_json     text         not null,
    blob_id         uuid         not null,
    sha256          varchar(64)  not null,
    size_bytes      bigint       not null,
    created_by      text         not null,
    created_at      timestamptz  not null,
    retired_at      timestamptz,
    retired_by      text,
    unique (organization_id, name, version)
);
create index document_template_org_idx on document_template (organization_id, created_at desc);
