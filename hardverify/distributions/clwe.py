"""CLWE_{β,γ}, its null, and homogeneous CLWE ("Gaussian pancakes"), with seeded samplers (SPEC §0.3, §5.1).

These are laws of labelled samples on R^n × [0, 1) (or, for the pancakes, on R^n); they are not
:class:`~hardverify.distributions.Distribution` objects (which are laws on R^n) and are kept here,
self-contained.

Conventions (SPEC §0.3) — every sampler takes ``convention=`` explicitly, there is no default:

* ``"brst"``: y ~ D_1 = N(0, I/(2π)), z = γ⟨y, w⟩ + e mod 1, e ~ D_β = N(0, β²/(2π));
* ``"standard"``: x = √(2π) y ~ N(0, I) and the same z = γ_std⟨x, w⟩ + e mod 1, γ_std = γ/√(2π).

A law is built from BRST's γ (``gamma=``) or from γ_std (``gamma_std=``), never from an unnamed number;
both are kept as attributes.  The noise e and the label z are the same in both conventions.

* :class:`CLWE` — secret w ~ U(S^{n-1}) (seeded), samples (y, z);
* :class:`CLWENull` — y ~ D_1, z ~ U[0, 1) independent;
* :class:`HomogeneousCLWE` — density ∝ ρ(y) Σ_k ρ_β(k - γ⟨y, w⟩): D_1 orthogonally to w, along w the
  mixture Σ_k π_k N(kγ/s, β²/(2πs)), s = β² + γ², π_k ∝ e^{-πk²/s} (SPEC C2); the discrete Gaussian k is
  drawn from |k| ≤ K = ⌈6√s⌉ + 1, which omits mass ≤ 2e^{-36π}/(1 - e^{-π}) < 10^{-48}.

``sample_exact`` draws dyadic rational samples for the lattice attack (C8): y with ``bits`` fractional
bits, secret v = γw rounded to ``bits`` bits (so the effective frequency is ‖v‖, reported), and
z = ⟨y, v⟩ + e mod 1 with 2·``bits`` fractional bits — exact when β = 0.

>>> law = CLWE(8, beta="0.01", gamma=4, seed=1)
>>> Y, z = law.sample(5, seed=2, convention="brst")
>>> X, z2 = law.sample(5, seed=2, convention="standard")
>>> bool(np.allclose(X, np.sqrt(2 * np.pi) * Y) and np.array_equal(z, z2))
True
>>> bool(round(law.gamma_std * np.sqrt(2 * np.pi), 12) == 4.0)
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..core.markup import sci_latex
from ..errors import DomainError, ResourceLimit

__all__ = ["CLWE", "CLWENull", "HomogeneousCLWE", "DyadicSamples", "CONVENTIONS", "to_standard", "to_brst",
           "MAX_SAMPLE_ENTRIES"]

CONVENTIONS = ("brst", "standard")
#: the largest m·n a float sampler allocates (refused before allocating)
MAX_SAMPLE_ENTRIES = 50_000_000
SQRT_2PI = math.sqrt(2 * math.pi)


def _convention(c):
    if c not in CONVENTIONS:
        raise DomainError(f"convention must be one of {CONVENTIONS} (BRST's D_1 = N(0, I/(2π)) or the standard "
                          f"normal N(0, I)); it has no default, got {c!r}")
    return c


def _real(x, name, *, positive=False):
    if isinstance(x, bool):
        raise DomainError(f"{name} must be a real number, got {x!r}")
    try:
        v = float(x)
    except (TypeError, ValueError):
        raise DomainError(f"{name} must be a real number, got {x!r}") from None
    if not math.isfinite(v) or v < 0 or (positive and v == 0):
        raise DomainError(f"{name} must be {'> 0' if positive else '≥ 0'} and finite, got {x!r}")
    return v


def _dim(n):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise DomainError(f"the dimension n must be an integer ≥ 1, got {n!r}")
    return int(n)


def _count(m, n):
    if isinstance(m, bool) or not isinstance(m, (int, np.integer)) or m < 1:
        raise DomainError(f"the number of samples must be an integer ≥ 1, got {m!r}")
    if m * n > MAX_SAMPLE_ENTRIES:
        raise ResourceLimit(f"{m} samples in dimension {n} need {m * n} floats (more than {MAX_SAMPLE_ENTRIES}); "
                            "draw them in batches with different seeds")
    return int(m)


def to_standard(Y):
    """x = √(2π) y: BRST inputs (y ~ D_1 = N(0, I/(2π))) to standard-normal ones (SPEC §0.3).

    Parameters
    ----------
    Y : array_like
        Inputs in the BRST convention.

    Returns
    -------
    numpy.ndarray
        The float array √(2π)·Y (evidence-grade: double precision).

    Examples
    --------
    >>> Y = np.array([[0.5, -1.0]])
    >>> bool(np.allclose(to_brst(to_standard(Y)), Y))
    True
    """
    return np.asarray(Y, dtype=float) * SQRT_2PI


def to_brst(X):
    """y = x/√(2π): standard-normal inputs to the BRST convention, the inverse of :func:`to_standard`.

    Parameters
    ----------
    X : array_like
        Inputs in the standard convention (x ~ N(0, I)).

    Returns
    -------
    numpy.ndarray
        The float array X/√(2π).
    """
    return np.asarray(X, dtype=float) / SQRT_2PI


def _frequencies(gamma, gamma_std):
    if (gamma is None) == (gamma_std is None):
        raise DomainError("give exactly one of gamma= (BRST units, phase γ⟨y, w⟩ with y ~ D_1) or gamma_std= "
                          "(phase γ_std⟨x, w⟩ with x ~ N(0, I)); γ_std = γ/√(2π)")
    if gamma is not None:
        g = _real(gamma, "gamma", positive=True)
        return g, g / SQRT_2PI
    gs = _real(gamma_std, "gamma_std", positive=True)
    return gs * SQRT_2PI, gs


def _uniform_bits(rng, k: int) -> int:
    """A uniform integer in [0, 2^k) from the generator's bytes."""
    return int.from_bytes(rng.bytes((k + 7) // 8), "little") % (1 << k) if k > 0 else 0


@dataclass(frozen=True)
class DyadicSamples:
    """Exact dyadic samples: y_i = Y[i]/2^bits (int numerators), z_i = z[i]/2^(2 bits) ∈ [0, 1).

    Returned by :meth:`CLWE.sample_exact` and :meth:`CLWENull.sample_exact` for the lattice
    attack (SPEC C8), which needs exact rational inputs.

    Parameters
    ----------
    Y : tuple of tuple of int
        The numerators of the inputs, one row of n ints per sample.
    z : tuple of int
        The numerators of the labels, each in [0, 2^(2 bits)).
    bits : int
        The number of fractional bits of y (z has twice as many).
    """

    Y: tuple
    z: tuple
    bits: int


class _Law:
    def __init__(self, n, beta, gamma=None, gamma_std=None, *, secret=None, seed=None):
        self.n = _dim(n)
        self.beta = _real(beta, "beta")
        self.gamma, self.gamma_std = _frequencies(gamma, gamma_std)
        if secret is not None:
            w = np.asarray(secret, dtype=float).reshape(-1)
            if w.shape != (self.n,) or not np.all(np.isfinite(w)) or not np.linalg.norm(w) > 0:
                raise DomainError(f"secret must be a non-zero finite vector of length n = {self.n}")
            self.secret = w / np.linalg.norm(w)
        else:
            if seed is None:
                raise DomainError("give secret= or a seed= to draw w ~ U(S^{n-1}) (seeded randomness only)")
            g = np.random.default_rng(seed).standard_normal(self.n)
            self.secret = g / np.linalg.norm(g)

    def _inputs(self, rng, m):
        return rng.standard_normal((m, self.n)) / SQRT_2PI           # y ~ D_1

    def __repr__(self):
        return (f"{type(self).__name__}(n={self.n}, beta={self.beta:.6g}, gamma={self.gamma:.6g} "
                f"[gamma_std={self.gamma_std:.6g}])")

    #: the law's symbol in notebooks (BRST's names, SPEC §0.3)
    _symbol = r"\mathrm{CLWE}"

    def _repr_latex_(self) -> str:
        b, g = sci_latex(f"{self.beta:.6g}"), sci_latex(f"{self.gamma:.6g}")
        if isinstance(self, HomogeneousCLWE):
            space, y = r"\mathbb{R}^{%d}" % self.n, r"\text{(Gaussian pancakes; BRST convention)}"
        else:
            space, y = r"\mathbb{R}^{%d} \times [0, 1)" % self.n, r"y \sim D_1 = \mathcal{N}(0, I_{%d}/(2\pi))" % self.n
        return rf"${self._symbol}_{{\beta = {b},\ \gamma = {g}}}\ \text{{on}}\ {space},\quad {y}$"


class CLWE(_Law):
    """CLWE_{β,γ}: (y, z = γ⟨y, w⟩ + e mod 1), y ~ D_1, e ~ N(0, β²/(2π)) (SPEC §0.3, §5.1).

    The secret w is a unit vector, given or drawn from U(S^{n-1}) with ``seed``; see the module
    docstring for the two conventions.  Samples are evidence-grade floats, except
    :meth:`sample_exact` (dyadic rationals).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 1``.
    beta : float
        The noise width β >= 0 (β = 0 is noiseless CLWE, easy by the lattice attack C8).
    gamma, gamma_std : float
        Exactly one, > 0: the frequency in BRST units (γ) or standard units (γ_std = γ/√(2π)).
    secret : array_like, optional
        A non-zero length-n vector (normalised to w); otherwise drawn from ``seed``.
    seed : int, optional
        The seed of the secret; required when ``secret`` is not given.

    Raises
    ------
    DomainError
        If n < 1, β < 0, not exactly one of γ, γ_std is given (or it is not > 0), the secret is
        malformed, or neither ``secret`` nor ``seed`` is given.

    References
    ----------
    Bruna, Regev, Song, Tang, *Continuous LWE*, STOC 2021 (BRST); SPEC §0.3 (conventions), §5.1.

    Examples
    --------
    With β = 0 the label is exactly γ⟨y, w⟩ mod 1:

    >>> law = CLWE(4, beta=0, gamma=2, secret=[1, 0, 0, 0])
    >>> Y, z = law.sample(3, seed=0, convention="brst")
    >>> bool(np.allclose(z, np.mod(2 * Y[:, 0], 1.0)))
    True
    """

    def sample(self, m, *, seed, convention):
        """m samples (inputs, z) of CLWE_{β,γ}, z = γ⟨y, w⟩ + e mod 1.

        Parameters
        ----------
        m : int
            The number of samples, ``m >= 1``.
        seed : int
            The seed of ``numpy.random.default_rng`` (required).
        convention : {"brst", "standard"}
            Return y ~ D_1 (``"brst"``) or x = √(2π) y ~ N(0, I) (``"standard"``); no default.
            The labels z are the same in both.

        Returns
        -------
        tuple of numpy.ndarray
            The inputs, shape (m, n), and the labels z ∈ [0, 1), shape (m,) (evidence-grade floats).

        Raises
        ------
        DomainError
            If m is not a positive integer or the convention is not one of the two.
        ResourceLimit
            If m·n exceeds ``MAX_SAMPLE_ENTRIES`` (checked before allocating).
        """
        convention = _convention(convention)
        m = _count(m, self.n)
        rng = np.random.default_rng(seed)
        Y = self._inputs(rng, m)
        e = rng.standard_normal(m) * (self.beta / SQRT_2PI)
        z = np.mod(self.gamma * (Y @ self.secret) + e, 1.0)
        return (Y if convention == "brst" else to_standard(Y)), z

    def sample_exact(self, m, *, seed, bits: int = 64):
        """m exact dyadic samples (BRST convention) and the numerators of the rounded secret v ≈ γw.

        y has ``bits`` fractional bits, v = round(γ w 2^bits)/2^bits, and z = ⟨y, v⟩ + e mod 1 with
        2·``bits`` fractional bits: exact when β = 0 (the effective frequency is ‖v‖).

        Parameters
        ----------
        m : int
            The number of samples, ``m >= 1``.
        seed : int
            The seed of ``numpy.random.default_rng`` (required).
        bits : int
            Fractional bits of y, in [8, 4096] (default 64).

        Returns
        -------
        tuple
            ``(DyadicSamples, v)`` with v the tuple of n int numerators of the secret (over 2^bits).

        Raises
        ------
        DomainError
            If m is not a positive integer or bits is outside [8, 4096].
        ResourceLimit
            If m·n exceeds ``MAX_SAMPLE_ENTRIES``.

        Examples
        --------
        Noiseless labels are exactly ⟨y, v⟩ mod 1 on the 2^{-2 bits} grid:

        >>> S, v = CLWE(3, beta=0, gamma=2, seed=5).sample_exact(2, seed=1, bits=16)
        >>> all(zi == sum(a * b for a, b in zip(row, v)) % 2**32 for row, zi in zip(S.Y, S.z))
        True
        """
        m = _count(m, self.n)
        if isinstance(bits, bool) or not isinstance(bits, int) or not 8 <= bits <= 4096:
            raise DomainError(f"bits must be an integer in [8, 4096], got {bits!r}")
        rng = np.random.default_rng(seed)
        scale = 1 << bits
        # y_i: the float draw to 40 bits, the remaining bits - 40 fractional bits uniform (a bits-bit dyadic draw)
        Y = [[(int(round(v * (1 << 40))) << (bits - 40)) + _uniform_bits(rng, bits - 40) if bits > 40
              else int(round(v * scale)) for v in row] for row in self._inputs(rng, m)]
        v = [int(round(c * self.gamma * scale)) for c in self.secret]
        out = []
        for row, e in zip(Y, rng.standard_normal(m) * (self.beta / SQRT_2PI)):
            num = sum(a * b for a, b in zip(row, v))                     # ⟨y, v⟩·2^{2 bits}
            if self.beta:
                num += round(Fraction(float(e)) * (scale * scale))         # e to the 2^{-2 bits} grid, exactly
            out.append(num % (scale * scale))
        return DyadicSamples(tuple(tuple(r) for r in Y), tuple(out), bits), tuple(v)


class CLWENull(_Law):
    """The CLWE null: y ~ D_1 and z ~ U[0, 1) independent (same parameters, for a like-for-like test).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 1``.
    beta : float
        β >= 0 (kept so that the null matches a :class:`CLWE`; it does not change the law).
    gamma, gamma_std : float
        Exactly one, > 0 (kept so that the null matches a :class:`CLWE`; it does not change the law).
    secret : array_like, optional
        A non-zero length-n vector; otherwise drawn from ``seed``.
    seed : int, optional
        The seed of the secret; required when ``secret`` is not given.

    Raises
    ------
    DomainError
        As for :class:`CLWE`.
    """

    _symbol = r"\mathrm{CLWE}^{\mathrm{null}}"

    def sample(self, m, *, seed, convention):
        """m null samples (inputs, z): y ~ D_1 and z ~ U[0, 1) independent.

        Parameters
        ----------
        m : int
            The number of samples, ``m >= 1``.
        seed : int
            The seed of ``numpy.random.default_rng`` (required).
        convention : {"brst", "standard"}
            Return y (``"brst"``) or x = √(2π) y (``"standard"``); no default.

        Returns
        -------
        tuple of numpy.ndarray
            The inputs, shape (m, n), and the labels, shape (m,).

        Raises
        ------
        DomainError
            If m is not a positive integer or the convention is not one of the two.
        ResourceLimit
            If m·n exceeds ``MAX_SAMPLE_ENTRIES``.
        """
        convention = _convention(convention)
        m = _count(m, self.n)
        rng = np.random.default_rng(seed)
        Y = self._inputs(rng, m)
        z = rng.random(m)
        return (Y if convention == "brst" else to_standard(Y)), z

    def sample_exact(self, m, *, seed, bits: int = 64):
        """m exact dyadic null samples: y as for :meth:`CLWE.sample_exact`, z uniform on the 2^{-2 bits} grid.

        Parameters
        ----------
        m : int
            The number of samples, ``m >= 1``.
        seed : int
            The seed (required).
        bits : int
            Fractional bits of y, in [8, 4096] (default 64).

        Returns
        -------
        tuple
            ``(DyadicSamples, None)``: there is no secret.

        Raises
        ------
        DomainError
            If m is not a positive integer or bits is outside [8, 4096].
        ResourceLimit
            If m·n exceeds ``MAX_SAMPLE_ENTRIES``.
        """
        samples, _ = CLWE(self.n, 0, gamma=self.gamma, secret=self.secret).sample_exact(m, seed=seed, bits=bits)
        rng = np.random.default_rng([seed, 1])
        z = tuple(_uniform_bits(rng, 2 * bits) for _ in range(m))
        return DyadicSamples(samples.Y, z, bits), None


class HomogeneousCLWE(_Law):
    """Homogeneous CLWE H_{w,β,γ} ("Gaussian pancakes") on R^n, density ∝ ρ(y) Σ_k ρ_β(k - γ⟨y, w⟩).

    D_1 orthogonally to w; along w the mixture Σ_k π_k N(kγ/s, β²/(2πs)) with s = β² + γ² and
    π_k ∝ e^{-πk²/s} (SPEC C2), k drawn from |k| ≤ ⌈6√s⌉ + 1 (omitted mass < 10^{-48}).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 1``.
    beta : float
        The pancake width β >= 0.
    gamma, gamma_std : float
        Exactly one, > 0: the frequency in BRST or standard units.
    secret : array_like, optional
        A non-zero length-n vector (normalised to w); otherwise drawn from ``seed``.
    seed : int, optional
        The seed of the secret; required when ``secret`` is not given.

    Raises
    ------
    DomainError
        As for :class:`CLWE`.

    References
    ----------
    Bruna, Regev, Song, Tang, *Continuous LWE*, STOC 2021 (BRST); SPEC C2.
    """

    _symbol = r"\mathrm{hCLWE}"

    def sample(self, m, *, seed, convention):
        """m samples of the pancakes (no labels).

        Parameters
        ----------
        m : int
            The number of samples, ``m >= 1``.
        seed : int
            The seed of ``numpy.random.default_rng`` (required).
        convention : {"brst", "standard"}
            Return y (``"brst"``) or x = √(2π) y (``"standard"``); no default.

        Returns
        -------
        numpy.ndarray
            Shape (m, n), evidence-grade floats.

        Raises
        ------
        DomainError
            If m is not a positive integer or the convention is not one of the two.
        ResourceLimit
            If m·n exceeds ``MAX_SAMPLE_ENTRIES``.

        Examples
        --------
        With β = 0 every sample lies on a pancake: γ⟨y, w⟩ is an integer.

        >>> Y = HomogeneousCLWE(5, beta=0, gamma=3, seed=2).sample(6, seed=3, convention="brst")
        >>> law = HomogeneousCLWE(5, beta=0, gamma=3, seed=2)
        >>> phase = 3 * (Y @ law.secret)
        >>> bool(np.allclose(phase, np.round(phase)))
        True
        """
        convention = _convention(convention)
        m = _count(m, self.n)
        rng = np.random.default_rng(seed)
        Y = self._inputs(rng, m)
        s = self.beta ** 2 + self.gamma ** 2
        K = int(math.ceil(6 * math.sqrt(s))) + 1
        ks = np.arange(-K, K + 1)
        p = np.exp(-math.pi * ks.astype(float) ** 2 / s)
        k = rng.choice(ks, size=m, p=p / p.sum())
        t = k * self.gamma / s + rng.standard_normal(m) * math.sqrt(self.beta ** 2 / (2 * math.pi * s))
        Y = Y - np.outer(Y @ self.secret, self.secret) + np.outer(t, self.secret)
        return Y if convention == "brst" else to_standard(Y)
