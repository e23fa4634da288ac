"""Normalised Legendre polynomials P_m^{(n)} in ball arithmetic: quadrature families and sup bounds (SPEC §0.2, F2).

* :class:`GegenbauerFamily` — P_0^{(n)}, ..., P_M^{(n)} in the variable t, for
  :func:`~hardverify.numeric.quadrature.integrate_family`; sums Σ_i v_i P_m(x_i) by the three-term
  recurrence F2.1 (forward recurrence is stable for P: it is the dominant solution off the oscillatory
  region and both solutions have equal size inside it).
* :class:`EndFamily` — the same polynomials after the substitution t = 1 - u² used next to t = ±1
  (where the weight (1-t²)^{(n-3)/2} has a half-integer power for even n): p_{2m}(u) = P_m(1-u²),
  p_{2m+1}(u) = u P_m(1-u²), so deg p_j = j as the quadrature requires.
* :func:`laplace_bounds` — rigorous upper bounds of sup_{|t| ≤ x} |P_m^{(n)}(t)|.  Laplace's integral
  (n ≥ 3) P_m^{(n)}(t) = E_s[(t + i√(1-t²) s)^m], s ~ ν_{n-1}, gives |P_{2q}(t)| ≤ f_q(t²) with

      f_q(u) = E[(u + (1-u) X)^q],   X = s² ~ Beta(1/2, (n-2)/2),

  increasing in u, exact at t = 0 (f_q(0) = |P_{2q}(0)|), and, by Gauss' contiguous relation for
  ₂F₁(-q, 1/2; (n-1)/2; -(1-u)/u), f_{q+1} = [((2q+c)u + (q+1/2)(1-u)) f_q - q u f_{q-1}]/(c+q),
  c = (n-1)/2.  Odd degrees use Cauchy–Schwarz, |P_{2q+1}| ≤ √(f_q f_{q+1}).  Every bound is capped
  at 1 = sup_{[-1,1]} |P_m|.  For large n this keeps the size n^{-m/2} of P_m near 0, which is what
  lets the quadrature reach *relative* accuracy for tiny eigenvalues.

>>> from flint import arb, ctx, fmpq
>>> with ctx.workprec(64):
...     b = laplace_bounds(7, fmpq(0), 4)
>>> exact = [1, 0, fmpq(1, 6), 0, fmpq(1, 16)]            # |P_m^{(7)}(0)|: the bound is attained at t = 0
>>> with ctx.workprec(200):
...     ok = all(b[m] >= arb(exact[m]) for m in range(5))
>>> ok, abs(float(b[4]) - 1 / 16) < 1e-15
(True, True)
"""

from __future__ import annotations

import functools

from flint import arb, ctx, fmpq

__all__ = ["GegenbauerFamily", "EndFamily", "laplace_bounds", "legendre_values_arb", "dyadic_upper"]


def dyadic_upper(x: arb, bits: int = 30) -> fmpq:
    """An exact dyadic rational ≥ the upper end of the ball x (x ≥ 0), rounded to ``bits`` bits.

    Parameters
    ----------
    x : flint.arb
        A ball with non-negative upper end.
    bits : int
        The mantissa bits of the result (default 30: cheap exact arithmetic downstream).

    Returns
    -------
    flint.fmpq
        A dyadic rational u ≥ every point of x.

    Examples
    --------
    >>> from flint import arb
    >>> u = dyadic_upper(arb(1) / 3)
    >>> u >= fmpq(1, 3) and u - fmpq(1, 3) < fmpq(1, 2**28)
    True
    """
    with ctx.workprec(bits):
        u = (+x.upper()).upper()
    man, exp = u.man_exp()
    man, exp = int(man), int(exp)
    return fmpq(man * 2 ** exp) if exp >= 0 else fmpq(man, 2 ** (-exp))


@functools.lru_cache(maxsize=4096)
def laplace_bounds(n: int, x: fmpq, M: int) -> tuple:
    """Upper bounds (arb) of sup_{|t| ≤ x} |P_m^{(n)}(t)|, m = 0..M (see the module docstring)."""
    one = arb(1)
    if n == 2 or x >= 1:
        return tuple(one for _ in range(M + 1))
    u = x * x
    v = 1 - u
    c = fmpq(n - 1, 2)
    f = [fmpq(1), u + v / (2 * c)]
    for q in range(1, M // 2 + 1):
        f.append((((2 * q + c) * u + (q + fmpq(1, 2)) * v) * f[q] - q * u * f[q - 1]) / (c + q))
    out = []
    for m in range(M + 1):
        q = m // 2
        b = arb(f[q]) if m % 2 == 0 else (arb(f[q]) * arb(f[q + 1])).sqrt()
        out.append(b.upper().min(one))
    return tuple(out)


def _coefficients(n: int, M: int):
    """Recurrence coefficients a_ℓ = (2ℓ+n-2)/(ℓ+n-2), b_ℓ = ℓ/(ℓ+n-2) as balls (ℓ = 1..M-1)."""
    return ([arb(fmpq(2 * ell + n - 2, max(ell + n - 2, 1))) for ell in range(M)],
            [arb(fmpq(ell, max(ell + n - 2, 1))) for ell in range(M)])


def _accumulate(n: int, xs, vs, M: int) -> list:
    """Σ_i v_i P_m(x_i) for m = 0..M (recurrence on v_i P_m(x_i))."""
    acc = [arb(0)] * (M + 1)
    A, B = _coefficients(n, M)
    for x, v in zip(xs, vs):
        p0, p1 = v, v * x
        acc[0] += p0
        if M >= 1:
            acc[1] += p1
        for ell in range(1, M):
            p0, p1 = p1, A[ell] * x * p1 - B[ell] * p0
            acc[ell + 1] += p1
    return acc


def legendre_values_arb(n: int, M: int, x) -> list:
    """[P_0^{(n)}(x), ..., P_M^{(n)}(x)] as balls at the ambient precision (x an arb).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.
    M : int
        The largest degree, ``M >= 0``.
    x : flint.arb
        The point.

    Returns
    -------
    list of flint.arb
        The ``M + 1`` balls (the recurrence F2.1; callers add guard bits for its rounding growth,
        :func:`hardverify.numeric.funk_hecke.recurrence_guard_bits`).

    Examples
    --------
    >>> from flint import arb, ctx
    >>> with ctx.workprec(100):
    ...     v = legendre_values_arb(3, 3, arb(1) / 2)
    >>> [b.contains(fmpq(*q)) for b, q in zip(v, [(1, 1), (1, 2), (-1, 8), (-7, 16)])]   # Legendre P_m(1/2)
    [True, True, True, True]
    """
    return _accumulate(n, [x], [arb(1)], M)


class GegenbauerFamily:
    """P_m^{(n)}(t), m = 0..M, as a quadrature family (:mod:`hardverify.numeric.quadrature`).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.

    Examples
    --------
    >>> from flint import arb
    >>> GegenbauerFamily(3).accumulate([arb(1) / 2], [arb(1)], 2)[2].contains(fmpq(-1, 8))   # P_2(1/2)
    True
    """

    def __init__(self, n: int):
        self.n = n

    def sup_bounds(self, lo: arb, hi: arb, M: int) -> list:
        """Upper bounds of sup |P_m^{(n)}| on [lo, hi], m = 0..M (from :func:`laplace_bounds`).

        Parameters
        ----------
        lo, hi : flint.arb
            The interval.
        M : int
            The largest degree.

        Returns
        -------
        list of flint.arb
            The Laplace bounds of sup_{|t| ≤ max(|lo|, |hi|)} |P_m^{(n)}|, each at most 1.
        """
        x = dyadic_upper(abs(lo).max(abs(hi)))
        return list(laplace_bounds(self.n, x, M))

    def accumulate(self, xs, vs, M: int) -> list:
        """Σ_i v_i P_m^{(n)}(x_i), m = 0..M, by the three-term recurrence F2.1.

        Parameters
        ----------
        xs, vs : sequence of flint.arb
            The nodes and the weighted integrand values.
        M : int
            The largest degree.

        Returns
        -------
        list of flint.arb
            M + 1 balls.
        """
        return _accumulate(self.n, xs, vs, M)


class EndFamily:
    """p_{2m}(u) = P_m^{(n)}(1 - u²), p_{2m+1}(u) = u P_m^{(n)}(1 - u²) (u ∈ [0, 1]), deg p_j = j.

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.
    """

    def __init__(self, n: int):
        self.n = n

    def sup_bounds(self, lo: arb, hi: arb, M: int) -> list:
        """Upper bounds of sup |p_j| on [lo, hi] in u, j = 0..M.

        Parameters
        ----------
        lo, hi : flint.arb
            The interval in u.
        M : int
            The largest degree j.

        Returns
        -------
        list of flint.arb
            1 for even j and max|u| for odd j (|P_m| ≤ 1 on [-1, 1]).
        """
        umax = abs(lo).max(abs(hi))
        # t = 1 - u² ∈ [1 - umax², 1]: |t| ≤ 1, and the Laplace bound at |t| ≤ 1 is 1
        base = [arb(1)] * (M // 2 + 2)
        top = umax.upper()
        return [base[j // 2] if j % 2 == 0 else (base[j // 2] * top).upper() for j in range(M + 1)]

    def accumulate(self, xs, vs, M: int) -> list:
        """Σ_i v_i p_j(u_i), j = 0..M, from the recurrence at t_i = 1 - u_i².

        Parameters
        ----------
        xs, vs : sequence of flint.arb
            The nodes in u and the weighted integrand values.
        M : int
            The largest degree j.

        Returns
        -------
        list of flint.arb
            M + 1 balls Σ_i v_i p_j(u_i).
        """
        ts = [1 - u * u for u in xs]
        K = M // 2 + 1
        even = _accumulate(self.n, ts, vs, K)
        odd = _accumulate(self.n, ts, [v * u for u, v in zip(xs, vs)], K)
        return [even[j // 2] if j % 2 == 0 else odd[j // 2] for j in range(M + 1)]
