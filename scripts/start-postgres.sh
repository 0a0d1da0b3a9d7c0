#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster and makes sure the test role and database exist, then prints the
# connection string the API tests use (env ANALYTICS_TEST_PG). Idempotent: safe to run any number of times.
# Usage (CI, as root): export ANALYTICS_TEST_PG="$(scripts/start-postgres.sh)"
set -euo pipefail

VERSION="${PG_VERSION:-15}"
CLUSTER="${PG_CLUSTER:-main}"
ROLE="${PG_TEST_ROLE:-analytics_test}"
PASSWORD="${PG_TEST_PASSWORD:-analytics_test}"
DB="${PG_TEST_DB:-analytics_test}"

if ! command -v pg_ctlcluster >/dev/null; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql-$VERSION)." >&2
  exit 1
fi

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

as_postgres() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -tAc \"$1\"" ; }

for _ in $(seq 1 30); do
  as_postgres "SELECT 1" >/dev/null 2>&1 && break
  sleep 0.5
done

if [ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  as_postgres "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  as_postgres "CREATE DATABASE $DB OWNER $ROLE" >&2
fi

echo "Host=127.0.0.1;Port=$PORT;Database=$DB;Username=$ROLE;Password=$PASSWORD"
