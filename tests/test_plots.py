"""Figures: the plotted values are the library's, axes are labelled and log-scaled, files are written
atomically as PNG and PDF, bad requests raise DomainError.

References: SPEC H1 (c_4(ReLU) = -1/(4 sqrt(3 pi))), G5 (E[f_S²] = 2 - 4/π for ReLU, k = 2; G4 bound
2/π at k = 2), H6 (√(n N(n, ℓ)) μ_ℓ(ReLU; n) → c_ℓ(ReLU)).
"""

import math
import sys

import pytest

pytest.importorskip("matplotlib")

from hardverify.cli import main  # noqa: E402
from hardverify.errors import DomainError  # noqa: E402
from hardverify.plots import FIGURES, figure, require_matplotlib, write_figure  # noqa: E402


def _line(ax, label):
    [line] = [x for x in ax.get_lines() if x.get_label() == label]
    return dict(zip(line.get_xdata(), line.get_ydata()))


def _check_axes(ax):
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


def test_hermite_decay_values_and_axes():
    fig = figure("hermite-decay", m_max=21, dps=20)
    left, right = fig.axes
    for ax in (left, right):
        _check_axes(ax)
    assert left.get_xscale() == left.get_yscale() == "log" and right.get_yscale() == "log"
    relu = _line(left, "relu: |c_m|, even m (exact)")
    assert relu[4] == pytest.approx(1 / (4 * math.sqrt(3 * math.pi)), rel=1e-15)
    assert set(relu) == set(range(2, 22, 2))
    labels = [t.get_text() for t in right.get_legend().get_texts()]
    assert "sigmoid: |c_m|, odd m (certified, 20 digits)" in labels and any("fitted" in t for t in labels)


def test_funk_hecke_spectra_h6_limit():
    fig = figure("funk-hecke", ns=(3, 100), l_max=6)
    spectra, h6 = fig.axes
    _check_axes(spectra)
    _check_axes(h6)
    assert spectra.get_yscale() == "log" and h6.get_xscale() == "log"
    n3 = _line(spectra, "n = 3 (exact)")
    assert n3[4] == pytest.approx(1 / 96, rel=1e-14)       # SPEC F4 table: μ_4(ReLU; 3) = -1/96
    assert 3 not in n3 and 5 not in n3                      # exact zeros are not drawn on a log axis
    limit = _line(h6, r"$\ell=4$ (certified, 30 digits)")
    c4 = -1 / (4 * math.sqrt(3 * math.pi))
    assert abs(limit[10 ** 6] - c4) < abs(limit[3] - c4) and limit[10 ** 6] == pytest.approx(c4, rel=1e-5)


def test_norms_with_the_g4_bound():
    fig = figure("norms", activations=("relu", "sigmoid"), k_max=4, dps=15)
    [ax] = [a for a in fig.axes if a.get_lines()]
    _check_axes(ax)
    assert ax.get_yscale() == "log"
    relu = _line(ax, r"relu: $E[f_S^2]$ (exact)")
    bound = _line(ax, "relu: G4 bound")
    assert relu[2] == pytest.approx(2 - 4 / math.pi, rel=1e-15) and bound[2] == pytest.approx(2 / math.pi, rel=1e-15)
    assert 3 not in relu                                     # f_S ≡ 0 for ReLU at k = 3 (SPEC G2)
    assert all(relu[k] >= bound[k] for k in relu)
    sig = _line(ax, r"sigmoid: $E[f_S^2]$ (certified, 15 digits)")
    assert sig[1] == pytest.approx(0.173516143432371850950596685128, rel=1e-14)   # SPEC G5


def test_write_figure_png_and_pdf_atomically(tmp_path):
    fig = figure("funk-hecke", activation="step", ns=(3,), l_max=4)
    paths = write_figure(fig, tmp_path / "figs", "fh")
    assert [p.name for p in paths] == ["fh.png", "fh.pdf"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and paths[1].read_bytes()[:5] == b"%PDF-"
    write_figure(fig, tmp_path / "figs", "fh")                                            # overwritten in place
    assert sorted(p.name for p in (tmp_path / "figs").iterdir()) == ["fh.pdf", "fh.png"]   # no temp files left
    with pytest.raises(DomainError, match="png, pdf or svg"):
        write_figure(fig, tmp_path, "x", formats=("jpg",))


def test_pdf_is_reproducible(tmp_path):
    fig = figure("funk-hecke", activation="step", ns=(3,), l_max=4)
    a = write_figure(fig, tmp_path / "a", "fh", formats=("pdf",))[0].read_bytes()
    b = write_figure(fig, tmp_path / "b", "fh", formats=("pdf",))[0].read_bytes()
    assert a == b                                            # no creation date: same figure, same bytes


@pytest.mark.parametrize("name,options,message", [
    ("moon", {}, "unknown figure 'moon'; known: hermite-decay"),
    ("hermite-decay", {"m_max": 3}, r"m_max must be an integer in \[9, 400\]"),
    ("funk-hecke", {"ns": (1,)}, r"n must be an integer in \[2, "),
    ("norms", {"k_max": 50}, r"k_max must be an integer in \[2, 20\]"),
])
def test_bad_requests(name, options, message):
    with pytest.raises(DomainError, match=message):
        figure(name, **options)


def test_missing_matplotlib_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(DomainError, match=r"pip install 'hardverify\[plots\]'"):
        require_matplotlib()


def test_plot_command(tmp_path, capsys):
    assert main(["plot", "funk-hecke", "--out", str(tmp_path), "--format", "png", "--json"]) == 0
    import json
    assert json.loads(capsys.readouterr().out) == {"command": "plot", "files": [str(tmp_path / "funk-hecke.png")]}
    assert main(["plot", "moon", "--out", str(tmp_path)]) == 2
    assert "unknown figure 'moon'" in capsys.readouterr().err
    assert {"hermite-decay", "funk-hecke", "norms"} <= set(FIGURES)     # the rest: tests/test_plots_more.py
