#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL for the portal's tests, makes a role with a fresh
# random password and a database, and prints the JDBC URL. Needs root (CI machines run as root).
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres: installing from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" main start >&2
fi

password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
su postgres -c "psql -v ON_ERROR_STOP=1 -q" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiosk_test') THEN CREATE ROLE kiosk_test LOGIN; END IF;
END \$\$;
ALTER ROLE kiosk_test WITH LOGIN PASSWORD '$password';
SQL
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'kiosk_test'\"" | grep -q 1; then
  su postgres -c "createdb -O kiosk_test kiosk_test" >&2
fi

echo "jdbc:postgresql://127.0.0.1:5432/kiosk_test?user=kiosk_test&password=$password"
