#!/usr/bin/env bash
# The test command (README): installs what the tests need on a fresh Debian 12 machine, starts the
# services they use, then runs every test project of the solution. Idempotent; run as root (CI is).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Chinese fonts for the PDF reports, plus qpdf and poppler-utils (pdftotext, pdftoppm) the report tests call.
bash scripts/install-fonts.sh --test-tools

# PostgreSQL for Hangfire's production storage tests (installed on a fresh machine but not running).
ANALYTICS_TEST_PG="$(bash scripts/start-postgres.sh)"
export ANALYTICS_TEST_PG

# Mail delivery tests (issue 13): a real SMTP server process on 127.0.0.1, Debian's aiosmtpd. The tests start
# it with /usr/bin/python3 (a pyenv python on PATH lacks the module); apt waits if another apt holds the lock.
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q python3-aiosmtpd
fi
# --- Workspace browser tests (tests/Web.Tests) -------------------------------------------------------------
# Debian's chromium package: Playwright drives its own binary /usr/lib/chromium/chromium (`playwright install`
# cannot download browsers here). About 40 s on a fresh machine; retried while another apt holds the lock.
if [ ! -x /usr/lib/chromium/chromium ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    for attempt in 1 2 3 4 5 6; do
        if $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium \
            || { $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }; then
            break
        fi
        echo "apt is busy or failed (attempt $attempt); retrying in 10 s" >&2
        sleep 10
    done
    [ -x /usr/lib/chromium/chromium ] || { echo "chromium could not be installed: the browser tests need it" >&2; exit 1; }
fi
# --------------------------------------------------------------------------------------------------------------

dotnet build Analytics.sln -c Release -nologo -clp:ErrorsOnly
# One test project at a time: the machine has two cores and several suites start real processes and servers.
log="$(mktemp)"
status=0
dotnet test Analytics.sln -c Release --no-build -nologo -m:1 --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test projects, in the plain form CI reads.
passed=$(awk '/^ +Passed: [0-9]+$/ {s += $2} END {print s + 0}' "$log")
failed=$(awk '/^ +Failed: [0-9]+$/ {s += $2} END {print s + 0}' "$log")
rm -f "$log"
echo "Total: $passed passed, $failed failed"
exit "$status"
