"""Notebook display of a :class:`~hardverify.networks.Network`: its formula (LaTeX) and its weights (HTML).

Private to the networks layer; ``Network._repr_latex_`` and ``Network._repr_html_`` call these.
"""

from __future__ import annotations

import sympy as sp

from ..core.markup import clip, escape_math, html_table
from ..core.numbers import sign_of

#: units and coordinates written out in the formula; rows and columns of the weight table
DISPLAY_UNITS, DISPLAY_ROWS, DISPLAY_COLUMNS = 6, 12, 8


def _zero(v) -> bool:
    return v == 0 if isinstance(v, int) else sign_of(v) == 0


def _signed(tex: str) -> str:
    return f" - {tex[1:].lstrip()}" if tex.startswith("-") else f" + {tex}"


def network_latex(net) -> str:
    """f(x) = Σ a_i σ(⟨w_i, x⟩ + b_i) as one LaTeX formula: every unit written out up to DISPLAY_UNITS units and
    coordinates, else the sum with its sizes; σ is its expression when short, else its (escaped) label."""
    act = net.activation
    sigma = (rf"\sigma(t) = {sp.latex(act.expr)}" if len(str(act.expr)) <= 80
             else rf"\sigma = \mathrm{{{escape_math(clip(act.label, 40))}}}")
    where = rf",\quad {sigma},\quad x \in \mathbb{{R}}^{{{net.n}}}"
    if net.width > DISPLAY_UNITS or len(net.support) > DISPLAY_UNITS:
        b = r" + b_i" if any(not _zero(b) for b in net.biases) else ""
        return (rf"$f(x) = \sum_{{i=1}}^{{{net.width}}} a_i\,\sigma(\langle w_i, x\rangle{b})"
                rf"{where},\ \text{{{len(net.support)} coordinates used}}$")
    x = [sp.Symbol(f"x_{{{c}}}") for c in net.support]
    scale = "" if net.scale == 1 else sp.latex(net.scale)
    out = ""
    for r, b, a in zip(net.rows, net.biases, net.outputs):
        pre = sp.latex(sp.Add(*(q * xc for q, xc in zip(r, x))))
        pre = rf"{scale}\left({pre}\right)" if scale and ("+" in pre or "-" in pre[1:]) else scale + pre
        pre += "" if _zero(b) else _signed(sp.latex(b))
        coef = {"1": "", "-1": "-"}.get(sp.latex(a), sp.latex(a) if isinstance(a, int) or a.is_Atom
                                        else rf"\left({sp.latex(a)}\right)")
        out += _signed(rf"{coef}\sigma\left({pre}\right)") if out else rf"{coef}\sigma\left({pre}\right)"
    return f"$f(x) = {out}{where}$"


def network_html(net) -> str:
    """The weights as an HTML table (every cell escaped), cut with "…" past DISPLAY_ROWS units and DISPLAY_COLUMNS
    coordinates; the caption says what the columns are."""
    cols, more_cols = net.support[:DISPLAY_COLUMNS], len(net.support) > DISPLAY_COLUMNS
    header = ["i", "a_i", "b_i"] + [f"q_i[{c}]" for c in cols] + (["…"] if more_cols else [])
    rows = [[i + 1, net.outputs[i], net.biases[i], *net.rows[i][:DISPLAY_COLUMNS]] + (["…"] if more_cols else [])
            for i in range(min(net.width, DISPLAY_ROWS))]
    if net.width > DISPLAY_ROWS:
        rows.append(["…"] * len(header))
    caption = (f"{net.name or 'Network'} on R^{net.n}: f(x) = Σ_i a_i σ(s⟨q_i, x⟩ + b_i), "
               f"width {net.width}, σ = {clip(net.activation.label, 60)}, s = {net.scale}, "
               f"{len(net.support)} coordinates used")
    return f"<div class='hardverify-network'>{html_table(rows, header=header, caption=caption, width=60)}</div>"
