"""The Gaussian-mixture sweep or DBSCAN in scikit-learn, on features the benchmark wrote (MethodsComparison.cs).

The same work as ours: for the mixture, k = kmin..kmax, full covariances, n_init starts from k-means, reg_covar 1e-6,
tol 1e-3, at most 100 iterations, then BIC and the three indices of the hard partition (silhouette on a seeded sample
above 10,000 points); for DBSCAN, each point's min_samples-th neighbour distance (the curve eps is chosen from), the fit
at the given eps, and the indices of the clustered points. Prints one JSON object.
"""
import argparse, json, time

import numpy as np
from sklearn.cluster import DBSCAN
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors

p = argparse.ArgumentParser()
p.add_argument("features")
p.add_argument("--what", choices=["gmm", "dbscan"], required=True)
p.add_argument("--kmin", type=int, default=2)
p.add_argument("--kmax", type=int, default=10)
p.add_argument("--n-init", type=int, default=5)
p.add_argument("--seed", type=int, default=42)
p.add_argument("--eps", type=float)
p.add_argument("--min-samples", type=int, default=10)
a = p.parse_args()

x = np.loadtxt(a.features, delimiter=",")
sample = 5000 if len(x) > 10000 else None


def indices(points, labels):
    return (silhouette_score(points, labels, sample_size=sample, random_state=a.seed),
            davies_bouldin_score(points, labels), calinski_harabasz_score(points, labels))


start = time.perf_counter()
out = {}
if a.what == "gmm":
    out["k"] = []
    for k in range(a.kmin, a.kmax + 1):
        gm = GaussianMixture(k, covariance_type="full", n_init=a.n_init, random_state=a.seed, reg_covar=1e-6, tol=1e-3, max_iter=100).fit(x)
        labels = gm.predict(x)
        s, db, ch = indices(x, labels)
        out["k"].append({"k": k, "log_likelihood": gm.score(x), "bic": gm.bic(x), "silhouette": s})
else:
    distances, _ = NearestNeighbors(n_neighbors=a.min_samples).fit(x).kneighbors(x)
    curve = np.sort(distances[:, -1])
    labels = DBSCAN(eps=a.eps, min_samples=a.min_samples).fit(x).labels_
    clustered = labels >= 0
    s, db, ch = indices(x[clustered], labels[clustered])
    out.update(clusters=int(labels.max() + 1), noise=int((~clustered).sum()), silhouette=s)
out["seconds"] = time.perf_counter() - start
print(json.dumps(out))
