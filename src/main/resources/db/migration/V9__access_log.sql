-- One row per API request (TOR 1.5, 2.8.5), written in batches off the request thread and purged after the
-- retention period. Not partitioned: the purge deletes by time through access_log_time_idx in batches, and searches
-- always name an organisation and a period, which the two composite indexes below answer without touching other
-- tenants' rows. Monthly partitions become worth their upkeep only if the purge's deletes ever fall behind.
create table access_log (
    id                uuid primary key,
    at                timestamptz  not null,
    request_id        varchar(64)  not null,
    actor             text         not null,
    organization_id   uuid,
    organization_path text,
    method            varchar(16)  not null,
    route             text,
    status            smallint     not null,
    latency_ms        integer      not null,
    client_ip         varchar(64),
    user_agent        varchar(200)
);
-- One organisation, newest first: (organization_id, at desc, id desc) is exactly the page order.
create index access_log_org_time_idx on access_log (organization_id, at desc, id desc);
-- A subtree: the materialised path is a prefix match, which needs text_pattern_ops under any collation.
create index access_log_path_time_idx on access_log (organization_path text_pattern_ops, at);
create index access_log_time_idx on access_log (at);
