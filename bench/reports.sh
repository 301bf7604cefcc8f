#!/usr/bin/env bash
# Seeds 1,000,000 documents over 2,000 organisations (SQL generate_series, straight into a separate bench database)
# and times the main report queries and the dashboard through the API: prints p50/p99 ms of 50 runs each.
# Usage: bench/reports.sh [DOCUMENTS=1000000] [ORGS=2000] [RUNS=50]
# Organisations: the platform → 20 area offices → the schools below them. Documents are spread over the year before
# today, 30% of them also sealed some days after creation, 3% deleted.
set -euo pipefail
BENCH_DB="${BENCH_DB:-longnam_bench_reports}"
. "$(dirname "$0")/common.sh"
DOCS="${1:-1000000}"
ORGS="${2:-2000}"
RUNS="${3:-50}"
AREAS=20
PLATFORM=$(bench_sql "select id from organization where parent_id is null")
PLATFORM_PATH=$(bench_sql "select path from organization where id = '$PLATFORM'")
t0=$(date +%s)
bench_sql "
insert into organization (id, parent_id, path, code, name, created_at, updated_at)
select id, '$PLATFORM', '$PLATFORM_PATH' || id || '/', 'area-' || n, 'สำนักงานเขตพื้นที่ ' || n, now(), now()
from (select gen_random_uuid() id, n from generate_series(1, $AREAS) n) a;
insert into organization (id, parent_id, path, code, name, created_at, updated_at)
select s.id, a.id, a.path || s.id || '/', 'school-' || s.n, 'โรงเรียน ' || s.n, now(), now()
from (select gen_random_uuid() id, n from generate_series(1, $ORGS - $AREAS) n) s
join (select id, path, row_number() over (order by code) - 1 k from organization where code like 'area-%') a
  on a.k = s.n % $AREAS;
create temp table orgs as select row_number() over (order by id) - 1 k, id from organization where parent_id is not null;
insert into document (id, organization_id, title, document_type, status, input_format, import_channel, filename,
                      content_type, original_sha256, current_sha256, current_size_bytes, created_by, created_at, updated_at,
                      deleted_at)
select gen_random_uuid(), o.id, 'bench ' || g, (array['PP1','PP2','LETTER','OTHER'])[1 + g % 4],
       case when g % 33 = 0 then 'DELETED' when g % 10 < 3 then 'SEALED' else 'REGISTERED' end,
       (array['PDF','CSV','XLSX','TEMPLATE_JSON','DOCX_JSON'])[1 + g % 5], (array['API','WEB_UPLOAD','BULK_JOB','SFTP'])[1 + g % 4],
       'bench.pdf', 'application/pdf', repeat('0', 64), repeat('0', 64), 1000, 'bench',
       t, t + interval '2 days', case when g % 33 = 0 then t + interval '5 days' end
from (select g, now() - (random() * interval '365 days') t, g % (select count(*) from orgs) k
      from generate_series(1, $DOCS) g) s join orgs o on o.k = s.k;
insert into document_status_event
select created_at, organization_id, id, 'REGISTERED', document_type, input_format, import_channel from document where created_by = 'bench';
insert into document_status_event
select coalesce(deleted_at, updated_at), organization_id, id, status, document_type, input_format, import_channel
from document where created_by = 'bench' and status <> 'REGISTERED';
" >/dev/null
bench_sql "vacuum analyze" >/dev/null
echo "seeded $(bench_sql "select count(*) from document") documents, $(bench_sql "select count(*) from document_status_event") status events, $(bench_sql "select count(*) from organization") organisations in $(( $(date +%s) - t0 )) s"
# The status events' insert trigger (V20) filled the per-day summary the reports read, as it does in service.
echo "summary: $(bench_sql "select count(*) from document_daily_summary") rows holding $(bench_sql "select sum(n) from document_daily_summary") events"
AREA=$(bench_sql "select id from organization where code = 'area-1'")
SCHOOL=$(bench_sql "select id from organization where code = 'school-1'")
FROM=$(date -d '-364 days' +%F); TO=$(date +%F)

# p50 and p99 (nearest rank) of RUNS timed GETs, after one warm-up call.
measure() {
  local name="$1" url="$2" times
  curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN_KEY" "$BASE_URL$url" || die "$name: $url failed"
  times=$(for _ in $(seq 1 "$RUNS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $ADMIN_KEY" "$BASE_URL$url"
  done | awk '{ printf "%.1f\n", $1 * 1000 }' | sort -n)
  local p50 p99
  p50=$(echo "$times" | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
  p99=$(echo "$times" | awk -v n="$RUNS" 'NR == int(n * 0.99 + 0.999)')
  printf '%-58s p50 %7s ms   p99 %7s ms\n' "$name" "$p50" "$p99"
}
R="/api/v1/reports/documents?from=$FROM&to=$TO"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "year by month, whole platform (1M)"           "$R&groupBy=month"
measure "year by day, whole platform, lang=th"          "$R&groupBy=day&lang=th"
measure "year by organization roll-up, whole platform"  "$R&groupBy=organization"
measure "year by inputFormat, whole platform"           "$R&groupBy=inputFormat"
measure "year sealed by month, PP1+PP2 via API, platform" "$R&groupBy=month&status=SEALED&type=PP1,PP2&importChannel=API"
measure "year by organization roll-up, one area office" "$R&groupBy=organization&organizationId=$AREA"
measure "year by day, one school"                       "$R&groupBy=day&organizationId=$SCHOOL"
measure "year by month, whole platform, xlsx"           "$R&groupBy=month&format=xlsx"
measure "year by month, whole platform, pdf"            "$R&groupBy=month&format=pdf&lang=th"
measure "dashboard, whole platform"                     "/api/v1/dashboard"
measure "dashboard, one area office"                    "/api/v1/dashboard?organizationId=$AREA"
measure "dashboard chart.svg, whole platform"           "/api/v1/dashboard/chart.svg?lang=th"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
