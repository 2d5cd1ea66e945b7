#!/usr/bin/env bash
# The README's test command: prepares what the tests need (PostgreSQL, Chromium for the browser
# tests) and runs every test, unit and integration, against a real PostgreSQL.
# Ends with the line "N passed, N failed, N skipped" computed from the test results.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_database
ensure_chromium_installed
export HOSTINGMATCH_PG_BIN="${PG_BIN:-}"
export HOSTINGMATCH_PG_DATA="$(pg_data_dir)"

results="$ROOT/TestResults"
rm -rf "$results"
dotnet tool restore >/dev/null
dotnet build HostingMatch.sln -c Release -nologo -v quiet
set +e
dotnet test HostingMatch.sln -c Release --no-build -nologo -v quiet \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
set -e

# dotnet test prints no closing line that CI reads: add up the Counters of the .trx files.
shopt -s nullglob
trx=("$results"/*.trx)
if [ ${#trx[@]} -eq 0 ]; then
  echo "No test results were written." >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
counts=$(grep -ho '<Counters [^>]*>' "${trx[@]}" | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/[^0-9]/, "", kv[2]); v[kv[1]] += kv[2] } }
  END {
    failed = v["failed"] + v["error"] + v["timeout"] + v["aborted"]
    skipped = v["total"] - v["passed"] - failed
    printf "%d %d %d", v["passed"], failed, skipped
  }')
read -r passed failed skipped <<<"$counts"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && { [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; }; then status=1; fi
exit "$status"
