"""Escaping and typesetting of text for display: LaTeX (text and math mode), HTML tables, enclosures.

One place for the markup rules that the report writers (:mod:`hardverify.report.latex`) and the notebook
displays of the objects users hold (``_repr_latex_``, ``_repr_html_`` of enclosures, networks,
distributions, constructions) share, so a label is escaped the same way everywhere:

* :func:`escape_text` — plain text as LaTeX *text mode* (a report table cell): specials escaped, Unicode math
  symbols as ``\\ensuremath{...}``;
* :func:`escape_math` — plain text as LaTeX *math mode* (inside ``$...$``, the form notebooks typeset with
  MathJax): specials escaped with commands that work in math mode, spaces kept;
* :func:`escape_markdown` — plain text on one line with the Markdown-active characters escaped;
* :func:`latex_of` — an exact number or sympy expression as LaTeX (``sympy.latex``);
* :func:`ball_latex`, :func:`sci_latex` — an arb ball ``[mid +/- rad]`` as ``mid \\pm rad``, ``1e-5`` as
  ``10^{-5}``;
* :func:`html_table` — rows of cells as a small HTML table, every cell escaped (:func:`html.escape`), a
  :class:`Styled` cell with a style chosen by the code;
* :func:`braces_balanced`, :func:`clip`.

A character with no mapping is written as ``\\texttt{U+XXXX}``, so nothing is lost silently.

>>> escape_text("E[f_S²] ≥ 4^k & 100%")
'E[f\\\\_S\\\\ensuremath{^{2}}] \\\\ensuremath{\\\\geq} 4\\\\^{}k \\\\& 100\\\\%'
>>> escape_math("my_act 50%")
'my\\\\_act\\\\ 50\\\\%'
>>> braces_balanced(r"\\mathrm{" + escape_math("{a} & b_c") + "}")
True
>>> html_table([("x", "<b>")], header=("name", "value"))
'<table><thead><tr><th>name</th><th>value</th></tr></thead><tbody><tr><td>x</td><td>&lt;b&gt;</td></tr></tbody></table>'
"""

from __future__ import annotations

import html
import re

import sympy as sp

from ..errors import HardverifyError

__all__ = ["escape_text", "escape_math", "escape_markdown", "latex_of", "ball_latex", "sci_latex", "braces_balanced",
           "html_table", "clip", "Styled", "BALL"]

_ASCII = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
          "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}", "<": r"\textless{}",
          ">": r"\textgreater{}", "|": r"\textbar{}"}
# the same characters in math mode (commands that LaTeX and MathJax both know)
_ASCII_MATH = {"\\": r"\backslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
               "^": r"\hat{}", "_": r"\_", "%": r"\%", "~": r"\sim{}", "|": r"\vert{}", " ": r"\ "}
_MATH = {"α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon", "ζ": r"\zeta",
         "η": r"\eta", "θ": r"\theta", "λ": r"\lambda", "μ": r"\mu", "ν": r"\nu", "ξ": r"\xi", "π": r"\pi",
         "ρ": r"\rho", "σ": r"\sigma", "τ": r"\tau", "φ": r"\varphi", "χ": r"\chi", "ψ": r"\psi",
         "ω": r"\omega", "Γ": r"\Gamma", "Δ": r"\Delta", "Σ": r"\Sigma", "Π": r"\Pi", "Φ": r"\Phi",
         "Ω": r"\Omega", "ℓ": r"\ell", "≤": r"\leq", "≥": r"\geq", "≠": r"\neq", "≈": r"\approx",
         "≡": r"\equiv", "∈": r"\in", "∉": r"\notin", "∩": r"\cap", "∪": r"\cup", "⊆": r"\subseteq",
         "→": r"\to", "↦": r"\mapsto", "⇒": r"\Rightarrow", "⇔": r"\Leftrightarrow", "∞": r"\infty",
         "√": r"\surd", "±": r"\pm", "·": r"\cdot", "×": r"\times", "∘": r"\circ", "‖": r"\|",
         "⟨": r"\langle", "⟩": r"\rangle", "∑": r"\sum", "∏": r"\prod", "∂": r"\partial", "∇": r"\nabla",
         "−": "-", "⁻": "^{-}", "°": r"^\circ", "κ": r"\kappa", "∝": r"\propto", "≢": r"\not\equiv",
         "⊂": r"\subset", "¼": r"\tfrac14", "′": r"^{\prime}", "∫": r"\int", "⌊": r"\lfloor", "⌋": r"\rfloor",
         "ᵀ": "^{T}", "ᵢ": "_{i}", "½": r"\tfrac12"}
_SUP = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
_TEXT = {"…": r"\dots{}", "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "é": r"\'e",
         "ö": r"\"o", "ü": r"\"u", "Á": r"\'A", " ": "~", "§": r"\S{}"}
_TEXT_MATH = {"…": r"\dots{}", "–": "-", "—": "-", "‘": "`", "’": "'", "“": "``", "”": "''", " ": r"\ ",
              "§": r"\S{}"}

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~$&#])")
#: an arb ball as python-flint prints it: ``[mid +/- rad]`` (the midpoint may be omitted: ``[+/- rad]``)
BALL = re.compile(r"\[\s*([-+]?[0-9.]+(?:e[-+]?[0-9]+)?)?\s*\+/-\s*([0-9.]+(?:e[-+]?[0-9]+)?)\s*\]")


def escape_text(text: str) -> str:
    """Plain text (one line) as LaTeX text mode: specials escaped, Unicode math symbols as ``\\ensuremath{...}``.

    A character with no mapping is written as ``\\texttt{U+XXXX}``, so nothing is lost silently.
    """
    out = []
    for ch in re.sub(r"\s+", " ", str(text)):
        if ch in _ASCII:
            out.append(_ASCII[ch])
        elif ch.isascii():
            out.append(ch)
        elif ch in _MATH:
            out.append(r"\ensuremath{" + _MATH[ch] + "}")
        elif ch in _SUP:
            out.append(r"\ensuremath{^{" + _SUP[ch] + "}}")
        elif ch in _SUB:
            out.append(r"\ensuremath{_{" + _SUB[ch] + "}}")
        elif ch in _TEXT:
            out.append(_TEXT[ch])
        else:
            out.append(r"\texttt{U+%04X}" % ord(ch))
    return "".join(out)


def escape_math(text: str) -> str:
    """Plain text (one line) as LaTeX math mode, e.g. inside ``\\mathrm{...}`` of a ``$...$`` formula.

    Every character prints as written: ``\\ { } $ & # ^ _ % ~ |`` become math-mode commands, spaces are
    kept (``\\ ``), Unicode math symbols become their commands (``σ`` → ``{\\sigma}``), super- and subscript
    digits become ``^{2}``, ``_{2}``; anything else is ``\\texttt{U+XXXX}``.  Letters, digits and
    ``+ - * / ( ) [ ] , . : ; = < > ' ! ?`` are kept.
    """
    out = []
    for ch in re.sub(r"\s+", " ", str(text)):
        if ch in _ASCII_MATH:
            out.append(_ASCII_MATH[ch])
        elif ch.isascii():
            out.append(ch if ch.isprintable() else r"\texttt{U+%04X}" % ord(ch))
        elif ch in _MATH:
            out.append("{" + _MATH[ch] + "}")
        elif ch in _SUP:
            out.append("^{" + _SUP[ch] + "}")
        elif ch in _SUB:
            out.append("_{" + _SUB[ch] + "}")
        elif ch in _TEXT_MATH:
            out.append(_TEXT_MATH[ch])
        else:
            out.append(r"\texttt{U+%04X}" % ord(ch))
    return "".join(out)


def escape_markdown(text) -> str:
    """``text`` on one line with the Markdown-active characters ``\\ ` * _ [ ] < > | ~ $ & #`` escaped.

    CommonMark lets any ASCII punctuation be escaped, and GitHub's tables read ``\\|`` as a
    literal bar, so the escaped text renders exactly as the original.

    >>> escape_markdown("2*sqrt(2)/sqrt(pi) | x_1 [sign] <b>")
    '2\\\\*sqrt(2)/sqrt(pi) \\\\| x\\\\_1 \\\\[sign\\\\] \\\\<b\\\\>'
    """
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def latex_of(x) -> str:
    """An exact number, a dimension or a sympy expression as LaTeX math (``sympy.latex``; ints as digits).

    Text is never parsed (sympify would evaluate it): a string is typeset as an escaped ``\\mathrm`` label.

    >>> latex_of(5), latex_of(sp.Rational(1, 2)), latex_of(10**30), latex_of("a_b")
    ('5', '\\\\frac{1}{2}', '1000000000000000000000000000000', '\\\\mathrm{a\\\\_b}')
    """
    if isinstance(x, str):
        return rf"\mathrm{{{escape_math(x)}}}"
    return str(x) if isinstance(x, int) and not isinstance(x, bool) else sp.latex(sp.sympify(x))


def sci_latex(x: str) -> str:
    """A decimal in Python/arb notation as LaTeX math: ``"3.1e-12"`` → ``3.1 \\cdot 10^{-12}`` (others unchanged).

    >>> sci_latex("3.1e-12"), sci_latex("2.5e+20"), sci_latex("0.25")
    ('3.1 \\\\cdot 10^{-12}', '2.5 \\\\cdot 10^{20}', '0.25')
    """
    m = re.fullmatch(r"([-+]?[0-9.]+)e([-+]?[0-9]+)", x)
    return f"{m.group(1)} \\cdot 10^{{{int(m.group(2))}}}" if m else x


def ball_latex(text: str) -> str:
    """An arb ball ``[mid +/- rad]`` as ``$mid \\pm rad$`` (the radius in scientific notation).

    Raises
    ------
    HardverifyError
        ``text`` is not of the form ``[mid +/- rad]``.
    """
    m = BALL.fullmatch(text.strip())
    if not m:
        raise HardverifyError(f"not an enclosure of the form [mid +/- rad]: {text!r}")
    return f"${sci_latex(m.group(1) or '0')} \\pm {sci_latex(m.group(2))}$"


def braces_balanced(tex: str) -> bool:
    """True when every unescaped ``{`` has its ``}`` (a cheap check that the output is well formed).

    >>> braces_balanced(r"\\textbf{a \\{ b}"), braces_balanced("{a")
    (True, False)
    """
    depth = 0
    for m in re.finditer(r"\\.|[{}]", tex):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def clip(text, n: int) -> str:
    """``str(text)`` cut to ``n`` characters with an ellipsis when it is longer.

    >>> clip("abcdef", 4), clip(12, 4)
    ('abc…', '12')
    """
    text = str(text)
    return text if len(text) <= n else text[: max(n - 1, 0)] + "…"


class Styled:
    """A table cell with a CSS style chosen by the code; the text is still escaped.

    >>> html_table([(Styled("PROVED", "color:green"),)])
    "<table><tbody><tr><td style='color:green'>PROVED</td></tr></tbody></table>"
    """

    __slots__ = ("text", "style")

    def __init__(self, text, style: str):
        self.text, self.style = text, style

    def __str__(self) -> str:
        return str(self.text)


def _cell(tag: str, c, width: int) -> str:
    style = f" style='{html.escape(c.style)}'" if isinstance(c, Styled) else ""
    return f"<{tag}{style}>{html.escape(clip(c, width))}</{tag}>"


def html_table(rows, *, header=None, caption: str | None = None, width: int = 200) -> str:
    """Rows of cells as an HTML ``<table>``; every cell (and the header, the caption) is HTML-escaped.

    Parameters
    ----------
    rows : iterable of sequences
        The body; each cell is converted with ``str`` and cut to ``width`` characters (:func:`clip`); a
        :class:`Styled` cell also carries its CSS style.
    header : sequence, optional
        The column names (a ``<thead>`` row).
    caption : str, optional
    width : int
        The longest cell, in characters.

    Returns
    -------
    str
        Well-formed HTML: every tag is closed.
    """
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{html.escape(clip(caption, max(width, 400)))}</caption>")
    if header is not None:
        parts.append("<thead><tr>" + "".join(_cell("th", h, width) for h in header) + "</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(_cell("td", c, width) for c in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)
