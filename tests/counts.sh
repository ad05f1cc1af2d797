#!/usr/bin/env bash
# The house's counts at a commit (default HEAD), as the renovation of #26 measures them:
#   tests/counts.sh [REV]        e.g. tests/counts.sh 7823808 (before) and tests/counts.sh (now)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD}
n() { git grep -n "$@" | wc -l | tr -d ' '; }
files() { git grep -l "$@" | wc -l | tr -d ' '; }
echo "counts at $(git rev-parse --short "$rev")"
echo "files in src/ naming ClusteringMethod:            $(files -w ClusteringMethod "$rev" -- src)"
echo "places in src/ that pick a method by name:         $(n -E 'ClusteringMethod\.(KMeans|Gmm|Dbscan)' "$rev" -- src ':!src/Segmentation/Clustering/Methods/*' ':!*ClusteringMethod.cs' ':!*ClusteringOptions.cs')"
echo "places in src/ that decide a file's format:       $(n -E 'InputFormats\.FromPath\(|EndsWith\("\.(parquet|gz|xlsx)"' "$rev" -- src)"
echo "places in src/ that resolve the columns:          $(n -E 'ResolvedColumns\.Resolve\(' "$rev" -- src ':!*ResolvedColumns.cs')"
echo "places in src/ that set PurchaseDays:             $(n -E 'PurchaseDays = true' "$rev" -- src)"
echo "places in src/ that name the model file:          $(n -F '"model.zip"' "$rev" -- src)"
approved=tests/Segmentation.Architecture.Tests/Approved/core-public-types.approved.txt
echo "public core types:                                $(git show "$rev:$approved" | head -1 | grep -Eo '^[0-9]+')"
echo "namespaces of the core:                           $(git grep -h -E '^namespace Segmentation[.;]' "$rev" -- src/Segmentation | sort -u | wc -l | tr -d ' ')"
echo "the three largest files of the core (lines):"
git ls-tree -r --name-only "$rev" -- src/Segmentation | grep '\.cs$' | while read -r f; do
  echo "$(git show "$rev:$f" | wc -l) $f"
done | sort -rn | head -3 | sed 's/^/  /'
