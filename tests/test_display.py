"""Notebook display (issue 13, item 6): every object a user holds has a short repr and rich reprs that render.

For every class: the strings are non-empty; ``repr`` is one line of at most 120 characters; the HTML is well
formed (parsed with ``html.parser``, every tag closed in order); the LaTeX is one ``$...$`` formula with
balanced braces; user labels (an activation's name, a network's name, a claim's title) are HTML-escaped and
LaTeX-escaped; a displayed enclosure still encloses the ball.  When IPython is importable, its
``DisplayFormatter`` returns the promised mime types without printing an error.  Last, the code cells of the
executed notebook page docs/notebook.md run in-process.
"""

import html.parser
import re
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp
from flint import arb, ctx, fmpq
from hypothesis import given, settings
from hypothesis import strategies as st

import hardverify as hv
from hardverify import checks
from hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020 import DKKZPlanes
from hardverify.constructions.goel2020 import GGJKK
from hardverify.constructions.li_zadik_zampetakis2024 import PancakeFamily
from hardverify.constructions.vempala_wilmes2019 import FiniteWidthGD, HarmonicTarget
from hardverify.constructions.vempala_wilmes2019.family import MonomialFamily, ZonalFamily
from hardverify.constructions.vempala_wilmes2019.spectrum import InfiniteWidthGD
from hardverify.core.markup import braces_balanced, escape_math, html_table
from hardverify.distributions import GaussianLaw
from hardverify.distributions.clwe import CLWE, CLWENull, HomogeneousCLWE
from hardverify.numeric.enclosure import exact_fraction
from hardverify.proofs import claim, run
from hardverify.report import Report, to_markdown

ROOT = Path(__file__).resolve().parents[1]
HTML, LATEX, MARKDOWN = "text/html", "text/latex", "text/markdown"
NASTY = "my_act 100% & <b>{x}</b> #1 ~$"          # a user label with every character that needs escaping
R = sp.Rational


def _report(title="one half is one half"):
    @claim("X1", title, sweep={"q": [1, 2]})
    def half(q):
        return checks.exact_equal(R(q, 2 * q), R(1, 2))

    @claim("X2", "one half is one third", sweep={"q": [1]}, control=True)
    def third(q):
        return checks.exact_equal(R(q, 2 * q), R(1, 3))

    return Report.from_results(run([half.claim, third.claim], jobs=1))


def _vw_target():
    return HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))


def _ggjkk_profile():
    return GGJKK(4, "relu").correlation_profile(10)


# (id, factory, the rich mime types promised)
OBJECTS = [
    ("enclosure", lambda: hv.enclose(1 / sp.pi, 30), {HTML, LATEX}),
    ("enclosure-exact", lambda: hv.enclose(R(1, 4), 10), {HTML, LATEX}),
    ("enclosure-zero", lambda: hv.Enclosure(arb("0 +/- 1e-5")), {HTML, LATEX}),
    ("enclosure-huge", lambda: hv.enclose(10 ** 300 * sp.pi, 1000), {HTML, LATEX}),
    ("verdict", lambda: checks.exact_equal(hv.funk_hecke("relu", 3, 2), R(1, 16)), {HTML, MARKDOWN}),
    ("network", lambda: hv.Network([[1, 2], [1, -1]], "relu", outputs=[3, -1], biases=[-1, 0]), {HTML, LATEX}),
    ("network-wide", lambda: GGJKK(5, "relu").network((1, 3, 5, 7, 9), 10 ** 6), {HTML, LATEX}),
    ("network-dense", lambda: hv.Network([[i + j for j in range(12)] for i in range(20)], "abs"), {HTML, LATEX}),
    ("gaussian", lambda: hv.Gaussian(5), {LATEX}),
    ("gaussian-symbolic", lambda: hv.Gaussian(sp.Symbol("n", integer=True, positive=True)), {LATEX}),
    ("sphere", lambda: hv.UniformSphere(5, radius=2), {LATEX}),
    ("ball", lambda: hv.UniformBall(3), {LATEX}),
    ("radial-chi", lambda: hv.Radial(4, hv.RadiusLaw.chi(3, 2)), {LATEX}),
    ("radial-pareto", lambda: hv.Radial(4, hv.RadiusLaw.pareto(3)), {LATEX}),
    ("radial-power", lambda: hv.Radial(4, hv.RadiusLaw.power(4, 2)), {LATEX}),
    ("radial-constant", lambda: hv.Radial(4, hv.RadiusLaw.constant(3)), {LATEX}),
    ("radius-law", lambda: hv.RadiusLaw.chi(10), {LATEX}),
    ("shifted", lambda: hv.ShiftedGaussian(3, 0.5), {LATEX}),
    ("shifted-one", lambda: hv.ShiftedGaussian(3, {1: 1}), {LATEX}),
    ("anisotropic", lambda: hv.AnisotropicGaussian(6, [1, 2, 3, 4, 5, 6]), {LATEX}),
    ("gaussian-law", lambda: GaussianLaw(3, mean=1, variances=[1, 2, 3]), {LATEX}),
    ("cube", lambda: hv.UniformCube(4, 2), {LATEX}),
    ("hypercube", lambda: hv.Hypercube(10 ** 6), {LATEX}),
    ("clwe", lambda: CLWE(8, beta="0.01", gamma=4, seed=1), {LATEX}),
    ("clwe-null", lambda: CLWENull(8, beta=1e-5, gamma=4, seed=1), {LATEX}),
    ("clwe-homogeneous", lambda: HomogeneousCLWE(8, beta=0.01, gamma_std=2, seed=1), {LATEX}),
    ("ggjkk", lambda: GGJKK(4, "relu"), {MARKDOWN, LATEX}),
    ("ggjkk-scaled", lambda: GGJKK(3, "sigmoid", outer_scale=R(1, 8)), {MARKDOWN, LATEX}),
    ("profile", _ggjkk_profile, {MARKDOWN}),
    ("dkkz", lambda: DKKZPlanes(4), {MARKDOWN, LATEX}),
    ("dkkz-degree", lambda: DKKZPlanes(6, degree=2), {MARKDOWN, LATEX}),
    ("vw-monomials", lambda: MonomialFamily(3, normalized=True), {MARKDOWN, LATEX}),
    ("vw-zonal", lambda: ZonalFamily(2, support=2), {MARKDOWN, LATEX}),
    ("vw-finite-gd", lambda: FiniteWidthGD(_vw_target(), [(1, 0, 0), (0, 1, 0), (R(3, 5), R(4, 5), 0)], "relu",
                                           eta=4), {MARKDOWN, LATEX}),
    ("vw-infinite-gd", lambda: InfiniteWidthGD(_vw_target(), "relu", eta_prime=R(1, 2)), {MARKDOWN, LATEX}),
    ("lzz-pancakes", lambda: PancakeFamily("0.1"), {MARKDOWN, LATEX}),
    ("report", _report, {HTML, MARKDOWN}),
]
METHODS = {HTML: "_repr_html_", LATEX: "_repr_latex_", MARKDOWN: "_repr_markdown_"}


@pytest.fixture(scope="module")
def built():
    return {name: make() for name, make, _ in OBJECTS}


class _TagChecker(html.parser.HTMLParser):
    """Records every tag; ``errors`` lists a closing tag that does not match the open one, or a tag left open."""

    VOID = {"br", "hr", "img", "meta", "input", "col", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def well_formed_html(text: str) -> str:
    """The text content of ``text``; AssertionError unless every tag is closed in order."""
    p = _TagChecker()
    p.feed(text)
    p.close()
    assert not p.errors and not p.stack, (p.errors, p.stack, text[:500])
    return "".join(p.text)


def one_formula(tex: str) -> str:
    """The math of a ``$...$`` LaTeX display; AssertionError unless it is one formula with balanced braces."""
    assert tex.startswith("$") and tex.endswith("$") and len(tex) > 2, tex[:200]
    body = tex[1:-1]
    assert not re.search(r"(?<!\\)\$", body), f"an unescaped $ inside the formula: {tex[:300]}"
    assert braces_balanced(body), tex[:300]
    assert "\n" not in tex
    return body


@pytest.mark.parametrize("name, mimes", [(n, m) for n, _, m in OBJECTS], ids=[n for n, _, _ in OBJECTS])
def test_every_repr_renders(built, name, mimes):
    obj = built[name]
    r = repr(obj)
    assert r and "\n" not in r and len(r) <= 120, r
    assert not r.startswith("<" + type(obj).__module__), "the default object repr"
    for mime, method in METHODS.items():
        if mime not in mimes:
            continue
        out = getattr(obj, method)()
        assert isinstance(out, str) and out.strip(), (name, mime)
        if mime == HTML:
            assert well_formed_html(out).strip()
        elif mime == LATEX:
            one_formula(out)


def test_enclosure_repr_is_short_at_any_precision():
    e = hv.enclose(sp.pi, 1000)
    assert repr(e) == "Enclosure(3.1415926535897932385 ± 3.74e-20, dps=1000)"
    assert len(e._repr_latex_()) < 200 and len(e._repr_html_()) < 300
    assert repr(hv.enclose(R(1, 4), 10)) == "Enclosure(0.2500000000, exact ball)"


_SHOWN = re.compile(r"^Enclosure\(([-+0-9.e]+)(?: ± ([0-9.e+-]+))?, .*\)$")


def _interval(mid: str, rad: str | None):
    m = Fraction(mid)
    r = Fraction(rad) if rad else Fraction(0)
    return m - r, m + r


def _assert_encloses(shown, e):
    lo, hi = shown
    blo, bhi = (exact_fraction(b) for b in e.endpoint_balls())
    assert lo <= blo and bhi <= hi, (shown, str(e))


@settings(max_examples=60, deadline=None)
@given(st.fractions(min_value=-10 ** 6, max_value=10 ** 6, max_denominator=10 ** 9),
       st.integers(min_value=5, max_value=80), st.integers(min_value=-40, max_value=40))
def test_displayed_enclosure_encloses_the_ball(q, dps, shift):
    # the printed midpoint is rounded: the printed radius must cover the rounding (repr, LaTeX and HTML)
    x = sp.Rational(q.numerator, q.denominator) * sp.Integer(10) ** shift + sp.sqrt(2)
    e = hv.enclose(x, dps)
    m = _SHOWN.match(repr(e))
    assert m, repr(e)
    _assert_encloses(_interval(m.group(1), m.group(2)), e)
    tex = one_formula(e._repr_latex_())
    parts = re.fullmatch(r"([-+0-9.]+)(?: \\cdot 10\^\{(-?\d+)\})?(?: \\pm ([0-9.]+)(?: \\cdot 10\^\{(-?\d+)\})?)?", tex)
    assert parts, tex
    mid = Fraction(parts.group(1)) * Fraction(10) ** int(parts.group(2) or 0)
    rad = Fraction(parts.group(3) or 0) * Fraction(10) ** int(parts.group(4) or 0)
    _assert_encloses((mid - rad, mid + rad), e)


def test_enclosure_of_an_interval_ball():
    with ctx.workprec(200):
        b = arb(fmpq(1, 3)) + arb(0, 1e-40)
    e = hv.Enclosure(b, 30)
    m = _SHOWN.match(repr(e))
    _assert_encloses(_interval(m.group(1), m.group(2)), e)
    assert "30 certified digits" in well_formed_html(e._repr_html_())


def test_network_latex_writes_small_networks_out():
    # the formula, typed by hand from the weights: 3σ(x1 + 2x2 - 1) - σ(x1 - x2), σ = ReLU
    f = hv.Network([[1, 2], [1, -1]], "relu", outputs=[3, -1], biases=[-1, 0])
    assert f._repr_latex_() == (r"$f(x) = 3\sigma\left(x_{1} + 2 x_{2} - 1\right) - \sigma\left(x_{1} - x_{2}\right),"
                                r"\quad \sigma(t) = \max\left(0, t\right),\quad x \in \mathbb{R}^{2}$")
    g = hv.Network([{1: 1, 2: 1}], "relu", n=3, scale=1 / sp.sqrt(2))
    assert r"\frac{\sqrt{2}}{2}\left(x_{1} + x_{2}\right)" in g._repr_latex_()


def test_network_html_is_cut_beyond_the_limits(built):
    f = built["network-dense"]                              # 20 units, 12 coordinates
    text = f._repr_html_()
    assert text.count("<tr>") == 1 + 12 + 1                # the header, 12 units, the "…" row
    assert text.count("<th>") == 3 + 8 + 1                  # i, a_i, b_i, 8 coordinates, "…"
    assert "width 20" in well_formed_html(text)
    wide = built["network-wide"]._repr_latex_()
    assert r"\sum_{i=1}^{32}" in wide and r"\mathbb{R}^{1000000}" in wide


def test_distribution_latex_follows_the_conventions(built):
    assert built["gaussian"]._repr_latex_() == r"$\mathcal{N}(0, I_{5})$"
    assert hv.UniformSphere(5)._repr_latex_() == r"$\mathrm{Unif}(S^{4}),\quad S^{4} \subset \mathbb{R}^{5}$"
    assert built["hypercube"]._repr_latex_() == r"$\mathrm{Unif}\left(\{\pm 1\}^{1000000}\right)$"
    assert built["gaussian-symbolic"]._repr_latex_() == r"$\mathcal{N}(0, I_{n})$"


EVAL = {"Gaussian": hv.Gaussian, "UniformSphere": hv.UniformSphere, "UniformBall": hv.UniformBall,
        "Radial": hv.Radial, "RadiusLaw": hv.RadiusLaw, "UniformCube": hv.UniformCube, "Hypercube": hv.Hypercube,
        "ShiftedGaussian": hv.ShiftedGaussian, "AnisotropicGaussian": hv.AnisotropicGaussian,
        "GaussianLaw": GaussianLaw, "sqrt": sp.sqrt}


@pytest.mark.parametrize("D", [hv.Gaussian(5), hv.UniformSphere(4, radius=2), hv.UniformBall(3, radius=R(1, 2)),
                               hv.Radial(4, hv.RadiusLaw.chi(3, 2)), hv.Radial(4, hv.RadiusLaw.pareto(5)),
                               hv.UniformCube(3, 2), hv.Hypercube(4), hv.ShiftedGaussian(3, 0.5),
                               hv.ShiftedGaussian(3, {2: -1}), hv.AnisotropicGaussian(3, [1, 2, 2]),
                               GaussianLaw(3, mean={1: 1}, variances={3: 2})], ids=repr)
def test_distribution_repr_rebuilds_the_law(D):
    again = eval(repr(D), dict(EVAL))
    assert type(again) is type(D) and repr(again) == repr(D)
    for alpha in ((2,), (1, 1), (2, 0, 2), (4,), (1, 0, 3)):
        assert again.moment(alpha) == D.moment(alpha)


def test_user_labels_are_escaped_everywhere():
    act = hv.Activation(sp.Max(0, hv.t), name=NASTY)
    net = hv.Network([[1, 0]], act, name="<script>alert(1)</script>")
    out = net._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out and "&lt;b&gt;" in out
    well_formed_html(out)
    long = hv.Activation(sp.Add(*[sp.tanh(hv.t / k) for k in range(1, 12)]), name=NASTY)   # σ shown by its label
    tex = one_formula(hv.Network([[1, 0]], long)._repr_latex_())
    assert rf"\sigma = \mathrm{{{escape_math(NASTY)}}}" in tex and not re.search(r"(?<!\\)[%&#~]", tex), tex
    g = GGJKK(2, act)
    tex = one_formula(g._repr_latex_())
    assert escape_math(NASTY) in tex
    assert not re.search(r"(?<!\\)[%&#~]", tex), tex                     # every % & # ~ is escaped
    assert "my_act" not in tex and r"my\_act" in tex
    md = g._repr_markdown_()
    assert r"my\_act 100% \& \<b\>" in md and "<b>" not in md
    assert NASTY[:20] in repr(g) and len(repr(g)) <= 120                  # repr is plain text: the label, clipped
    report = _report(title="a <b>bold</b> & 100% claim_x")
    page = report._repr_html_()
    assert "<b>bold" not in page and "&lt;b&gt;bold&lt;/b&gt; &amp; 100% claim_x" in page
    well_formed_html(page)
    assert r"\<b\>bold\</b\> \& 100% claim\_x" in report._repr_markdown_()


def test_report_display(built):
    r = built["report"]
    assert r._repr_markdown_() == to_markdown(r)                   # the one Markdown writer
    assert repr(r) == "<Report: 1 claim (PROVED 1), 1/1 negative control refuted, 3 cases; all claims hold>"
    text = r._repr_html_()
    assert "color:#1a7f37" in text and "REFUTED (control)" in well_formed_html(text)
    assert re.fullmatch(r"<ClaimRecord X1 PROVED: 2 cases, \S*:half>", repr(r.claims[0]))


def test_html_table_escapes_and_closes():
    text = html_table([("<td>", "&")], header=("</table>",), caption="a < b")
    assert well_formed_html(text) == "a < b</table><td>&"


def test_verdict_repr_is_short_with_long_parameters():
    v = hv.Verdict(hv.Status.CERTIFIED, claim="G3" * 40, method="m" * 500,
                   params={"act": "x" * 300, "n": 10 ** 60, "k": 4, "a": 1, "b": 2})
    assert len(repr(v)) <= 120 and repr(v).endswith("…>")


# -- IPython's formatter (what Jupyter calls) ------------------------------------------------------------
@pytest.mark.parametrize("name, mimes", [(n, m) for n, _, m in OBJECTS], ids=[n for n, _, _ in OBJECTS])
def test_ipython_formatter_returns_the_promised_mime_types(built, name, mimes, capsys):
    formatters = pytest.importorskip("IPython.core.formatters",
                                     reason="IPython is not installed (pip install '.[docs]' brings it)")
    data, _ = formatters.DisplayFormatter().format(built[name])
    assert set(data) == mimes | {"text/plain"}, set(data)
    assert data["text/plain"] == repr(built[name])
    captured = capsys.readouterr()
    assert not captured.err and not captured.out          # IPython prints a traceback when a _repr_*_ raises


# -- the executed notebook page -------------------------------------------------------------------------
def _cells():
    text = (ROOT / "docs" / "notebook.md").read_text(encoding="utf-8")
    assert text.startswith("---\nfile_format: mystnb\n")
    assert "execution_mode: force" in text.split("---")[1]
    return re.findall(r"^```\{code-cell\} ipython3\n(.*?)^```$", text, flags=re.S | re.M)


def test_notebook_page_cells_run():
    cells = _cells()
    assert len(cells) >= 8
    shown = []

    def display(*objs, include=None):                        # the kernel's builtin, with IPython when present
        for obj in objs:
            shown.append((obj, include))
            for method in METHODS.values():
                if hasattr(obj, method) and not isinstance(obj, type):
                    assert getattr(obj, method)()

    ns = {"display": display, "__name__": "__main__"}
    for i, code in enumerate(cells):
        exec(compile(code, f"docs/notebook.md cell {i + 1}", "exec"), ns)
    kinds = {type(v).__name__ for v in ns.values()} | {type(o).__name__ for o, _ in shown}
    assert {"Enclosure", "Verdict", "Network", "GGJKK", "Report", "MonomialFamily", "Gaussian"} <= kinds
    assert ns["report"].summary["ok"]


# -- the escaping helpers, for any text -------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60))
def test_escape_math_leaves_no_active_character(text):
    tex = escape_math(text)
    assert braces_balanced(r"\mathrm{" + tex + "}")
    # outside the commands it emits, no ASCII character LaTeX or MathJax would act on is left bare
    bare = re.sub(r"\\[A-Za-z]+\{?\}?|\\[^A-Za-z]|\{|\}", "", tex)
    assert not re.search(r"[_%&#$~^\\\s]", bare), (text, tex)


def test_escape_math_unicode():
    assert escape_math("σ² ≤ x₁ …") == r"{\sigma}^{2}\ {\leq}\ x_{1}\ \dots{}"
    assert escape_math("中") == r"\texttt{U+4E2D}"                        # nothing is lost silently


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=3), max_size=4))
def test_html_table_is_well_formed_for_any_text(rows):
    text = html_table(rows, header=[f"c{i}" for i in range(3)])
    content = well_formed_html(text)
    assert content == "c0c1c2" + "".join(c for row in rows for c in row)
