"""scikit-learn's answers on the UCI customers, the figures our clustering is held to (tests/Segmentation.Tests/Fixtures/scikit-learn).

usage: python3 tests/reference/sklearn_clustering_reference.py ../shared/data/online_retail_rfm_reference.csv tests/Segmentation.Tests/Fixtures/scikit-learn

Features as ours and the peer's: log1p of RecencyDays, Frequency, Monetary, then standardised (population standard deviation).
Writes kmeans.md (per k: inertia, silhouette, Davies-Bouldin, Calinski-Harabasz of KMeans(k-means++, n_init=10, random_state=42))
and kmeans_labels.csv (each customer's label at every k), so that a test can compare partitions, not only figures.
Debian: apt-get install python3-sklearn python3-pandas.
"""
import os, sys
import numpy as np, pandas as pd, sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score, davies_bouldin_score, calinski_harabasz_score
from sklearn.preprocessing import StandardScaler

source, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rfm = pd.read_csv(source, dtype={"CustomerID": str}).sort_values("CustomerID").reset_index(drop=True)
X = StandardScaler().fit_transform(np.log1p(rfm[["RecencyDays", "Frequency", "Monetary"]].to_numpy(dtype=float)))
command = "python3 tests/reference/sklearn_clustering_reference.py ../shared/data/online_retail_rfm_reference.csv tests/Segmentation.Tests/Fixtures/scikit-learn"

labels = pd.DataFrame({"CustomerID": rfm["CustomerID"]})
rows = []
for k in range(2, 11):
    km = KMeans(n_clusters=k, n_init=10, random_state=42).fit(X)
    labels[f"k{k}"] = km.labels_
    rows.append(f"| {k} | {km.inertia_:.4f} | {silhouette_score(X, km.labels_):.6f} | {davies_bouldin_score(X, km.labels_):.6f} | {calinski_harabasz_score(X, km.labels_):.4f} |")
labels.to_csv(os.path.join(out, "kmeans_labels.csv"), index=False)
with open(os.path.join(out, "kmeans.md"), "w") as f:
    f.write(f"# scikit-learn {sklearn.__version__} KMeans on the UCI customers ({len(rfm):,} customers)\n\n")
    f.write(f"Made by `{command}`.\n")
    f.write("KMeans(n_clusters=k, n_init=10, random_state=42) (k-means++, Lloyd); the silhouette exact, over every customer.\n\n")
    f.write("| k | inertia | silhouette | Davies-Bouldin | Calinski-Harabasz |\n|---|---|---|---|---|\n")
    f.write("\n".join(rows) + "\n")
