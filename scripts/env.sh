# Shared setup for scripts/run, scripts/test and .ci/run: a JDK >= 21, PostgreSQL on 127.0.0.1:5432,
# and the native tools the tests call (SoftHSM2, poppler, Thai fonts). Source it; do not execute it.
set -euo pipefail

LONGNAM_DB_USER="${LONGNAM_DB_USER:-longnam}"
LONGNAM_DB_PASSWORD="${LONGNAM_DB_PASSWORD:-longnam}"

log() { printf '[longnam] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

select_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                   /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${major%%.*}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$candidate"; return 0; fi
  done
  die "no JDK >= 21 found (looked at \$JAVA_HOME and /usr/lib/jvm/{temurin,java}-{25,21}-*); install one and set JAVA_HOME"
}

apt_install() {
  local missing=() pkg
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "could not install ${missing[*]} (need root or sudo)"
}

pg_ready() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

ensure_postgres() {
  if ! pg_ready; then
    if ! command -v pg_ctlcluster >/dev/null && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
      apt_install postgresql
    fi
    if command -v pg_lsclusters >/dev/null; then
      local version cluster
      read -r version cluster _ < <(pg_lsclusters -h | head -1) || true
      if [ -z "${version:-}" ]; then
        version=$(ls /usr/lib/postgresql | sort -n | tail -1); cluster=main
        as_root pg_createcluster "$version" "$cluster" >/dev/null
      fi
      log "starting PostgreSQL $version/$cluster"
      as_root pg_ctlcluster "$version" "$cluster" start || true
    fi
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
    pg_ready || die "PostgreSQL is not reachable on 127.0.0.1:5432"
  fi
  # Role and databases are created through the local superuser; a managed server that already has them is left alone.
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    local psql=(runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt)
    if ! "${psql[@]}" -c "select 1 from pg_roles where rolname='$LONGNAM_DB_USER'" | grep -q 1; then
      "${psql[@]}" -c "create role \"$LONGNAM_DB_USER\" login password '$LONGNAM_DB_PASSWORD'"
    fi
    local db
    for db in "$@"; do
      if ! "${psql[@]}" -c "select 1 from pg_database where datname='$db'" | grep -q 1; then
        "${psql[@]}" -c "create database \"$db\" owner \"$LONGNAM_DB_USER\" encoding 'UTF8' template template0"
      fi
    done
  fi
}

ensure_test_tools() {
  # softhsm2/opensc: PKCS#11 tests; poppler-utils: pdfsig/pdftotext/pdftoppm; openssl: ts -verify;
  # libnss3-tools: certutil for pdfsig's trust store; Thai fonts for rendering; chromium: the verification page test;
  # qpdf: structural check of rendered PDFs; libreoffice-writer-nogui: docx written by LibreOffice, and its renderings to compare.
  apt_install softhsm2 opensc poppler-utils openssl libnss3-tools fonts-tlwg-laksaman-ttf fonts-tlwg-garuda-ttf chromium \
    qpdf libreoffice-writer-nogui
}

# Node.js for the contract linter; a machine without it gets the distribution's.
ensure_node() {
  command -v npx >/dev/null || apt_install nodejs npm
  command -v node >/dev/null || die "Node.js is needed to lint the contract (apt install nodejs npm)"
}

# Redocly CLI 2.x needs Node >= 20.19 (or >= 22.12); Debian bookworm's nodejs is 18, where the last 1.x runs the
# same recommended rules.
redocly_version() {
  local version major minor
  version=$(node --version | sed 's/^v//')
  major=${version%%.*}; minor=${version#*.}; minor=${minor%%.*}
  if [ "$major" -ge 23 ] || { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; } || { [ "$major" -eq 20 ] && [ "$minor" -ge 19 ]; }; then
    echo 2.77.0
  else
    echo 1.34.5
  fi
}

# The contract passes Redocly's recommended rules with no errors (warnings are printed, not fatal).
lint_contract() {
  log "linting openapi/openapi.yaml (Redocly CLI, recommended rules)"
  npx -y "@redocly/cli@$(redocly_version)" lint --extends=recommended openapi/openapi.yaml
}
