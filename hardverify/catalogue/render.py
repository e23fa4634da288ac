"""Render the claims catalogue (``claims.json``) as Markdown: the shipped ``claims.md`` and its tables.

``claims.md`` is generated, never edited by hand::

    python docs/generate_catalogue.py

writes it together with the per-paper pages of the documentation; ``tests/test_catalogue.py`` fails when
either is stale.

>>> from hardverify.catalogue import render
>>> text = render.markdown()
>>> text.startswith("# The claims catalogue") and "\\n### G3\\n" in text
True
"""

from __future__ import annotations

from . import KINDS, PAPER_ORDER, STATUSES, _data, entry, ids, papers

__all__ = ["escape", "markdown", "summary_table", "kinds_of"]

_KIND_LABEL = {"exact": "exact", "certified": "certified", "evidence": "evidence"}


def escape(text: str, table: bool = False) -> str:
    """Escape Markdown emphasis, links and code marks in catalogue text (and ``|`` inside a table).

    Parameters
    ----------
    text : str
        Plain catalogue text (formulas in Unicode, no markup).
    table : bool
        Also escape ``|``, for a table cell.

    Returns
    -------
    str
        Text that CommonMark and MyST render literally.

    Examples
    --------
    >>> from hardverify.catalogue.render import escape
    >>> escape("a*b [x] |t|", table=True)
    'a\\\\*b \\\\[x] \\\\|t\\\\|'
    """
    out = text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[").replace("`", "\\`")
    return out.replace("|", "\\|") if table else out


def kinds_of(claim_id: str) -> list[str]:
    """The kinds of check (in the order exact, certified, evidence) an entry's checks use.

    Parameters
    ----------
    claim_id : str
        A catalogue ID.

    Returns
    -------
    list of str
        A sub-list of :data:`hardverify.catalogue.KINDS`; empty when nothing is checked yet.

    Raises
    ------
    DomainError
        If the ID has no entry.

    Examples
    --------
    >>> from hardverify.catalogue.render import kinds_of
    >>> kinds_of("H3")
    ['exact', 'certified']
    """
    used = {c["kind"] for c in entry(claim_id)["checks"]}
    return [k for k in KINDS if k in used]


def _status_text(e: dict) -> str:
    if e["status"] == "checked":
        return ", ".join(kinds_of(e["id"]))
    return e["status"]


def summary_table(paper: str, link: str = "#") -> list[str]:
    """The table of one part: ID (linked to its entry), claim, how it is checked.

    Parameters
    ----------
    paper : str
        A key of :func:`hardverify.catalogue.papers`.
    link : str
        Prefix of the links to the entries: ``"#"`` within ``claims.md``, e.g. ``"../catalogue.md#"`` from
        another page.

    Returns
    -------
    list of str
        The Markdown lines of the table (header, rule, one row per entry).

    Raises
    ------
    DomainError
        If `paper` is not a catalogue part.

    Examples
    --------
    >>> from hardverify.catalogue.render import summary_table
    >>> summary_table("dkkz2020")[2].startswith("| [D0](#d0) |")
    True
    """
    rows = ["| ID | claim | checked |", "|---|---|---|"]
    for cid in ids(paper):
        e = entry(cid)
        rows.append(f"| [{cid}]({link}{cid.lower()}) | {escape(e['title'], table=True)} | {_status_text(e)} |")
    return rows


def _entry_lines(cid: str) -> list[str]:
    e = entry(cid)
    lines = [f"### {cid}", "", f"**{escape(e['title'])}**", ""]
    if e["status"] == "slot" and not e["statement"]:
        lines += [f"*Slot.* {escape(e['unconfirmed'])}", ""]   # nothing else is known yet
        return lines

    def item(label, text):
        if text:
            lines.append(f"* **{label}.** {escape(text)}")
    item("Statement", e["statement"])
    item("Normalisation", e["normalisation"])
    item("Source", e["source"])
    if e["checks"]:
        lines.append("* **What hardverify checks.**")
        for c in e["checks"]:
            lines.append(f"  * *{_KIND_LABEL[c['kind']]}*: {escape(c['what'])}")
    elif e["status"] != "checked":
        lines.append(f"* **What hardverify checks.** Nothing yet ({e['status']}).")
    if e["parameters"] and e["parameters"] != "—":
        item("Parameters", e["parameters"])
    item("Negative controls", e["negative_controls"])
    if e.get("related"):
        lines.append(f"* **Related.** [{e['related']}](#{e['related'].lower()})")
    item("Still unconfirmed", e["unconfirmed"])
    item("Correction found by hardverify", e["corrections"])
    if e["status"] == "checked":
        lines.append(f"* **Run it.** `hardverify prove -k {cid}`" if e["paper"] != "reference"
                     else f"* **Run it.** `hardverify prove -k {e['proof_claim']}`")
    lines.append("")
    return lines


def markdown() -> str:
    """The whole catalogue as Markdown (the text of the shipped ``claims.md``).

    Returns
    -------
    str
        One section per part (foundations, reference vectors, each paper) with its summary table, then one
        ``### ID`` section per entry (the anchor is the ID in lower case).
    """
    data = _data()
    lines = [
        "# The claims catalogue",
        "",
        "<!-- Generated from hardverify/catalogue/claims.json by `python docs/generate_catalogue.py`;"
        " do not edit. -->",
        "",
        "Every claim that `hardverify prove` checks has an ID. This catalogue says, for each ID, what the claim",
        "states and in which normalisation, where it comes from, what hardverify checks and how, over which",
        "parameters, what is still unconfirmed, and which corrections hardverify found. The same content is",
        "shipped with the package as `claims.json` (keyed by ID) and read by `hardverify.catalogue`.",
        "",
        "How a check concludes:",
        "",
    ]
    lines += [f"* **{k}** — {data['kinds'][k]}" for k in KINDS]
    lines += ["", "Where an entry stands:", ""]
    lines += [f"* **{s}** — {data['statuses'][s]}" for s in STATUSES]
    lines += ["", "Negative controls are deliberately wrong statements that must come out REFUTED by an exact or",
              "certified counterexample.", ""]
    for key, p in papers().items():
        assert key in PAPER_ORDER
        lines += [f"## {escape(p['title'])}", "", escape(p["intro"]), "", f"*Source.* {escape(p['source'])}", ""]
        lines += summary_table(key) + [""]
        for cid in ids(key):
            lines += _entry_lines(cid)
    return "\n".join(lines).rstrip("\n") + "\n"
