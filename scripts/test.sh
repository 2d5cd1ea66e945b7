#!/usr/bin/env bash
# The README's test command: prepares what the tests need (PostgreSQL, Chromium for the browser
# tests) and runs every test, unit and integration, against a real PostgreSQL.
# Ends with the line "N passed, N failed, N skipped" computed from the test results.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# CI reads the last line: whatever stops this script before the tests (PostgreSQL, Chromium, the tool
# restore, the build), it still ends with the count, as one failure, and a non-zero exit.
counted=0
finish() {
  local status=$?
  if [ "$counted" = 0 ]; then
    echo "scripts/test.sh stopped before running the tests (see the errors above)." >&2
    echo "0 passed, 1 failed, 0 skipped"
    [ "$status" -ne 0 ] || status=1
  fi
  exit "$status"
}
trap finish EXIT

ensure_database
ensure_chromium_installed
ensure_redocly_installed
export HOSTINGMATCH_PG_BIN="${PG_BIN:-}"
export HOSTINGMATCH_PG_DATA="$(pg_data_dir)"

results="$ROOT/TestResults"
rm -rf "$results"
if ! dotnet tool restore >/dev/null; then
  echo "dotnet tool restore failed." >&2
  exit 1
fi
if ! dotnet build HostingMatch.sln -c Release -nologo -v quiet; then
  echo "The build failed." >&2
  exit 1
fi
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
counted=1
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && { [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; }; then status=1; fi
exit "$status"
