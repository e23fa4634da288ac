"""LaTeX writer: the claims of a run as a ``booktabs`` long table for a paper's appendix.

:func:`to_latex` gives a fragment to ``\\input`` (it needs ``\\usepackage{booktabs,longtable}``;
:func:`to_latex_document` wraps it in a compilable document).  Text is escaped (:func:`escape_text`:
``\\ { } $ & # ^ _ % ~`` and the Unicode symbols used in claim titles, mapped to LaTeX commands so
``pdflatex`` needs nothing beyond the standard fonts); in evidence, exact values are typeset by
sympy (:func:`exact_latex`) and certified enclosures ``[m +/- r]`` as digits with their radius,
``m \\pm r`` (:func:`ball_latex`).

>>> escape_text("E[f_S²] ≥ 4^k & 100%")
'E[f\\\\_S\\\\ensuremath{^{2}}] \\\\ensuremath{\\\\geq} 4\\\\^{}k \\\\& 100\\\\%'
>>> ball_latex("[0.30449889052 +/- 3.1e-12]")
'$0.30449889052 \\\\pm 3.1 \\\\cdot 10^{-12}$'
>>> exact_latex("-sqrt(3)/(12*sqrt(pi))")
'$- \\\\frac{\\\\sqrt{3}}{12 \\\\sqrt{\\\\pi}}$'
"""

from __future__ import annotations

import re

import sympy as sp

from ..core.markup import BALL, ball_latex, braces_balanced, escape_text
from ..errors import HardverifyError
from .model import Report, shorten

__all__ = ["to_latex", "to_latex_document", "escape_text", "ball_latex", "exact_latex", "evidence_latex",
           "braces_balanced"]

_SEPARATORS = re.compile(r"(\s(?:==|≈|∈|∉|≠|=|<|≤|>|≥)\s|;\s|,\s|:\s|\bnot\s|\bboth sides are\s|\sexactly\b|\sis\s)")


def exact_latex(text: str) -> str:
    """An exact value in sympy syntax, read by hardverify's safe parser and typeset by ``sympy.latex``.

    Parameters
    ----------
    text : str
        A constant expression such as ``"2 - 4/pi"``.

    Returns
    -------
    str
        Inline LaTeX mathematics.

    Raises
    ------
    HardverifyError
        The text is not a constant expression the safe parser reads (it never evaluates code).
    """
    import hardverify  # the safe parser (hv.parse_expression): no eval
    return f"${sp.latex(hardverify.parse_expression(text))}$"


def _segment(seg: str) -> str:
    s = seg.strip()
    if not s:
        return escape_text(seg)
    lead = seg[: len(seg) - len(seg.lstrip())]
    if BALL.fullmatch(s):
        return lead + ball_latex(s)
    if re.fullmatch(r"[-+*/().0-9a-z ]+", s) and re.search(r"[0-9]", s) and len(s) <= 200:
        try:
            return lead + exact_latex(s)
        except HardverifyError:
            pass
    return escape_text(seg)


def evidence_latex(text: str, width: int = 160) -> str:
    """An evidence text: enclosures and exact values typeset as mathematics, the rest escaped.

    The text is split at relations (``==``, ``≈``, ``∈``, ``<`` ...) and punctuation; a piece that
    is a ball or reads as a constant expression is typeset, anything else is escaped text.

    Parameters
    ----------
    text : str
        A verdict's evidence.
    width : int
        Characters kept before the text is cut with an ellipsis.

    Returns
    -------
    str
        LaTeX.

    Examples
    --------
    >>> evidence_latex("c_2 = 1/4 ∈ [0.25 +/- 1e-30]")
    'c\\\\_2 = $\\\\frac{1}{4}$ \\\\ensuremath{\\\\in} $0.25 \\\\pm 1 \\\\cdot 10^{-30}$'
    """
    parts = _SEPARATORS.split(shorten(text, width))
    out = []
    for i, p in enumerate(parts):
        out.append(escape_text(p) if i % 2 else _segment(p))
    return "".join(out)


_STATUS = {"PROVED": r"\textsc{proved}", "CERTIFIED": r"\textsc{certified}", "UNDECIDED": r"\textbf{undecided}",
           "REFUTED": r"\textbf{refuted}"}


def to_latex(report: Report, *, caption: str = "Claims checked by hardverify", label: str = "tab:hardverify") -> str:
    """The claims as a ``longtable`` with ``booktabs`` rules, a fragment for ``\\input``.

    Parameters
    ----------
    report : Report
        The run.
    caption : str
        The table's caption (the summary line is appended).
    label : str
        The table's ``\\label``.

    Returns
    -------
    str
        LaTeX that needs ``\\usepackage{booktabs,longtable,array}``.

    Examples
    --------
    >>> from hardverify.proofs import claim, run
    >>> from hardverify.verdict import Status, Verdict
    >>> @claim("X1", "n = n", sweep={"n": [2, 3]}, seeds={"none": 0})
    ... def same(n):
    ...     return Verdict(Status.PROVED, method="exact", evidence=f"{n} == {n}")
    >>> results = run([same.claim], jobs=1)
    >>> from hardverify.report import Report
    >>> tex = to_latex(Report.from_results(results))
    >>> r"\\begin{longtable}" in tex and braces_balanced(tex)
    True
    """
    s = report.summary
    rows = []
    for r in report.claims:
        status = _STATUS[r.status.value] + (r" (control)" if r.control and r.passed else
                                            r" (control \textbf{not refuted})" if r.control else "")
        rows.append(" & ".join([
            escape_text(r.id), escape_text(shorten(r.title, 160)), escape_text(r.sweep.parameters_text(50)),
            escape_text(r.cases_text), status, evidence_latex(r.evidence)]) + r" \\")
    head = r"ID & Claim & Parameters & Cases & Status & Evidence (representative case) \\"
    summary = escape_text(report.summary_line()) + "; hardverify " + escape_text(
        report.environment.get("hardverify", "?")) + r"."
    return "\n".join([
        "% generated by hardverify; needs \\usepackage{booktabs,longtable,array}",
        r"\begingroup\small",
        r"\begin{longtable}{@{}l>{\raggedright}p{0.25\linewidth}>{\raggedright}p{0.14\linewidth}r"
        r">{\raggedright}p{0.1\linewidth}>{\raggedright\arraybackslash}p{0.26\linewidth}@{}}",
        r"\caption{" + escape_text(caption) + r". " + summary + r"}\label{" + escape_text(label) + r"}\\",
        r"\toprule", head, r"\midrule", r"\endfirsthead",
        r"\toprule", head, r"\midrule", r"\endhead",
        r"\bottomrule", r"\endfoot",
        *rows,
        r"\end{longtable}",
        r"\endgroup",
        f"% {s['claims']} claims, {s['controls']} controls, {s['cases']} cases",
        "",
    ])


def to_latex_document(report: Report, **kw) -> str:
    """:func:`to_latex` inside a minimal ``article`` (1.5 cm margins) that ``pdflatex`` compiles.

    Parameters
    ----------
    report : Report
        The run.
    **kw
        ``caption=`` and ``label=``, passed to :func:`to_latex`.

    Returns
    -------
    str
        A complete LaTeX document.
    """
    return "\n".join([
        r"\documentclass[10pt]{article}",
        r"\usepackage[T1]{fontenc}",
        r"\usepackage[margin=1.5cm]{geometry}",
        r"\usepackage{booktabs,longtable,array,amsmath,amssymb}",
        r"\begin{document}",
        to_latex(report, **kw),
        r"\end{document}",
        "",
    ])
