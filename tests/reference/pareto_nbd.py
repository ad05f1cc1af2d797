"""Pareto/NBD figures from the model's definition, at 40 digits, for ParetoNbdPublishedFiguresTests.

Independent of the closed forms the library uses (the hypergeometric function of Fader, Hardie and Lee's note): the
likelihood's term for leaving between t_x and T, and the chance of leaving in a window before any purchase, are
integrated numerically from the rates' Gamma densities. The integrands of heavy buyers fall by hundreds of orders of
magnitude over the interval, so each integral is split into 400 pieces (200 agree to 1e-12).

    python3 tests/reference/pareto_nbd.py      (mpmath: apt-get install python3-mpmath)
"""
from mpmath import mp, mpf, quad, linspace, gamma, nstr

mp.dps = 40


def integral(f, a, b, pieces=400):
    return quad(f, linspace(a, b, pieces + 1))


def alive(r, al, s, be, x, tx, T):
    # Alive at T: no leaving up to T; gone at u in (t_x, T): density s be^s/(be+u)^(s+1) times al^r/(al+u)^(r+x).
    stays = 1 / ((al + T) ** (r + x) * (be + T) ** s)
    leaves = s * integral(lambda u: (al + u) ** (-(r + x)) * (be + u) ** (-(s + 1)), tx, T)
    return stays / (stays + leaves)


def expected(r, al, s, be, x, tx, T, t):
    return alive(r, al, s, be, x, tx, T) * (r + x) * (be + T) / (al + T) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) / (s - 1)


def no_purchase(r, al, s, be, x, tx, T, t):
    a, b, rx = al + T, be + T, r + x
    stays = (a / (a + t)) ** rx * (b / (b + t)) ** s
    leaves = integral(lambda u: s / (b + u) * (b / (b + u)) ** s * (a / (a + u)) ** rx, 0, t)
    p = alive(r, al, s, be, x, tx, T)
    return 1 - p + p * (stays + leaves)


cases = [((0.553, 10.58, 0.606, 11.67), 26, 30.857, 31, 52, 10),
         ((0.8, 60.0, 0.5, 900.0), 400, 360.0, 365.0, 365, 30),
         ((0.9, 80.0, 1.3, 20.0), 3, 100.0, 300.0, 365, 60),
         ((0.5, 1.0, 0.7, 5000.0), 0, 0.0, 100.0, 90, 90),
         ((0.55, 10.58, 0.61, 11.67), 1000, 77.0, 78.0, 52, 1)]
for p, x, tx, T, t, window in cases:
    v = [mpf(str(c)) for c in p] + [x] + [mpf(str(tx)), mpf(str(T))]
    print(f"[InlineData({p[0]}, {p[1]}, {p[2]}, {p[3]}, {x}, {tx}, {T}, {t}, {window}, "
          f"{nstr(expected(*v, mpf(t)), 17)}, {nstr(alive(*v), 17)}, {nstr(no_purchase(*v, mpf(window)), 17)})]")
