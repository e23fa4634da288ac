"""The certified result type: a real interval that provably contains the true value.

An :class:`Enclosure` is a thin wrapper over a python-flint ``arb`` ball
``[mid ± rad]``.  Like python-flint, it answers "yes" only when it is sure:
:meth:`Enclosure.contains` is True only if the value is certainly inside, and
the comparison helpers are True only when the order is certain.

>>> from flint import arb, ctx
>>> with ctx.workprec(128):                  # flint reads a decimal at the ambient precision
...     e = Enclosure(arb("0.282094791773878143474039725780 +/- 1e-30"), dps=29)
>>> e.contains("0.282094791773878143474039725780")
True
>>> e.contains("0.2820947917738781")        # a float-accurate value is outside
False
>>> float(e)
0.28209479177387814
"""

from __future__ import annotations

import html
import math
import numbers
from fractions import Fraction

import mpmath
import sympy as sp
from flint import arb, ctx, fmpq, fmpz

from ..core.arbeval import enclose_constant
from ..core.markup import BALL, sci_latex
from ..core.numbers import as_expr
from ..errors import DomainError
from ..validate import as_dps
from .precision import bits_for_dps, digits_met, meets, until_met

__all__ = ["Enclosure", "enclose", "exact_fraction", "bits_for_dps"]


def exact_fraction(x) -> Fraction:
    """The exact rational value of an exactly representable number.

    A float is its exact binary value (``Fraction(0.1) != Fraction(1, 10)``); a string is read as the
    decimal or fraction it spells.

    Parameters
    ----------
    x : int, Fraction, str, float, mpmath.mpf, sympy.Rational, flint.fmpz, flint.fmpq or flint.arb
        A decimal string (``"0.25"``, ``"1e-30"``, ``"1/3"``), a finite float or mpf, a sympy
        Rational/Integer, a flint integer or rational, or an exact (zero-radius) finite arb ball.

    Returns
    -------
    fractions.Fraction
        The exact value.

    Raises
    ------
    DomainError
        For anything else: bools, nan and infinities, irrational sympy numbers, wide balls, other types.

    Examples
    --------
    >>> from fractions import Fraction
    >>> exact_fraction("0.25"), exact_fraction("1/3"), exact_fraction(0.5)
    (Fraction(1, 4), Fraction(1, 3), Fraction(1, 2))
    >>> exact_fraction(0.1) == Fraction(3602879701896397, 2**55)      # the double nearest 1/10
    True
    """
    if isinstance(x, bool):
        raise DomainError(f"expected a number, got {x!r}")
    if isinstance(x, Fraction):
        return x
    if isinstance(x, numbers.Integral):
        return Fraction(int(x))
    if isinstance(x, fmpz):
        return Fraction(int(x))
    if isinstance(x, fmpq):
        return Fraction(int(x.p), int(x.q))
    if isinstance(x, str):
        try:
            return Fraction(x.strip())
        except (ValueError, ZeroDivisionError):
            raise DomainError(f"expected a decimal string such as '0.25' or '1e-30', got {x!r}") from None
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise DomainError(f"expected a finite number, got {x!r}")
        return Fraction(x)
    if isinstance(x, mpmath.mpf):
        if not mpmath.isfinite(x):
            raise DomainError(f"expected a finite number, got {x!r}")
        man, exp = x.man_exp            # mpmath's mantissa is unsigned: the sign is separate
        man = -int(man) if x < 0 else int(man)
        return Fraction(man) * Fraction(2) ** int(exp) if exp >= 0 else Fraction(man, 2 ** (-int(exp)))
    if isinstance(x, sp.Rational):
        return Fraction(int(x.p), int(x.q))
    if isinstance(x, arb) and x.is_exact() and x.is_finite():
        man, exp = x.man_exp()
        man, exp = int(man), int(exp)
        return Fraction(man * 2 ** exp) if exp >= 0 else Fraction(man, 2 ** (-exp))
    if isinstance(x, sp.Basic):
        # not printed: printing a huge exact value (a rational with 10⁶ digits at n = 10⁶) is slow or fails,
        # and Enclosure.contains catches this error for every irrational sympy value
        raise DomainError(f"cannot read a non-rational sympy {type(x).__name__} as an exact number")
    try:
        text = repr(x)[:200]
    except ValueError:      # an integer beyond Python's str() digit limit
        text = f"<{type(x).__name__} too large to print>"
    raise DomainError(f"cannot read {text} as an exact number")


def _ball_of(x, prec: int) -> arb:
    """A ball containing ``x`` (exactly, when x is exactly representable)."""
    if isinstance(x, Enclosure):
        return x.ball
    if isinstance(x, arb):
        return x
    try:
        q = exact_fraction(x)
    except DomainError:
        q = None
    if q is not None:
        with ctx.workprec(prec):
            return arb(fmpq(q.numerator, q.denominator))
    if isinstance(x, sp.Basic):
        with ctx.workprec(prec):
            return enclose_constant(x)
    raise DomainError(f"cannot compare an enclosure with {x!r}")


class Enclosure:
    """A certified enclosure ``[mid ± rad]`` of a real number: the certified result kind of hardverify.

    Every ``dps=`` result of the package is an Enclosure whose ball (python-flint's ``arb`` [1]_) provably
    contains the true value and whose label ``dps`` is checked against the ball's width.

    Parameters
    ----------
    ball : flint.arb
        The ball; it must be finite.
    dps : int, optional
        The certified decimal digits.  The label is checked, never trusted: the ball must meet ``dps``
        digits (:func:`~hardverify.numeric.precision.meets`: relative radius ≤ 10^{-dps}, or
        |x| ≤ 10^{-dps}·scale for a value far below its natural size ``scale``), else DomainError.
    scale : number, optional
        The natural size of the quantity for the absolute rule at zeros (default 1).
    bound : bool
        Accept |x| ≤ 10^{-dps}·scale as the certified answer (the quadratures' contract for values far below
        their natural size), whether or not the ball contains 0.

    Raises
    ------
    DomainError
        If ``ball`` is not a finite flint.arb, or it does not meet the ``dps`` digits of its label.

    Notes
    -----
    Comparisons answer like python-flint's: ``==`` is True only when both sides are exact and equal,
    ``!=``, ``<``, ``<=``, ``>``, ``>=`` only when the relation certainly holds.  Arithmetic keeps the
    digits it can prove: a result is labelled with the digits its ball actually meets.

    ``mid``, ``rad``, ``lower`` and ``upper`` are exact mpmath numbers
    (the ball's endpoints are binary floating-point numbers).

    References
    ----------
    .. [1] Johansson, F., "Arb: efficient arbitrary-precision midpoint-radius interval arithmetic",
       *IEEE Transactions on Computers* 66 (2017), 1281–1292.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> e = hv.enclose(sp.pi, 30)
    >>> e.contains(sp.pi), e.contains("3.14159"), e.rel_accuracy_digits() >= 30
    (True, False, True)
    >>> e > 3, e < 3, e == sp.pi                    # True only when certain, as in python-flint
    (True, False, False)
    >>> (e - sp.pi).contains(0) and not (e - sp.pi).is_positive()
    True
    """

    __slots__ = ("ball", "dps")

    def __init__(self, ball, dps: int | None = None, *, scale=1, bound: bool = False):
        if not isinstance(ball, arb):
            raise DomainError(f"Enclosure needs a flint.arb ball, got {type(ball).__name__}")
        if not ball.is_finite():
            raise DomainError(f"an enclosure must be finite, got {ball}")
        if dps is not None:
            dps = as_dps(dps)
            if not meets(ball, dps, scale=scale, bound=bound):
                raise DomainError(f"the ball {ball.str(10, radius=True)} does not have the {dps} certified digits "
                                  f"its label claims (it has {digits_met(ball):.1f})")
        self.ball = ball
        self.dps = dps

    @classmethod
    def labelled(cls, ball: arb, dps: int | None) -> "Enclosure":
        """An enclosure labelled with ``dps`` if the ball meets it, else with the digits it does meet.

        Unlike the constructor it never refuses a ball for its width: arithmetic on enclosures uses it
        so that a result keeps the digits it can prove.

        Parameters
        ----------
        ball : flint.arb
            A finite ball.
        dps : int or None
            The digits asked for.

        Returns
        -------
        Enclosure
            Labelled ``dps``, or the whole digits the ball meets (at least 1), or unlabelled (None).

        Examples
        --------
        >>> from flint import arb
        >>> Enclosure.labelled(arb(1, 1e-5), 30).dps             # only about 5 digits are certain
        4
        """
        if dps is not None and not meets(ball, dps):
            got = digits_met(ball)
            dps = int(got) if 1 <= got < dps else None
        return cls(ball, dps)

    # -- exact endpoints ---------------------------------------------------------------
    @staticmethod
    def _mpf(a: arb):
        man, exp = a.man_exp()
        return mpmath.mpf((int(man), int(exp)))

    @property
    def mid(self):
        """The midpoint (exact mpmath mpf).

        Returns
        -------
        mpmath.mpf
        """
        return self._mpf(self.ball.mid())

    @property
    def rad(self):
        """The radius (exact mpmath mpf, an upper bound on the error of ``mid``).

        Returns
        -------
        mpmath.mpf
        """
        return self._mpf(self.ball.rad())

    @property
    def lower(self):
        """The lower endpoint ``mid - rad`` (exact mpmath mpf).

        Returns
        -------
        mpmath.mpf
        """
        with mpmath.workprec(self._endpoint_prec()):
            return self.mid - self.rad

    @property
    def upper(self):
        """The upper endpoint ``mid + rad`` (exact mpmath mpf).

        Returns
        -------
        mpmath.mpf
        """
        with mpmath.workprec(self._endpoint_prec()):
            return self.mid + self.rad

    def _endpoint_prec(self) -> int:
        # enough bits for mid +- rad to be exact
        mid_bits = int(self.ball.mid().bits()) + 2
        span = 0
        if self.ball.mid() != 0 and self.ball.rad() != 0:
            span = abs(int(self.ball.mid().man_exp()[1]) - int(self.ball.rad().man_exp()[1]))
        return mid_bits + span + 64

    def endpoint_balls(self) -> tuple[arb, arb]:
        """The exact endpoints mid - rad and mid + rad as (exact) balls.

        Returns
        -------
        tuple of flint.arb
            (lower, upper), each of radius 0.
        """
        with ctx.workprec(self._endpoint_prec()):
            return self.ball.lower(), self.ball.upper()

    def _exact_endpoints(self) -> tuple[Fraction, Fraction]:
        m = exact_fraction(self.ball.mid())
        r = exact_fraction(self.ball.rad())
        return m - r, m + r

    # -- certified predicates -------------------------------------------------------------
    def contains(self, x) -> bool:
        """True if ``x`` is certainly inside the enclosure.

        Parameters
        ----------
        x : str, int, Fraction, float, mpmath.mpf, sympy.Expr, flint.arb or Enclosure
            A decimal string, int, Fraction, float (its exact binary value), mpmath mpf, sympy
            number (rational or a closed form such as ``1/sqrt(pi)``, enclosed at a precision
            finer than this ball), flint ball, or another Enclosure (then the whole of it must be inside).

        Returns
        -------
        bool
            True only when certain; False when ``x`` is outside or may be outside.

        Raises
        ------
        DomainError
            If ``x`` cannot be read as a number.

        Examples
        --------
        >>> import sympy as sp
        >>> e = enclose(1 / sp.sqrt(sp.pi), 20)
        >>> e.contains(1 / sp.sqrt(sp.pi)), e.contains(sp.Rational(1, 2))
        (True, False)
        """
        q, other = self._read(x)
        if q is not None:
            lo, hi = self._exact_endpoints()
            return lo <= q <= hi
        return bool(self.ball.contains(other))

    def _read(self, x):
        """(exact Fraction, None) for exactly representable x, else (None, a ball around x)."""
        try:
            return exact_fraction(x), None
        except DomainError:
            return None, _ball_of(x, self._compare_prec())

    def _compare_prec(self) -> int:
        """Bits at which a closed form must be evaluated to be compared with this ball."""
        b = self.ball
        if b.rad() == 0:
            return max(256, int(b.mid().bits()) + 64)
        with ctx.workprec(64):
            log_rad = float(b.rad().log() / arb(2).log())
            log_mag = float((abs(b.mid()) + b.rad()).log() / arb(2).log())
        return max(128, int(log_mag - log_rad) + 96)

    def matches(self, decimal: str) -> bool:
        """True if a *rounded* decimal reference is consistent with the enclosure.

        ``decimal`` is read as correctly rounded to its last printed digit, i.e. as the
        interval ``decimal ± ½·10^{-k}``; the answer is True when that interval meets
        the enclosure.  Use it for printed reference values (``contains`` would reject
        a 30-digit reference against a 40-digit enclosure).

        Parameters
        ----------
        decimal : str
            A printed decimal, e.g. ``"0.2820947918"`` or ``"1.5e-7"``.

        Returns
        -------
        bool
            True when the rounding interval of ``decimal`` meets the enclosure.

        Raises
        ------
        DomainError
            If ``decimal`` is not a decimal string.

        Examples
        --------
        >>> from flint import arb
        >>> Enclosure(arb.pi()).matches("3.14159"), Enclosure(arb.pi()).matches("3.14158")
        (True, False)
        """
        if not isinstance(decimal, str):
            raise DomainError(f"matches() takes a decimal string, got {decimal!r}")
        text = decimal.strip().lower()
        mant, _, exp = text.partition("e")
        frac = mant.split(".")[1] if "." in mant else ""
        k = len(frac) - (int(exp) if exp else 0)
        q = exact_fraction(text)
        half = Fraction(1, 2) * Fraction(10) ** (-k)
        lo, hi = self._exact_endpoints()
        return q + half >= lo and q - half <= hi

    def excludes(self, x) -> bool:
        """True if ``x`` is certainly outside the enclosure (a certified disagreement).

        Not the negation of :meth:`contains`: when a closed form ``x`` overlaps the ball without being
        certainly inside it, both answer False.

        Parameters
        ----------
        x : str, int, Fraction, float, mpmath.mpf, sympy.Expr, flint.arb or Enclosure
            As in :meth:`contains`.

        Returns
        -------
        bool
            True only when certain.

        Raises
        ------
        DomainError
            If ``x`` cannot be read as a number.

        Examples
        --------
        >>> import sympy as sp
        >>> e = enclose(sp.pi, 10)
        >>> e.excludes(sp.Rational(22, 7)), e.excludes(sp.pi)
        (True, False)
        """
        q, other = self._read(x)
        if q is not None:
            lo, hi = self._exact_endpoints()
            return q < lo or q > hi
        return not bool(self.ball.overlaps(other))

    def contains_zero(self) -> bool:
        """True if 0 is inside (the sign is not certified).

        Returns
        -------
        bool
        """
        return bool(self.ball.contains(0))

    def is_exact_zero(self) -> bool:
        """True if the enclosure is the single point 0 (a proved zero).

        Returns
        -------
        bool
        """
        return bool(self.ball.is_zero())

    def is_positive(self) -> bool:
        """True if the value is certainly > 0.

        Returns
        -------
        bool
        """
        return bool(self.ball > 0)

    def is_negative(self) -> bool:
        """True if the value is certainly < 0.

        Returns
        -------
        bool
        """
        return bool(self.ball < 0)

    def rel_accuracy_digits(self) -> float:
        """Certified correct significant decimal digits: -log10(rad / min|x|) (0 when the sign is unknown).

        ``rel_accuracy_digits() >= d`` means the relative error is at most 10^{-d} for every
        value in the ball; certified results with ``dps=d`` satisfy it (except values certified by
        the absolute rule |x| ≤ 10^{-d}·scale, which may contain 0).

        Returns
        -------
        float
            ``inf`` for an exact ball, 0.0 when the ball contains 0.
        """
        b = self.ball
        if b.rad() == 0:
            return float("inf")
        if b.contains(0):
            return 0.0
        with ctx.workprec(64):
            return max(0.0, float(-((b.rad() / b.abs_lower()).log() / arb(10).log())))

    def abs_upper(self) -> arb:
        """An upper bound on ``|value|`` (an exact arb).

        Returns
        -------
        flint.arb
            An exact (radius 0) ball ≥ every |x| in the enclosure.
        """
        return self.ball.abs_upper()

    # -- conversions ------------------------------------------------------------------------
    def __float__(self) -> float:
        """The midpoint as the nearest double; DomainError beyond the double range (never inf)."""
        v = float(self.ball.mid())
        if not math.isfinite(v):
            raise DomainError(f"{self} is outside the range of a double (|x| < 1.8e308); use .ball or str()")
        return v

    def _digits(self) -> int:
        if self.dps is not None:
            return max(5, self.dps)
        return max(5, min(60, int(self.rel_accuracy_digits()) + 1 if self.ball.rad() != 0 else 30))

    def __str__(self) -> str:
        return self.ball.str(self._digits(), radius=True)

    def __format__(self, spec: str) -> str:
        """``f"{e}"`` is ``str(e)``; ``f"{e:.12}"`` prints 12 significant digits of the ball with its radius
        (arb's decimal form: every printed digit is certified, and the radius says how far to trust the last);
        a float spec (``f"{e:.3f}"``, ``e``, ``g``, ``%``) formats the midpoint as a double.

        >>> import sympy as sp
        >>> e = enclose(sp.pi, 30)
        >>> f"{e:.10}", f"{e:.4f}", f"{enclose(1, 5):.3}"
        ('[3.141592654 +/- 4.11e-10]', '3.1416', '1.00')
        """
        if not spec:
            return str(self)
        body = spec[1:].rstrip("r") if spec.startswith(".") else None
        if body is not None and body.isdigit() and int(body) >= 1:
            return self.ball.str(int(body), radius=True)
        try:
            return format(float(self), spec)
        except ValueError:
            raise DomainError(f"unknown format {spec!r} for an enclosure: use '.N' (N certified digits with the "
                              "radius) or a float format such as '.6f', '.3e', '.4g' (the midpoint)") from None

    def _work_prec(self) -> int:
        return bits_for_dps(self.dps or 30) + 32

    # -- arithmetic (results are enclosures again) -------------------------------------
    def _binary(self, other, op):
        dps = max(self.dps or 0, getattr(other, "dps", None) or 0) or None
        prec = max(bits_for_dps(dps or 30), self._ball_bits(), _ball_bits(getattr(other, "ball", None))) + 64
        with ctx.workprec(prec):
            b = _ball_of(other, prec)
            return Enclosure.labelled(op(self.ball, b), dps)

    def _ball_bits(self) -> int:
        return _ball_bits(self.ball)

    def __add__(self, other):
        return self._binary(other, lambda a, b: a + b)

    __radd__ = __add__

    def __sub__(self, other):
        return self._binary(other, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._binary(other, lambda a, b: b - a)

    def __mul__(self, other):
        return self._binary(other, lambda a, b: a * b)

    __rmul__ = __mul__

    def __truediv__(self, other):
        def div(a, b):
            if b.contains(0):
                raise DomainError(f"division by a quantity that may be 0: {b}")
            return a / b
        return self._binary(other, div)

    def __rtruediv__(self, other):
        if self.contains_zero():
            raise DomainError(f"division by an enclosure that contains 0: {self}")
        return self._binary(other, lambda a, b: b / a)

    def __neg__(self):
        with ctx.workprec(self._ball_bits() + 64):      # flint rounds -x and |x| to the ambient precision
            return Enclosure(-self.ball, self.dps)

    def __pos__(self):
        return self

    def __abs__(self):
        with ctx.workprec(self._ball_bits() + 64):
            return Enclosure(abs(self.ball), self.dps)

    # -- comparisons: True only when certain (python-flint's semantics) ------------------------
    def _other_ball(self, other) -> arb:
        return _ball_of(other, max(self._compare_prec(), 128))

    def __eq__(self, other):
        """True only if both sides are exact and equal (``enclose(1, 10) == 1``; a wide ball is never ==)."""
        try:
            b = self._other_ball(other)
        except DomainError:
            return NotImplemented
        return bool(self.ball == b)

    def __ne__(self, other):
        """True only if the two values certainly differ (the balls are disjoint)."""
        try:
            b = self._other_ball(other)
        except DomainError:
            return NotImplemented
        return bool(self.ball != b)

    def __lt__(self, other):
        return bool(self.ball < self._other_ball(other))

    def __le__(self, other):
        return bool(self.ball <= self._other_ball(other))

    def __gt__(self, other):
        return bool(self.ball > self._other_ball(other))

    def __ge__(self, other):
        return bool(self.ball >= self._other_ball(other))

    __hash__ = None

    # -- display: a short repr, and rich output in notebooks ------------------------------------
    def _shown(self, digits: int) -> tuple:
        """(midpoint, radius or None) as arb prints the ball at ``digits`` digits: the printed radius covers
        the rounding of the printed midpoint, so every display is itself a true enclosure."""
        text = self.ball.str(digits, radius=True)
        m = BALL.fullmatch(text)
        return (text, None) if m is None else (m.group(1) or "0", m.group(2))

    def _label(self) -> str:
        if self.ball.rad() == 0:
            return "exact ball"
        return f"dps={self.dps}" if self.dps is not None else f"{self.rel_accuracy_digits():.1f} digits"

    def __repr__(self) -> str:
        mid, rad = self._shown(min(self._digits(), 20))
        return f"Enclosure({mid}{'' if rad is None else ' ± ' + rad}, {self._label()})"

    def _repr_latex_(self) -> str:
        mid, rad = self._shown(min(self._digits(), 60))
        return f"${sci_latex(mid)}" + ("" if rad is None else rf" \pm {sci_latex(rad)}") + "$"

    def _repr_html_(self) -> str:
        def num(x):
            m, _, e = x.partition("e")
            return html.escape(m) + (f"·10<sup>{int(e)}</sup>" if e else "")
        mid, rad = self._shown(min(self._digits(), 60))
        body = num(mid) + ("" if rad is None else " ± " + num(rad))
        label = self._label().replace("dps=", "") + (" certified digits" if self.dps is not None else "")
        return (f"<span class='hardverify-enclosure'>{body} "
                f"<small>({html.escape(label)})</small></span>")


def _ball_bits(b) -> int:
    """Bits needed to hold the midpoint of a ball exactly (0 for None)."""
    if b is None:
        return 0
    return int(b.mid().bits())


def _finite(value):
    def compute():
        b = enclose_constant(value)
        if not b.is_finite():
            raise DomainError(f"{str(value)[:80]} is not a finite real number")
        return b
    return compute


def enclose(value, dps: int) -> Enclosure:
    """Evaluate an exact constant (sympy expression, Rational, int) to a certified enclosure.

    The working precision is raised until ``dps`` significant digits are certain
    (:func:`~hardverify.numeric.precision.until_met`); a value that sympy cannot see is zero is returned
    once |value| ≤ 10^{-dps}.  The expression is evaluated in ball arithmetic
    (:func:`hardverify.core.arbeval.enclose_constant`), never through floats.

    Parameters
    ----------
    value : sympy.Expr, int, Fraction, float or str
        An exact real constant without free symbols (a string is parsed safely; a float is read as the
        decimal it prints).
    dps : int
        Certified decimal digits, 1..5000.

    Returns
    -------
    Enclosure
        A ball with at least ``dps`` correct digits (or of absolute radius ≤ 10^{-dps} at a zero).

    Raises
    ------
    DomainError
        If ``value`` is not an exact finite real constant (free symbols, complex, infinite) or
        ``dps`` is not a positive integer.
    ResourceLimit
        If ``dps > 5000``.
    NotCertified
        If the digits are not reached within the precision attempts.

    Examples
    --------

    >>> import sympy as sp
    >>> e = enclose(1 / (2 * sp.sqrt(sp.pi)), 30)                  # c_2(ReLU), SPEC V1
    >>> e.matches("0.282094791773878143474039725780"), e.rel_accuracy_digits() >= 30
    (True, True)
    >>> enclose(1, 10) == 1, enclose(sp.pi, 10) == sp.pi          # == only when exact, as in python-flint
    (True, False)
    """
    dps = as_dps(dps)
    value = as_expr(value, "value")
    try:
        b = until_met(_finite(value), dps, attempts=12, what="the exact constant")
    except DomainError:
        if value.is_extended_real is False:           # asked only on failure: assumptions can be slow
            raise DomainError(f"complex value {str(value)[:80]}: only real numbers can be enclosed") from None
        raise
    return Enclosure(b, dps)
