-- Seal keys of an organisation. The private key stays in its provider: provider_key_ref is the provider's handle
-- (for the software provider, the AES-GCM-wrapped key; for PKCS#11, the object's label on the token).
create table signing_key (
    id                    uuid primary key,
    organization_id       uuid         not null references organization (id),
    alias                 varchar(100) not null,
    algorithm             varchar(16)  not null,
    provider              varchar(32)  not null,
    provider_key_ref      text         not null,
    subject               text         not null,
    csr_pem               text,
    certificate_chain_pem text,
    certificate_not_after timestamptz,
    status                varchar(24)  not null,
    is_default            boolean      not null default false,
    created_by            text         not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    unique (organization_id, alias)
);
create unique index signing_key_one_default on signing_key (organization_id) where is_default;
