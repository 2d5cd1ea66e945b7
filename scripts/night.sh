#!/usr/bin/env bash
# The README's main command: runs tonight on this machine with the demo data.
# Installs and starts what it needs (PostgreSQL in a private cluster under .local/), applies the
# migrations, loads a generated Paris night, runs the matching, sends the offers by SMS to a fake
# Twilio on 127.0.0.1 with simulated replies (yes, no, silence) and re-matches until the night
# settles, plans the van runs, loads and plans the stays demo (Bretagne and Île-de-France, 30 guests, 60 hosts,
# 8 weeks from tomorrow: each guest's chain of hosts and the uncovered nights with their reasons), then starts the Api with the coordinators' console and prints its address,
# which signs the browser in with a demo coordinator key (also printed, for the API).
# Run it again: it reuses the cluster, the data and tonight's state.
# It never touches another database: ConnectionStrings__Default is ignored (the demo loads fake hosts
# and people, answers offers in hosts' names and issues a coordinator key), and SMS always go to the
# fake Twilio, whatever Twilio credentials the environment holds.
#   HOSTINGMATCH_URL       where the Api listens (default http://127.0.0.1:5080)
#   HOSTINGMATCH_NIGHT     the night to run (default: tonight in Paris)
#   HOSTINGMATCH_PG_PORT   the private cluster's port (default 55432)
#   HOSTINGMATCH_DB        the database in the private cluster (default hostingmatch)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

if [ -n "${ConnectionStrings__Default:-}" ]; then
  echo "ConnectionStrings__Default is set, but scripts/night.sh runs a demo with fake data: it ignores it and uses its" >&2
  echo "own private cluster on 127.0.0.1:$PG_PORT. To serve a real database, see docs/deploy.md." >&2
  unset ConnectionStrings__Default
fi
# The demo's SMS go to the fake Twilio on 127.0.0.1, for the command line and the Api alike (UseFake wins over
# any Twilio__AccountSid/AuthToken in the environment); a real server is set up as docs/deploy.md says.
export Twilio__UseFake=true

url="${HOSTINGMATCH_URL:-http://127.0.0.1:5080}"
# Tonight in Paris: before noon it is still last evening's night.
night="${HOSTINGMATCH_NIGHT:-$(TZ=Europe/Paris date -d "-12 hours" +%F)}"
night_args=(--night "$night")
# The private cluster only ever holds the demo (see above), so the demo verbs' guard against real data is not needed
# here; it also lets a demo database made before that guard (random +336 numbers) be used again.
demo_args=("${night_args[@]}" --yes-this-is-a-demo-database)

ensure_database
build_release

cli migrate
cli demo load "${demo_args[@]}"
echo
cli night match "${night_args[@]}"
echo
cli demo sms "${demo_args[@]}"
echo
# The demo evening plans its vans as at 20:00, so trips show at any hour (night vans plans from the real clock).
cli demo vans "${demo_args[@]}"
echo
# The van alone does not bring everyone: tonight's night plan decides beds and rides together with the two volunteers'
# cars, the escorts and the hosts who fetch at the base (as at 20:00, like the vans), and says who reaches a bed.
cli demo plan "${demo_args[@]}" || echo "(no night plan tonight: see why above; the console still starts)"
echo
# The stays programme (docs/stays.md): loaded once, planned again at every run from tomorrow; it has no night.
cli demo stays --yes-this-is-a-demo-database
key="$(cli keys create --org "Demo coordinators" --role coordinator --expires-in-days 7)"
echo
echo "HostingMatch is starting at $url"
echo "  Console, signed in (open it in a browser):  $url/#key=$key&night=$night"
echo "  Demo coordinator key (valid 7 days): $key"
echo "  Try:  curl -H \"Authorization: Bearer $key\" $url/api/v1/nights/$night/summary"
echo "  API reference:  $url/docs"
echo "  OpenAPI:        $url/openapi/v1.json"
echo "  Health:         $url/health/ready"
echo "Stop it with Ctrl+C; run this command again to come back to the same night."
# The printed address carries the demo key; a real server leaves this off (docs/console.md).
export Console__KeyInAddress="${Console__KeyInAddress:-true}"
exec dotnet "$(api_dll)" --urls "$url" --contentRoot "$ROOT/src/Api"
