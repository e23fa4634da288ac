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
    """x = √(2π) y: BRST inputs (y ~ D_1) to standard-normal ones (float arrays)."""
    return np.asarray(Y, dtype=float) * SQRT_2PI


def to_brst(X):
    """y = x/√(2π): the inverse of :func:`to_standard`."""
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
    """Exact dyadic samples: y_i = Y[i]/2^bits (ints), z_i = z[i]/2^(2 bits) ∈ [0, 1)."""

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
    """CLWE_{β,γ}: (y, z = γ⟨y, w⟩ + e mod 1), y ~ D_1, e ~ N(0, β²/(2π)) (see the module docstring).

    Parameters
    ----------
    n : int ≥ 1
    beta : float ≥ 0 (β = 0 is noiseless CLWE, easy by the lattice attack C8)
    gamma, gamma_std : exactly one, > 0
    secret : array, optional (normalised); else drawn from ``seed``
    seed : int
    """

    def sample(self, m, *, seed, convention):
        """(inputs, z): inputs y (``"brst"``) or x = √(2π) y (``"standard"``), shape (m, n); z in [0, 1)."""
        convention = _convention(convention)
        m = _count(m, self.n)
        rng = np.random.default_rng(seed)
        Y = self._inputs(rng, m)
        e = rng.standard_normal(m) * (self.beta / SQRT_2PI)
        z = np.mod(self.gamma * (Y @ self.secret) + e, 1.0)
        return (Y if convention == "brst" else to_standard(Y)), z

    def sample_exact(self, m, *, seed, bits: int = 64):
        """Dyadic samples (see the module docstring) and the exact secret numerators v (BRST convention)."""
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
    """The CLWE null: y ~ D_1 and z ~ U[0, 1) independent (same parameters, for a like-for-like test)."""

    _symbol = r"\mathrm{CLWE}^{\mathrm{null}}"

    def sample(self, m, *, seed, convention):
        convention = _convention(convention)
        m = _count(m, self.n)
        rng = np.random.default_rng(seed)
        Y = self._inputs(rng, m)
        z = rng.random(m)
        return (Y if convention == "brst" else to_standard(Y)), z

    def sample_exact(self, m, *, seed, bits: int = 64):
        """Dyadic null samples: y as for :meth:`CLWE.sample_exact`, z uniform on the 2^{-2 bits} grid."""
        samples, _ = CLWE(self.n, 0, gamma=self.gamma, secret=self.secret).sample_exact(m, seed=seed, bits=bits)
        rng = np.random.default_rng([seed, 1])
        z = tuple(_uniform_bits(rng, 2 * bits) for _ in range(m))
        return DyadicSamples(samples.Y, z, bits), None


class HomogeneousCLWE(_Law):
    """Homogeneous CLWE H_{w,β,γ} (Gaussian pancakes) on R^n: samples y (or x = √(2π) y), shape (m, n)."""

    _symbol = r"\mathrm{hCLWE}"

    def sample(self, m, *, seed, convention):
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
