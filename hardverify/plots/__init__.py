"""Figures of the quantities hardverify computes (matplotlib, the ``plots`` extra).

Each figure function returns a :class:`matplotlib.figure.Figure` (no pyplot, no global state);
:func:`write_figure` saves it as PNG and PDF atomically; :func:`write_all` writes every figure of
:data:`FIGURES`.  On every figure the kind of each value is in its legend: *exact* (sympy closed
form, filled markers), *certified* (python-flint ball, open markers; the radii are far below the
plotting resolution), *evidence* (seeded float64 experiments: hollow, with their spread, labelled
"evidence"), and the SPEC rates and bounds as dashed lines.

* ``hermite-decay`` — |c_m(σ)| for ReLU and sign (log–log) with the H5 power laws, and for sigmoid
  and tanh against √m with the H5 rates exp(−τ√m);
* ``funk-hecke`` — |μ_ℓ(σ; n)| across n, and the H6 limit √(n N(n,ℓ)) μ_ℓ → c_ℓ for ReLU;
* ``norms`` — E[f_S²] of the GGJKK family against k with the G4 lower bound;
* ``sq-bounds`` — the SQ engine's query lower bounds against n (:mod:`.sq`; evidence never enters);
* ``gd-decay`` — Vempala–Wilmes W2/W3 per-degree residuals against t, exact, beside a seeded float64
  experiment drawn hollow with its spread over seeds (evidence; :mod:`.vempala_wilmes`);
* ``clwe-chi`` — the CLWE χ-correlation χ(ρ), certified (:mod:`.clwe`).

``hardverify plot NAME`` (:mod:`hardverify.cli.plot`) and ``hardverify prove --plots`` call these
(see ``docs/plots.md``).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DomainError

__all__ = ["FIGURES", "require_matplotlib", "figure", "write_figure", "write_all"]

#: figure name -> ("module.function" under :mod:`hardverify.plots`, what it shows)
FIGURES = {
    "hermite-decay": ("figures.hermite_decay", "Hermite coefficient decay per activation with the H5 rates"),
    "funk-hecke": ("figures.funk_hecke_spectra", "Funk-Hecke spectra mu_l(sigma; n) across n, and the H6 limit"),
    "norms": ("figures.norms", "GGJKK norms E[f_S^2] against k with the G4 lower bound"),
    "sq-bounds": ("sq.sq_bounds", "SQ/CSQ query lower bounds against n for GGJKK, DKKZ, VW W4 and CLWE (the SQ "
                  "engine), with log2|family| for W4"),
    "gd-decay": ("vempala_wilmes.gd_decay", "VW W2: per-degree residual of infinite-width GD against t (exact), "
                 "with the seeded float64 experiment (evidence) and the W3 zeros"),
    "clwe-chi": ("clwe.clwe_chi", "CLWE pairwise chi-correlation chi(rho) with the C4 regimes and the SQ "
                 "family's rho_0"),
}


def require_matplotlib() -> None:
    """Check that matplotlib is installed (before any figure work).

    Raises
    ------
    DomainError
        If it is missing; the message names the extra to install (``hardverify[plots]``).
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise DomainError("figures need matplotlib: pip install 'hardverify[plots]'") from None


def figure(name: str, **options):
    """The figure ``name`` (a key of :data:`FIGURES`) built with ``options``.

    Parameters
    ----------
    name : str
        ``"hermite-decay"``, ``"funk-hecke"`` or ``"norms"``.
    **options
        Keywords of the figure function (:mod:`hardverify.plots.figures`), e.g. ``m_max=``, ``ns=``.

    Returns
    -------
    matplotlib.figure.Figure
        A figure not attached to pyplot.

    Raises
    ------
    DomainError
        Unknown name, bad options, or matplotlib is not installed.

    Examples
    --------
    >>> figure("spectrum")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: unknown figure 'spectrum'; known: hermite-decay, funk-hecke, norms
    """
    if name not in FIGURES:
        raise DomainError(f"unknown figure {name!r}; known: {', '.join(FIGURES)}")
    require_matplotlib()
    import importlib
    module, function = FIGURES[name][0].split(".")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)(**options)


def write_figure(fig, directory, stem: str, formats=("png", "pdf")) -> list[Path]:
    """Save ``fig`` as ``directory/stem.png`` and ``.pdf`` (temporary file, then rename).

    The files carry no time stamp, so the same figure gives the same PDF.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    directory : str or os.PathLike
        Created if needed (and checked writable first).
    stem : str
        The file name without extension.
    formats : sequence of str
        Any of ``"png"``, ``"pdf"``, ``"svg"`` (default PNG and PDF), at 150 dpi.

    Returns
    -------
    list of pathlib.Path
        The files written, in the order of ``formats``.

    Raises
    ------
    DomainError
        If the directory is not writable or a format is not allowed.

    Examples
    --------
    >>> import tempfile
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 2)); _ = fig.subplots().plot([0, 1], [0, 1])
    >>> [p.suffix for p in write_figure(fig, tempfile.mkdtemp(), "line", ("png", "svg"))]
    ['.png', '.svg']
    """
    import io

    from ..report.files import check_writable, write_atomic
    d = check_writable(directory)
    written = []
    for fmt in formats:
        if fmt not in ("png", "pdf", "svg"):
            raise DomainError(f"figure format must be png, pdf or svg, got {fmt!r}")
        buf = io.BytesIO()
        meta = {"Software": "hardverify"} if fmt == "png" else {"Creator": "hardverify", "CreationDate": None} \
            if fmt == "pdf" else {"Creator": "hardverify", "Date": None}
        fig.savefig(buf, format=fmt, dpi=150, metadata=meta)
        written.append(write_atomic(d / f"{stem}.{fmt}", buf.getvalue()))
    return written


def write_all(directory, formats=("png", "pdf")) -> list[Path]:
    """Write every figure of :data:`FIGURES` with its default options into ``directory``.

    Parameters
    ----------
    directory : str or os.PathLike
        Created if needed.
    formats : sequence of str
        As for :func:`write_figure`.

    Returns
    -------
    list of pathlib.Path
        Every file written.

    Raises
    ------
    DomainError
        If matplotlib is missing or the directory is not writable.
    """
    out: list[Path] = []
    for name in FIGURES:
        out += write_figure(figure(name), directory, name, formats)
    return out
