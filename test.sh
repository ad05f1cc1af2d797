#!/usr/bin/env bash
# The test command (README, .ci/run and the GitHub workflow all run this): installs what the tests need, finds or
# derives the real data they read, and runs every test of Analysis.sln.
#
# Real data, in this order:
#   1. $SEGMENTATION_SHARED_DATA, or ../shared/data beside the repository, when it holds the three files;
#   2. otherwise derived into .test-data/ from the public UCI workbook (data/raw/Online_Retail.xlsx, fetched by
#      `download` when it is not there): online_retail.csv.gz by our own `export`, and the RFM oracle by an
#      independent pandas script (tests/reference/rfm_reference.py).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
files=(online_retail.csv.gz Online_Retail.xlsx online_retail_rfm_reference.csv)

have_all() { for f in "${files[@]}"; do [ -f "$1/$f" ] || return 1; done; }

data=""
if [ -n "${SEGMENTATION_SHARED_DATA:-}" ]; then data=$SEGMENTATION_SHARED_DATA
elif have_all ../shared/data; then data=$(cd ../shared/data && pwd)
fi

# Debian tools the tests use: pdffonts and pdftoppm (poppler-utils), headless Chromium for the HTML report,
# PostgreSQL and ClickHouse (installed by tests/postgres.sh and tests/clickhouse.sh);
# pandas and openpyxl from Debian only when the oracle has to be derived.
need=()
command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ -z "$data" ] && ! /usr/bin/python3 -c 'import pandas, openpyxl' >/dev/null 2>&1; then need+=(python3-pandas python3-openpyxl); fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -f .config/dotnet-tools.json ]; then dotnet tool restore >/dev/null; fi
cli() { dotnet run --project src/Segmentation.Cli -- "$@"; }

if [ -z "$data" ]; then
  data="$root/.test-data"
  mkdir -p "$data"
  workbook=data/raw/Online_Retail.xlsx
  [ -f "$workbook" ] || cli download --out "$workbook"
  cp "$workbook" "$data/Online_Retail.xlsx"
  [ -f "$data/online_retail.csv.gz" ] || cli export --input "$workbook" --out "$data/online_retail.csv.gz"
  [ -f "$data/online_retail_rfm_reference.csv" ] || /usr/bin/python3 tests/reference/rfm_reference.py "$workbook" "$data/online_retail_rfm_reference.csv"
  echo "Real data derived from the public workbook into $data" >&2
fi
if ! have_all "$data"; then
  echo "error: $data lacks one of ${files[*]} (see data/README.md)" >&2
  exit 1
fi
export SEGMENTATION_SHARED_DATA=$data

# The database-source tests read from a real PostgreSQL: a throwaway cluster, stopped and removed when this
# script exits, unless SEGMENTATION_TEST_POSTGRES already names a server.
if [ -z "${SEGMENTATION_TEST_POSTGRES:-}" ]; then source tests/postgres.sh; fi
# The ClickHouse tests read from a two-shard cluster on loopback (Debian's 18.16): started the same way, stopped
# by PID on exit, unless SEGMENTATION_TEST_CLICKHOUSE_SHARDS already names one.
if [ -z "${SEGMENTATION_TEST_CLICKHOUSE_SHARDS:-}" ]; then source tests/clickhouse.sh; fi

log=$(mktemp)
set +e
dotnet test Analysis.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test projects.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed (real data: $data)"
rm -f "$log"
exit "$status"
