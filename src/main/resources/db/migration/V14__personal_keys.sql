-- Personal signing keys: a person's own key, certified in their name, used for approval signatures. They share the
-- table (and the providers, CSR flow and chain checks) with organisation seal keys; user_id tells them apart.
-- organization_id of a personal key is the organisation the person enrolled it in (its audit events go there).
alter table signing_key add column user_id uuid references app_user (id);
-- When the current chain was attached: of a person's active keys, the one certified last is the one that signs.
alter table signing_key add column certified_at timestamptz;
update signing_key set certified_at = updated_at where certificate_chain_pem is not null;

-- Aliases are unique per organisation among seal keys and per person among personal keys; the index names are
-- kept so that conflicts keep answering as before.
alter table signing_key drop constraint signing_key_organization_id_alias_key;
create unique index signing_key_organization_id_alias_key on signing_key (organization_id, alias) where user_id is null;
create unique index signing_key_user_alias_key on signing_key (user_id, alias) where user_id is not null;

-- Only seal keys can be an organisation's default: a personal key never seals on the organisation's behalf.
drop index signing_key_one_default;
create unique index signing_key_one_default on signing_key (organization_id) where is_default and user_id is null;
alter table signing_key add constraint signing_key_personal_never_default check (user_id is null or not is_default);

create index signing_key_user_idx on signing_key (user_id, status) where user_id is not null;
