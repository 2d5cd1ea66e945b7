#!/usr/bin/env bash
# Shared by scripts/night.sh and scripts/test.sh: a private PostgreSQL cluster for this checkout.
# It installs Debian's postgresql when missing, creates the cluster once in .local/pg (or, when
# the postgres user cannot reach this folder, in /var/lib/hostingmatch), listens on 127.0.0.1 only,
# trusts every local connection (a demo and test cluster, never for real data: docs/security.md),
# and is reused by every later run; nothing stops it (docs/deploy.md says how). Set
# HOSTINGMATCH_PG_PORT to move it. scripts/test.sh alone may use an existing server instead
# (ConnectionStrings__Default set: nothing is installed or started); scripts/night.sh never does.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT="${HOSTINGMATCH_PG_PORT:-55432}"

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_postgres_installed() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    local sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    # Through env: sudo's env_reset would drop a variable set in front of it.
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
}

# The browser tests drive Debian's Chromium (no browser is downloaded at test time).
ensure_chromium_installed() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian's packages (browser tests)..." >&2
    local sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  fi
}

# The OpenAPI lint test runs Redocly's CLI, pinned in tools/redocly (npm, from the registry's lock file).
ensure_redocly_installed() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm from Debian's packages (OpenAPI lint)..." >&2
    local sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
  fi
  if [ ! -x "$ROOT/tools/redocly/node_modules/.bin/redocly" ]; then
    echo "Installing Redocly's CLI (tools/redocly)..." >&2
    npm ci --prefix "$ROOT/tools/redocly" --no-audit --no-fund --loglevel=error >&2
  fi
}

pg_home() {
  local dir="$ROOT/.local/pg"
  if [ "$(id -u)" = "0" ] && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
    # The postgres user cannot walk into this checkout (e.g. under /root): keep the cluster outside it,
    # one per checkout. Not in /var/tmp, which systemd-tmpfiles empties of files unused for 30 days;
    # a cluster an older version made there is still used, so its data is not lost.
    local id; id="$(printf '%s' "$ROOT" | md5sum | cut -c1-8)"
    if [ -f "/var/tmp/hostingmatch-pg-$id/data/PG_VERSION" ]; then
      dir="/var/tmp/hostingmatch-pg-$id"
    else
      dir="/var/lib/hostingmatch/pg-$id"
    fi
  fi
  echo "$dir"
}

# Starts (or reuses) the cluster and exports ConnectionStrings__Default for the programs.
# With ConnectionStrings__Default already set it uses that server instead (scripts/test.sh only:
# scripts/night.sh unsets it first, as its demo data must never reach a real database).
ensure_database() {
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    echo "Using the database from ConnectionStrings__Default." >&2
    return 0
  fi
  ensure_postgres_installed
  local home; home="$(pg_home)"
  local data="$home/data" run="$home/run"
  case "$home" in
    /var/tmp/*) echo "Note: this cluster lives in $home, which the system may clean; see docs/deploy.md to move it." >&2 ;;
  esac
  mkdir -p "$home" "$run"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$home" "$run"
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "Creating a private PostgreSQL cluster in $data ..." >&2
    as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # Another server on the port (often another checkout's cluster) would only show as "could not start server".
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
      echo "Cannot start PostgreSQL: something else already listens on 127.0.0.1:$PG_PORT (another HostingMatch" >&2
      echo "checkout's cluster, or another server). Stop it, or choose another port, e.g." >&2
      echo "  HOSTINGMATCH_PG_PORT=$((PG_PORT + 1)) bash $0" >&2
      return 1
    fi
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$home/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $run -c max_connections=300" start >/dev/null; then
      echo "PostgreSQL did not start; the end of its log ($home/postgres.log):" >&2
      tail -n 5 "$home/postgres.log" >&2
      return 1
    fi
    echo "PostgreSQL is listening on 127.0.0.1:$PG_PORT (log: $home/postgres.log)." >&2
  fi
  local db="${HOSTINGMATCH_DB:-hostingmatch}"
  if [ -z "$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null
  fi
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db"
}

# The built programs, run directly (dotnet run re-evaluates the project every time).
build_release() {
  echo "Building HostingMatch (Release)..." >&2
  local log
  if ! log="$(dotnet build "$ROOT/HostingMatch.sln" -c Release -nologo -v quiet 2>&1)"; then
    printf '%s\n' "$log" >&2
    return 1
  fi
}
cli() { dotnet "$ROOT/src/Cli/bin/Release/net10.0/linux-x64/HostingMatch.Cli.dll" "$@"; }
api_dll() { echo "$ROOT/src/Api/bin/Release/net10.0/linux-x64/HostingMatch.Api.dll"; }

# The private cluster's data directory, given to the tests as HOSTINGMATCH_PG_DATA. Nothing stops the
# cluster (the health tests cut their own database off instead); stop it by hand with
#   runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$(pg_data_dir)" stop -m fast
pg_data_dir() { echo "$(pg_home)/data"; }
