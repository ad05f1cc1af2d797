"""scikit-learn's answers on the UCI customers, the figures our clustering is held to (tests/Segmentation.Tests/Fixtures/scikit-learn).

usage: python3 tests/reference/sklearn_clustering_reference.py ../shared/data/online_retail_rfm_reference.csv tests/Segmentation.Tests/Fixtures/scikit-learn

Features as ours and the peer's: log1p of RecencyDays, Frequency, Monetary, then standardised (population standard deviation).
Writes kmeans.md (per k: inertia, silhouette, Davies-Bouldin, Calinski-Harabasz of KMeans(k-means++, n_init=10, random_state=42))
and kmeans_labels.csv (each customer's label at every k), so that a test can compare partitions, not only figures;
dbscan.md (clusters, noise and core points of DBSCAN at each (eps, min_samples)) and dbscan_labels.csv (label and core flag);
kdistance.csv (each customer's distance to its min_samples-th nearest point, itself counted: the curve eps is chosen from);
gmm.md (per k: BIC, AIC and mean log-likelihood of GaussianMixture(full, k-means init, n_init=5, reg_covar=1e-6, random_state=42))
and gmm_regularised.md (the same with reg_covar=0.03, where no component can collapse onto a shared value).
Debian: apt-get install python3-sklearn python3-pandas.
"""
import os, sys
import numpy as np, pandas as pd, sklearn
from sklearn.cluster import DBSCAN, KMeans
from sklearn.mixture import GaussianMixture
from sklearn.metrics import silhouette_score, davies_bouldin_score, calinski_harabasz_score
from sklearn.preprocessing import StandardScaler

source, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rfm = pd.read_csv(source, dtype={"CustomerID": str}).sort_values("CustomerID").reset_index(drop=True)
X = StandardScaler().fit_transform(np.log1p(rfm[["RecencyDays", "Frequency", "Monetary"]].to_numpy(dtype=float)))


def write_table(name, title, notes, columns, rows):
    """One fixture table: what it is, how it was made, and its rows."""
    with open(os.path.join(out, name), "w") as f:
        f.write(f"# scikit-learn {sklearn.__version__} {title} ({len(rfm):,} customers)\n\n")
        f.write("".join(notes))
        f.write("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n")
        f.write("\n".join(rows) + "\n")


command = "python3 tests/reference/sklearn_clustering_reference.py ../shared/data/online_retail_rfm_reference.csv tests/Segmentation.Tests/Fixtures/scikit-learn"
SAME_FEATURES = f"Made by `{command}`, on the same features as kmeans.md.\n"

labels = pd.DataFrame({"CustomerID": rfm["CustomerID"]})
rows = []
for k in range(2, 11):
    km = KMeans(n_clusters=k, n_init=10, random_state=42).fit(X)
    labels[f"k{k}"] = km.labels_
    rows.append(f"| {k} | {km.inertia_:.4f} | {silhouette_score(X, km.labels_):.6f} | {davies_bouldin_score(X, km.labels_):.6f} | {calinski_harabasz_score(X, km.labels_):.4f} |")
labels.to_csv(os.path.join(out, "kmeans_labels.csv"), index=False)
write_table("kmeans.md", "KMeans on the UCI customers",
            [f"Made by `{command}`.\n", "KMeans(n_clusters=k, n_init=10, random_state=42) (k-means++, Lloyd); the silhouette exact, over every customer.\n\n"],
            ["k", "inertia", "silhouette", "Davies-Bouldin", "Calinski-Harabasz"], rows)

settings = [(0.3, 10), (0.5, 20)]
dbscan = pd.DataFrame({"CustomerID": rfm["CustomerID"]})
rows = []
for eps, min_samples in settings:
    db = DBSCAN(eps=eps, min_samples=min_samples).fit(X)
    core = np.zeros(len(X), dtype=int)
    core[db.core_sample_indices_] = 1
    name = f"eps{eps}_min{min_samples}"
    dbscan[f"{name}_label"] = db.labels_
    dbscan[f"{name}_core"] = core
    clusters = len(set(db.labels_)) - (1 if -1 in db.labels_ else 0)
    rows.append(f"| {eps} | {min_samples} | {clusters} | {int((db.labels_ == -1).sum())} | {int(core.sum())} |")
dbscan.to_csv(os.path.join(out, "dbscan_labels.csv"), index=False)

# The k-distance behind the choice of eps: each customer's distance to its min_samples-th nearest point, itself counted first.
from sklearn.neighbors import NearestNeighbors
kdistance = pd.DataFrame({"CustomerID": rfm["CustomerID"]})
for min_samples in sorted({m for _, m in settings}):
    distances, _ = NearestNeighbors(n_neighbors=min_samples).fit(X).kneighbors(X)
    kdistance[f"k{min_samples}"] = np.round(distances[:, -1], 10)
kdistance.to_csv(os.path.join(out, "kdistance.csv"), index=False)
write_table("dbscan.md", "DBSCAN on the UCI customers",
            [SAME_FEATURES, "DBSCAN(eps, min_samples), Euclidean; a core point has at least min_samples points (itself included) within eps.\n\n"],
            ["eps", "min_samples", "clusters", "noise points", "core points"], rows)

rows = []
for k in range(2, 11):
    gm = GaussianMixture(n_components=k, covariance_type="full", init_params="kmeans", n_init=5, reg_covar=1e-6, random_state=42).fit(X)
    # A component collapsed onto points that share a value (many customers share one order) has a variance near reg_covar on that axis.
    collapsed = int(sum(np.diagonal(c).min() < 1e-3 for c in gm.covariances_))
    rows.append(f"| {k} | {gm.bic(X):.4f} | {gm.aic(X):.4f} | {gm.score(X):.6f} | {gm.converged_} | {gm.n_iter_} | {collapsed} |")
write_table("gmm.md", "GaussianMixture on the UCI customers",
            [SAME_FEATURES, "GaussianMixture(n_components=k, covariance_type='full', init_params='kmeans', n_init=5, reg_covar=1e-6, random_state=42).\n\n",
             "Collapsed: components with a variance below 1e-3 on some axis, i.e. sitting on customers who share a value (one order, say).\n\n"],
            ["k", "BIC", "AIC", "mean log-likelihood", "converged", "iterations", "collapsed"], rows)

# With a regularisation large enough that no component can collapse onto a shared value (0.03: about the variance
# of a uniform over the gap between one and two orders in these units), the solutions no longer depend on which
# initialisation happens to find the deepest collapse, and every k can be compared.
rows = []
for k in range(2, 11):
    gm = GaussianMixture(n_components=k, covariance_type="full", init_params="kmeans", n_init=5, reg_covar=0.03, random_state=42).fit(X)
    rows.append(f"| {k} | {gm.bic(X):.4f} | {gm.aic(X):.4f} | {gm.score(X):.6f} | {gm.converged_} | {gm.n_iter_} |")
write_table("gmm_regularised.md", "GaussianMixture on the UCI customers, regularised",
            [SAME_FEATURES, "GaussianMixture(n_components=k, covariance_type='full', init_params='kmeans', n_init=5, reg_covar=0.03, random_state=42).\n\n"],
            ["k", "BIC", "AIC", "mean log-likelihood", "converged", "iterations"], rows)
