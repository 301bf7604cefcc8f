-- Reports over a year of a million documents must answer well under a second; counting document_status_event means
-- scanning and sorting every row of the period. This table holds the same counts per Bangkok day and per everything a
-- report groups or filters by, so a report sums one row per combination per day and organisation instead.
create table document_daily_summary (
    day             date         not null,
    organization_id uuid         not null,
    status          varchar(24)  not null,
    document_type   varchar(16)  not null,
    input_format    varchar(16)  not null,
    import_channel  varchar(16)  not null,
    n               integer      not null,
    -- Led by organisation: a small subtree reads only its own organisations' rows.
    primary key (organization_id, status, day, document_type, input_format, import_channel)
);
-- Wide subtrees (the platform, an area office) read by period instead; covering, so the scan never visits the heap.
create index document_daily_summary_period_idx on document_daily_summary (status, day)
    include (organization_id, document_type, input_format, import_channel, n);

-- Existing events; idempotent (DocumentDailySummaryTest runs the lines between the markers again and compares).
-- backfill:begin
insert into document_daily_summary (day, organization_id, status, document_type, input_format, import_channel, n)
select (occurred_at at time zone 'Asia/Bangkok')::date, organization_id, status, document_type, input_format,
       import_channel, count(*)
from document_status_event
group by 1, 2, 3, 4, 5, 6
on conflict (organization_id, status, day, document_type, input_format, import_channel) do update set n = excluded.n;
-- backfill:end

-- Every later event adds to its day's count in the inserting statement, hence in the changing transaction, whoever
-- inserts it (the document event observer, or a bulk load). Per statement, so a bulk insert is one grouped upsert.
-- Rows are upserted in key order: two statements touching the same rows lock them in the same order, never crosswise.
create function document_daily_summary_add() returns trigger language plpgsql as $$
begin
    insert into document_daily_summary (day, organization_id, status, document_type, input_format, import_channel, n)
    select (occurred_at at time zone 'Asia/Bangkok')::date, organization_id, status, document_type, input_format,
           import_channel, count(*)
    from added
    group by 2, 3, 1, 4, 5, 6
    order by 2, 3, 1, 4, 5, 6
    on conflict (organization_id, status, day, document_type, input_format, import_channel)
    do update set n = document_daily_summary.n + excluded.n;
    return null;
end $$;
create trigger document_daily_summary_add after insert on document_status_event
    referencing new table as added for each statement execute function document_daily_summary_add();
