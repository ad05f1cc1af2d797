#!/usr/bin/env bash
# Writes what a user sees, for a fixed set of scenarios, into OUT, normalised so that two builds that behave the same
# write the same bytes: CSVs as written; JSON without versions and timings; the PDF's text (pdftotext) and the HTML
# report with the day of the run as YYYY-MM-DD (a build behaves the same on any day); the model's entries as written;
# the scoring API's answers for every UCI customer.
#
#   tests/golden/outputs.sh CLI_DLL OUT        (CLI_DLL: a built Segmentation.Cli.dll; DATA: the shared data folder)
#
# tests/golden/manifest.sha256 holds the hashes of these outputs as written by 7823808, the commit before the
# renovation of #26 (`git checkout 7823808 && dotnet build src/Segmentation.Cli -c Release -o /tmp/cli-base`, then this
# script on /tmp/cli-base/Segmentation.Cli.dll, twice, with identical hashes). GoldenOutputTests runs it on the
# current build and compares file by file (files changed on purpose since are listed in GoldenOutputTests); to see how a file differs, run it on both builds and diff the folders.
set -euo pipefail
cli_dll=$(realpath "$1"); out=$(realpath -m "$2")
data=${SEGMENTATION_SHARED_DATA:-$(cd "$(dirname "$0")/../../../shared/data" && pwd)}
uci=$data/online_retail.csv.gz
work=$(mktemp -d); trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT; server=""
rm -rf "$out"; mkdir -p "$out"
cli() { dotnet "$cli_dll" "$@"; }
here=$(cd "$(dirname "$0")" && pwd)
quiet() { cli "$@" >"$work/stdout" 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }; }
# What the command printed, without the names of the work and data folders (they differ from clone to clone).
# The reports print the day they were run ("Run 2026-12-04"): the same build writes other bytes on another day.
undated() { sed -E 's/Run [0-9]{4}-[0-9]{2}-[0-9]{2}/Run YYYY-MM-DD/g'; }
printed() { mkdir -p "$out/$1"; sed "s#$work#WORK#g; s#$data#DATA#g" "$work/stdout" >"$out/$1/stdout.txt"; }

# A run folder's files as a user reads them.
keep() {
  local from=$1 to=$out/$2
  mkdir -p "$to"
  (cd "$from" && find . -type f | sort) | while read -r f; do
    f=${f#./}
    mkdir -p "$to/$(dirname "$f")"
    case "$f" in
      *.json) python3 "$here/normalise_json.py" <"$from/$f" | sed "s#$work#WORK#g; s#$data#DATA#g" >"$to/$f" ;;
      *.pdf) pdftotext -layout "$from/$f" - | undated >"$to/$f.txt" ;;
      *.html) undated <"$from/$f" >"$to/$f" ;;
      *.zip) mkdir -p "$work/unzipped"; rm -rf "$work/unzipped/$f"; mkdir -p "$work/unzipped/$f"
              (cd "$work/unzipped/$f" && unzip -q "$from/$f"); keep "$work/unzipped/$f" "$2/$f.d" ;;
      *.db) ;;                                       # history: its rows hold paths and times
      *) cp "$from/$f" "$to/$f" ;;
    esac
  done
}

quiet run --input "$uci" --out "$work/default"; keep "$work/default" run-default; printed run-default
quiet run --input "$uci" --k 6 --out "$work/k6"; keep "$work/k6" run-k6; printed run-k6
quiet run --input "$uci" --method gmm --out "$work/gmm"; keep "$work/gmm" run-gmm; printed run-gmm
quiet run --input "$uci" --method dbscan --out "$work/dbscan"; keep "$work/dbscan" run-dbscan; printed run-dbscan
quiet run --input "$uci" --compare-methods --out "$work/compare"; keep "$work/compare" run-compare; printed run-compare
quiet run --input "$uci" --clv --clv-calibration-end 2011-09-09 --out "$work/clv"; keep "$work/clv" run-clv; printed run-clv
quiet run --input "$uci" --as-of 2011-10-01 --out "$work/september"; keep "$work/september" refresh-september; printed refresh-september
quiet refresh --previous "$work/september" --input "$uci" --out "$work/december"; keep "$work/december" refresh-december; printed refresh-december
quiet score --input "$uci" --model "$work/default/model.zip" --out "$work/scored.csv"
mkdir -p "$out/score"; cp "$work/scored.csv" "$out/score/scored.csv"; printed score
quiet clv --input "$data/cdnow_sample.csv" --customer-column customer_id --date-column date --amount-column dollar_value \
  --no-invoice-column --keep-nonpositive-price --calibration-end 1997-09-30 --unit weeks --out "$work/cdnow_clv.csv"
mkdir -p "$out/clv-cdnow"; cp "$work/cdnow_clv.csv" "$out/clv-cdnow/clv.csv"; cp "$work/cdnow_clv.json" "$out/clv-cdnow/clv.json"; printed clv-cdnow

# The scoring API serving the default run's model, asked for every UCI customer at once.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# dotnet itself in the background (not through the cli function), so that its PID is the one stopped.
dotnet "$cli_dll" serve --run "$work/default" --port "$port" --runs "$work/web" >"$work/serve.out" 2>&1 & server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
python3 - "$work/default/rfm.csv" >"$work/body.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
print(json.dumps({"customers": [{"customerId": r["CustomerID"].lstrip("'"), "recency": float(r["Recency"]),
  "frequency": float(r["Frequency"]), "monetary": float(r["Monetary"])} for r in rows]}))
PY
mkdir -p "$out/api"
curl -sf "http://127.0.0.1:$port/api/score" -H 'Content-Type: application/json' --data-binary "@$work/body.json" \
  | python3 "$here/normalise_json.py" >"$out/api/score.json"
curl -sf "http://127.0.0.1:$port/api/score/transactions" -F "file=@$uci" | python3 "$here/normalise_json.py" >"$out/api/score_transactions.json"
curl -sf "http://127.0.0.1:$port/api/model" | python3 "$here/normalise_json.py" >"$out/api/model.json"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
(cd "$out" && find . -type f | sort | xargs sha256sum) >"$out.sha256"
echo "wrote $(wc -l <"$out.sha256") files into $out, their hashes in $out.sha256"
