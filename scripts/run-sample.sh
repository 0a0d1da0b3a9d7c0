#!/usr/bin/env bash
# The main command (README): from a fresh clone, runs the whole job on the committed sample drop into a local
# DuckDB file (./data/analytics.duckdb) and writes the documents under ./out. Extra arguments go to 'analytics run'.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
bash scripts/install-fonts.sh
dotnet build api/Analytics.Api.csproj -c Release -nologo -clp:ErrorsOnly
dotnet api/bin/Release/net10.0/linux-x64/analytics.dll run "$@"
