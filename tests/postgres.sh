#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `source tests/postgres.sh` starts one on a free local port (TCP on
# 127.0.0.1 only, trust authentication, data in a temporary folder), exports SEGMENTATION_TEST_POSTGRES with its
# connection string, and stops and removes it when the calling shell exits. Installs PostgreSQL from Debian if
# it is missing. As root the server runs as the `postgres` user (the server refuses to run as root).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing postgresql" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

pg_dir=$(mktemp -d /tmp/segmentation-pg.XXXXXX)
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  as_owner() { runuser -u postgres -- "$@"; }
fi
pg_port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner "$pg_bin/initdb" -D "$pg_dir/data" -U segmentation --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories='$pg_dir' -c fsync=off" start >/dev/null

pg_stop() {
  as_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap pg_stop EXIT
export SEGMENTATION_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=segmentation;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$pg_port" >&2
