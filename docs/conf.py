"""Sphinx configuration of the hardverify documentation site.

Build it (warnings are errors, as in ``.ci/run``)::

    pip install ".[docs]" && sphinx-build -W --keep-going -b html docs /tmp/hardverify-site

The pages are MyST Markdown, so the same ``docs/*.md`` files are executed as doctests by the test suite
and rendered here; the API reference is autodoc + numpydoc over the installed package.  MyST-NB reads the
pages (it includes MyST parsing): ``notebook.md``, a text notebook, is executed by every build (a Jupyter
kernel, ``ipykernel``), so the notebook displays it shows are the code's current output; no other page is
executed here (their examples are doctests).
"""

import hardverify

project = "hardverify"
author = "the hardverify authors"
copyright = "the hardverify authors"
release = version = hardverify.__version__

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
]

source_suffix = {".md": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "**/.ipynb_checkpoints", "conftest.py", "generate_*.py"]

# MyST: heading anchors so that links such as catalogue.md#g3 resolve (the catalogue's entries are "### G3").
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

# MyST-NB: no page is executed unless it asks (notebook.md sets ``mystnb: execution_mode: force`` in its
# front matter); a cell that raises fails the build.
nb_execution_mode = "off"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
# anything an executed cell writes to stderr (a warning, a traceback IPython caught while formatting a display)
# is a Sphinx warning, hence an error under -W
nb_output_stderr = "warn"
# Markdown outputs (a construction's or a report's _repr_markdown_) are read as MyST, so their tables render
nb_render_markdown_format = "myst"

# The docstrings are numpydoc but not all are complete yet (issue 13, item 3): render what is there, do not
# validate, and do not list class members twice (autodoc's :members: already documents them).
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_validation_checks = set()
numpydoc_xref_param_type = False
autodoc_typehints = "none"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": False}
autosummary_generate = False
nitpicky = False

html_theme = "pydata_sphinx_theme"
html_title = f"hardverify {release}"
html_theme_options = {
    "navigation_depth": 3,
    "show_toc_level": 2,
    "navbar_align": "left",
}
html_static_path = []

# ---------------------------------------------------------------------------------------------------------
# Docstring pre-processing.  The library's docstrings are numpydoc-shaped but written to be read as plain
# text: |x| for absolute values, "+ - * / **" in prose, and aligned two-column tables of algorithm names.
# In reStructuredText those are substitution references, emphasis marks and bad indentation.  Until the
# docstrings are rewritten (issue 13, item 3), this hook makes them valid reST without touching code or
# doctest lines: it escapes |, operator-like * and a word's trailing _ outside inline literals, and turns an
# aligned table of ``"name"``  text  rows into a bullet list.
import re  # noqa: E402

_LITERAL = re.compile(r"(``.*?``|`[^`]*`_?|:[a-z:]+:`[^`]*`)")
_STAR = re.compile(r"(?:(?<=\s)|^)\*{1,2}(?=[\s,.;:)]|$)|(?<=[\w)\]])\*{1,2}(?=[\w(])")
_ROW = re.compile(r'^(\s*)(``"[a-z_]+"``)\s{2,}(\S.*)$')
# a word ending in "_" before a non-word character (s_±, W_>) is a hyperlink reference in reST
_UNDERSCORE = re.compile(r"(?<=\w)_(?=[^\w`]|$)")


_BULLET = re.compile(r"^(\s*(?:[*+-] |\d+\. |#\. )?)")


def _escape_prose(line: str) -> str:
    lead = _BULLET.match(line).group(1)          # indentation and a list marker stay as they are
    parts = _LITERAL.split(line[len(lead):])
    for i in range(0, len(parts), 2):            # even pieces are outside inline literals and roles
        p = parts[i].replace("|", "\\|")
        p = _UNDERSCORE.sub(r"\\_", p)
        parts[i] = _STAR.sub(lambda m: "\\*" * len(m.group(0)), p)
    return lead + "".join(parts)


def _plain_text_to_rest(lines: list[str]) -> list[str]:
    out, in_doctest, in_literal, literal_indent, table_indent = [], False, False, 0, None
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if in_literal and stripped and indent <= literal_indent:
            in_literal = False
        if stripped.startswith(">>>"):
            in_doctest = True
        elif not stripped:
            in_doctest = False
        if in_doctest or in_literal or stripped.startswith(".. "):
            out.append(line)
            table_indent = None
            continue
        row = _ROW.match(line)
        if row:
            if table_indent is None and out and out[-1].strip():
                out.append("")
            table_indent = len(row.group(3)) and line.index(row.group(3))
            out.append(f"{row.group(1)}* {row.group(2)}: {_escape_prose(row.group(3))}")
            continue
        if table_indent is not None and stripped and indent >= table_indent:
            out[-1] += " " + _escape_prose(stripped)
            continue
        if table_indent is not None:
            table_indent = None
            if stripped:
                out.append("")
        out.append(_escape_prose(line))
        if stripped.endswith("::"):
            in_literal, literal_indent = True, indent
    return out


def _process_docstring(app, what, name, obj, options, lines):
    lines[:] = _plain_text_to_rest(list(lines))


# Ambiguous short :mod: references (``gegenbauer`` exists in both layers) resolve to the first match; the
# layer pages list both modules explicitly.
suppress_warnings = ["ref.python"]


def setup(app):
    app.connect("autodoc-process-docstring", _process_docstring, priority=400)   # before numpydoc (500)
    return {"parallel_read_safe": True}
