"""The one shape of a paper module: a :class:`Construction` and the :class:`CorrelationProfile` it exposes.

A paper module (``constructions/<authors><year>``) implements :class:`Construction`: its members (networks
or other functions), the size of its family at dimension n, its norms, and its **correlation profile** —
how the pairwise correlations ⟨f_i, f_j⟩_D (or the χ-correlations χ_{D_0}(D_i, D_j) of a family of
distributions) depend on an invariant of the pair, with the exact number of pairs at each value of the
invariant.  The SQ engine (:mod:`hardverify.sq`) consumes profiles only; it never enumerates a family
that symmetry lets it count.

A profile is a list of :class:`Orbit` objects: the ordered pairs (i, j), i ≠ j, are partitioned into
orbits, each with its count (a Python int at any size) and either the correlation shared by the whole
orbit (exact sympy number or certified :class:`~hardverify.numeric.enclosure.Enclosure`) or only a bound
on its absolute value.  The diagonal ⟨f_i, f_i⟩ is one value (all members have the same norm) or a
range.  ``evidence`` carries the verdicts the profile rests on (an orthogonality certificate, a norm);
a profile is never built from a hypothesis that failed.

>>> import sympy as sp
>>> p = CorrelationProfile(construction="toy", n=3, size=3, law="Gaussian(3)", invariant="|S ∩ T|",
...                        diagonal=sp.Integer(1), orbits=(Orbit(0, 6, correlation=sp.Integer(0)),))
>>> p.off_diagonal_pairs, p.is_exactly_orthogonal()
(6, True)
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..core.markup import clip, escape_markdown, escape_math, latex_of
from ..errors import DomainError
from ..verdict import Verdict

__all__ = ["Construction", "CorrelationProfile", "Orbit", "KINDS", "Display"]

#: what a profile's correlations are: inner products ⟨f_i, f_j⟩_D, or χ-correlations of distributions.
KINDS = ("inner product", "chi")


@dataclass(frozen=True)
class Display:
    """What a construction (or a GD model) shows in a notebook, written once and rendered two ways.

    Attributes
    ----------
    name : str
        Plain text (``"GGJKK family"``).
    params : tuple of (str, object)
        (name, value) pairs; names are plain text (``"σ"``), values exact numbers or plain text.
    formula : str
        The defining formula as LaTeX math, built by the code from exact values (LaTeX only).
    text : str
        The same formula as plain Unicode text (Markdown only).
    facts : tuple of str
        Plain-text sentences (sizes, widths), Markdown only.

    Every piece of plain text is escaped where it is rendered: :meth:`markdown` escapes Markdown,
    :meth:`latex` typesets names and text values with :func:`~hardverify.core.markup.escape_math`.

    >>> d = Display("toy_family", (("k", 2), ("σ", "my_act")), r"f(x) = x^{2}", "f(x) = x²", ("2 members",))
    >>> print(d.markdown())
    **toy\\_family** (k = 2, σ = my\\_act): f(x) = x²
    <BLANKLINE>
    * 2 members
    >>> print(d.latex())
    $\\mathbf{toy\\_family}\\ (k = 2,\\ {\\sigma} = \\mathrm{my\\_act})\\colon\\ f(x) = x^{2}$
    """

    name: str
    params: tuple = ()
    formula: str = ""
    text: str = ""
    facts: tuple = ()

    def markdown(self) -> str:
        """``**name** (k = 4, σ = relu): text``, then the facts as a list (every piece escaped)."""
        head = f"**{escape_markdown(self.name)}**"
        if self.params:
            head += " (" + ", ".join(f"{escape_markdown(k)} = {escape_markdown(clip(v, 80))}"
                                     for k, v in self.params) + ")"
        if self.text:
            head += ": " + escape_markdown(self.text)
        return "\n".join([head] + ([""] + [f"* {escape_markdown(f)}" for f in self.facts] if self.facts else []))

    def latex(self) -> str:
        """``$\\mathbf{name}\\ (k = 4,\\ \\sigma = \\mathrm{relu})\\colon\\ formula$`` (math mode, MathJax-safe)."""
        name = lambda k: rf"\mathrm{{{escape_math(k)}}}" if k.isalpha() and len(k) > 1 else escape_math(k)
        params = r",\ ".join(f"{name(k)} = {latex_of(clip(v, 80) if isinstance(v, str) else v)}"
                              for k, v in self.params)
        out = rf"\mathbf{{{escape_math(self.name)}}}" + (rf"\ ({params})" if params else "")
        return f"${out}" + (rf"\colon\ {self.formula}" if self.formula else "") + "$"


@dataclass(frozen=True)
class Orbit:
    """A set of ordered pairs (i, j), i ≠ j, that share one value of the invariant.

    Parameters
    ----------
    invariant : object
        The value of the invariant on this orbit (``j = |S ∩ T|``, ``ρ = ⟨w, w'⟩``, a label).
    pairs : int
        How many ordered pairs the orbit holds (exact).
    correlation : sympy number, Enclosure or None
        The common correlation of the orbit, when it is known exactly or certified.
    bound : sympy number, Enclosure or None
        An upper bound on |correlation| over the orbit, when only a bound is known.

    Raises
    ------
    DomainError
        If ``pairs`` is not a non-negative Python int, or neither ``correlation`` nor ``bound`` is given.

    Examples
    --------
    >>> import sympy as sp
    >>> Orbit(1, 12, bound=sp.Rational(1, 4)).correlation is None
    True
    """

    invariant: Any
    pairs: int
    correlation: Any = None
    bound: Any = None

    def __post_init__(self):
        if isinstance(self.pairs, bool) or not isinstance(self.pairs, int) or self.pairs < 0:
            raise DomainError(f"an orbit's pair count must be a non-negative Python int, got {self.pairs!r}")
        if self.correlation is None and self.bound is None:
            raise DomainError("an orbit needs its correlation or a bound on its absolute value")


@dataclass(frozen=True)
class CorrelationProfile:
    """How the pairwise correlations of a family depend on an invariant (see the module docstring).

    Parameters
    ----------
    construction : str
        Who built it (``"GGJKK(k=4, relu)"``).
    n : int
        The dimension.
    size : int
        N, the number of members (exact, any size).
    law : str
        The distribution D (or the reference D_0 of χ-correlations), as text.
    invariant : str
        What the orbits are indexed by, in words.
    diagonal : object
        ⟨f_i, f_i⟩ shared by every member (exact or Enclosure), or a pair (lo, hi) bounding it.
    orbits : tuple of Orbit
        A partition of the N(N - 1) ordered off-diagonal pairs.
    kind : str
        ``"inner product"`` or ``"chi"``.
    evidence : tuple of Verdict
        The verdicts the profile rests on.

    Raises
    ------
    DomainError
        If ``size`` is not a positive Python int, ``kind`` is not in ``KINDS``, the orbits' pair counts
        do not add up to N(N - 1), or an evidence entry is not a PROVED or CERTIFIED Verdict.

    Examples
    --------
    Three members, all six ordered pairs in one exactly orthogonal orbit:

    >>> import sympy as sp
    >>> p = CorrelationProfile(construction="toy", n=3, size=3, law="Gaussian(3)", invariant="|S ∩ T|",
    ...                        diagonal=sp.Integer(1), orbits=(Orbit(0, 6, correlation=sp.Integer(0)),))
    >>> p.equal_norms, p.off_diagonal_pairs == 3 * 2
    (True, True)
    """

    construction: str
    n: int
    size: int
    law: str
    invariant: str
    diagonal: Any
    orbits: tuple
    kind: str = "inner product"
    evidence: tuple = field(default_factory=tuple)

    def __post_init__(self):
        if isinstance(self.size, bool) or not isinstance(self.size, int) or self.size < 1:
            raise DomainError(f"a family size must be a positive Python int, got {self.size!r}")
        if self.kind not in KINDS:
            raise DomainError(f"kind must be one of {KINDS}, got {self.kind!r}")
        total = sum(o.pairs for o in self.orbits)
        if total != self.size * (self.size - 1):
            raise DomainError(f"the orbits hold {total} ordered pairs; a family of {self.size} members has "
                              f"{self.size * (self.size - 1)} (the orbits must partition the off-diagonal pairs)")
        for v in self.evidence:
            if not isinstance(v, Verdict) or not v:
                raise DomainError(f"a profile rests only on PROVED or CERTIFIED verdicts, got {v!r}")

    def __repr__(self) -> str:
        return (f"<CorrelationProfile {clip(self.construction, 40)} under {clip(self.law, 30)}, n = {self.n}: "
                f"{clip(self.size, 24)} members, {len(self.orbits)} orbits>")

    def _repr_markdown_(self) -> str:
        e = lambda x: escape_markdown(clip("" if x is None else x, 120))
        lines = [f"**Correlation profile** of {e(self.construction)} under {e(self.law)} at n = {self.n}: "
                 f"{e(self.size)} members ({e(self.kind)}s indexed by {e(self.invariant)}); "
                 f"diagonal {e(self.diagonal)}",
                 "", "| invariant | ordered pairs | correlation | bound |", "|---|---|---|---|"]
        for o in self.orbits[:20]:
            lines.append(f"| {e(o.invariant)} | {e(o.pairs)} | {e(o.correlation)} | {e(o.bound)} |")
        if len(self.orbits) > 20:
            lines.append(f"| … {len(self.orbits) - 20} more orbits | | | |")
        return "\n".join(lines)

    @property
    def off_diagonal_pairs(self) -> int:
        """The number N(N - 1) of ordered off-diagonal pairs.

        Returns
        -------
        int
            Exact.
        """
        return self.size * (self.size - 1)

    @property
    def equal_norms(self) -> bool:
        """Whether every member has the same ⟨f, f⟩ (the diagonal is one value, not a range).

        Returns
        -------
        bool
        """
        return not isinstance(self.diagonal, tuple)

    def is_exactly_orthogonal(self) -> bool:
        """Whether every off-diagonal correlation is an exact 0.

        Returns
        -------
        bool
            True only if every orbit carries an exact (non-Enclosure) correlation equal to 0; an
            orbit with only a bound, or a certified ball around 0, gives False.
        """
        return all(o.correlation is not None and not hasattr(o.correlation, "ball") and o.correlation == 0
                   for o in self.orbits)


class Construction(abc.ABC):
    """A paper's construction: a family of functions (or distributions) indexed at every dimension n.

    Subclasses set the class attributes and implement the abstract methods; everything that returns a
    :class:`~hardverify.verdict.Verdict` about a construction lives in :mod:`hardverify.checks`.
    """

    #: short name used by the CLI and in tables (``"goel2020"``)
    key: ClassVar[str] = ""
    #: the paper, as a citation
    paper: ClassVar[str] = ""
    #: the SPEC claim IDs this construction serves
    claims: ClassVar[tuple] = ()

    @abc.abstractmethod
    def family_size(self, n: int) -> int:
        """N(n), the number of members at dimension n.

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        int
            Exact (a Python int at any size).
        """

    @abc.abstractmethod
    def member(self, index, n: int):
        """The member with this index at dimension n.

        Parameters
        ----------
        index : object
            The construction's index (a subset S, a vector, a pair of indices, ...).
        n : int
            The dimension.

        Returns
        -------
        Network or object
            A :class:`~hardverify.networks.Network`, or the construction's function/distribution object.
        """

    @abc.abstractmethod
    def correlation_profile(self, n: int, dist=None, *, dps: int | None = None) -> CorrelationProfile:
        """The pairwise correlations under ``dist`` as a :class:`CorrelationProfile` (counted, not enumerated).

        Parameters
        ----------
        n : int
            The dimension.
        dist : Distribution, optional
            The law; each construction has a default (usually the standard Gaussian on R^n).
        dps : int, optional
            Decimal digits of certified correlations; None for exact ones where available.

        Returns
        -------
        CorrelationProfile
        """

    @abc.abstractmethod
    def norm2(self, *, dps: int | None = None, algorithm: str = "auto", dist=None):
        """E_D[f²] shared by the members (exact, or certified with ``dps``).

        Parameters
        ----------
        dps : int, optional
            Decimal digits of a certified result; None for the exact value.
        algorithm : str
            The route (``"auto"`` or a construction-specific choice).
        dist : Distribution, optional
            The law; the construction's default when None.

        Returns
        -------
        sympy.Expr or Enclosure
            Exact when ``dps`` is None, else a certified ball.
        """

    # -- display in notebooks: a construction describes itself once (a Display), rendered two ways --------
    def _display(self) -> Display:
        return Display(type(self).__name__, facts=(self.paper,) if self.paper else ())

    def _repr_markdown_(self) -> str:
        return self._display().markdown()

    def _repr_latex_(self) -> str:
        return self._display().latex()
