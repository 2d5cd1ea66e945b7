#!/usr/bin/env bash
# A bounded load test of the Api on this machine (docs/benchmarks.md, issue 13 item 8): builds the Api, the command
# line and the bench, creates a throw-away database on the server in ConnectionStrings__Default, loads the demo night,
# starts the Api on 127.0.0.1 (Production settings, the fake Twilio, rate limits lifted for the run), and runs
# `HostingMatch.Bench load`: half a partner's reads, half a coordinator's audited reads, at a fixed rate for a fixed time.
# Then it stops the Api and drops the database. Options go to the bench: --rate N (500), --seconds N (20), --warm-up S (15, at up to 300 req/s, not counted), --timeline (p50/p99/max second by second);
# or --per-call N: each read alone, N calls one after the other, with the CPU time the Api and PostgreSQL spent per call.
# Example: ConnectionStrings__Default="Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres" bash scripts/load.sh --rate 500
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

: "${ConnectionStrings__Default:?set ConnectionStrings__Default to a PostgreSQL server the role may create databases on}"
port="${HOSTINGMATCH_LOAD_PORT:-5399}"
db="hm_load_$$"
base="$ConnectionStrings__Default"
export ConnectionStrings__Default="$(printf '%s' "$base" | sed -E 's/Database=[^;]*/Database='"$db"'/')"
[[ "$ConnectionStrings__Default" == *"Database=$db"* ]] || export ConnectionStrings__Default="$base;Database=$db"

for project in src/Api src/Cli src/Bench; do
  dotnet build "$project" -c Release -nologo -v quiet >/dev/null
done

api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  psql_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql"
  if [ -x "$psql_bin" ]; then
    host="$(printf '%s' "$base" | sed -nE 's/.*Host=([^;]*).*/\1/p')"; pgport="$(printf '%s' "$base" | sed -nE 's/.*Port=([^;]*).*/\1/p')"
    user="$(printf '%s' "$base" | sed -nE 's/.*Username=([^;]*).*/\1/p')"
    "$psql_bin" -h "${host:-127.0.0.1}" -p "${pgport:-5432}" -U "${user:-postgres}" -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null || true
  fi
}
trap cleanup EXIT

psql_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql"
host="$(printf '%s' "$base" | sed -nE 's/.*Host=([^;]*).*/\1/p')"; pgport="$(printf '%s' "$base" | sed -nE 's/.*Port=([^;]*).*/\1/p')"
user="$(printf '%s' "$base" | sed -nE 's/.*Username=([^;]*).*/\1/p')"
"$psql_bin" -h "${host:-127.0.0.1}" -p "${pgport:-5432}" -U "${user:-postgres}" -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null

cli migrate >/dev/null
cli demo load >/dev/null
partner="$(cli keys create --org "Load partner" --role partner)"
coordinator="$(cli keys create --org "Load coordinators" --role coordinator)"

# Production's own logging (appsettings.json: nothing per request), as a real server runs.
ASPNETCORE_ENVIRONMENT=Production Twilio__UseFake=true \
  RateLimits__PermitLimit=100000000 Sms__OutboxWorkerEnabled=false Sms__OfferWorkerEnabled=false \
  dotnet "$(api_dll)" --urls "http://127.0.0.1:$port" --contentRoot "$ROOT/src/Api" >/dev/null &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
night="$(TZ=Europe/Paris date -d '-12 hours' +%F)"
for i in 1 2 3 4 5; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $partner" -H "Content-Type: application/json" \
    -d '{"night":"'"$night"'","alias":"Famille L'"$i"'.","members":[{"age":31,"sex":"female"}],"referrer":{"name":"Load","phone":"+33698765432"}}' \
    "http://127.0.0.1:$port/api/v1/referrals" || true
done

# HOSTINGMATCH_LOAD_TRACE=FILE: also record the Api's thread stacks during the run (dotnet-trace on PATH), for a profile.
trace_pid=""
if [ -n "${HOSTINGMATCH_LOAD_TRACE:-}" ]; then
  dotnet-trace collect --process-id "$api_pid" --profile dotnet-sampled-thread-time --format Speedscope \
    -o "$HOSTINGMATCH_LOAD_TRACE" --duration 00:00:00:20 >/dev/null &
  trace_pid=$!
fi
echo "uptime: $(uptime)"
dotnet "$ROOT/src/Bench/bin/Release/net10.0/linux-x64/HostingMatch.Bench.dll" load --url "http://127.0.0.1:$port" \
  --partner-key "$partner" --coordinator-key "$coordinator" --api-pid "$api_pid" "$@"
echo "uptime: $(uptime)"
[ -z "$trace_pid" ] || wait "$trace_pid" || true
