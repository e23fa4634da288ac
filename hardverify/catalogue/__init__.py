"""The claims catalogue: what each claim ID states, where it comes from and how hardverify checks it.

Every claim checked by ``hardverify prove`` carries an ID (``H1``, ``F4``, ``G3``, ``V12``, ...).  The
catalogue, shipped with the package as ``claims.json`` (machine-readable, keyed by ID) and ``claims.md``
(the same text for people, also a page of the documentation), says for each ID: the statement with its
normalisation, the source (paper, theorem or lemma where known), what hardverify checks and whether that
check is exact, certified or evidence, over which parameters, what is still unconfirmed, and any correction
hardverify found.  Reports link a claim to its entry with :func:`url`.

>>> from hardverify import catalogue
>>> e = catalogue.entry("G3")
>>> e["paper"], e["status"], sorted({c["kind"] for c in e["checks"]})
('ggjkk2020', 'checked', ['certified', 'exact'])
>>> catalogue.url("G3").endswith("claims.md#g3")
True
>>> catalogue.url("V12", base="https://example.org/hardverify/")
'https://example.org/hardverify/catalogue.html#v12'
>>> catalogue.expand("V1-V8") == ["V%d" % i for i in range(1, 9)]
True
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DomainError

__all__ = ["ids", "entry", "expand", "anchor", "url", "papers", "paper", "KINDS", "STATUSES", "PAPER_ORDER"]

#: the order in which the catalogue presents its parts (foundations first, then each paper).
PAPER_ORDER = ("hermite", "sphere", "reference", "ggjkk2020", "dkkz2020", "sq", "vw2019", "lzz2024")

#: how a check reaches its conclusion; the three kinds of result of hardverify.
KINDS = ("exact", "certified", "evidence")

#: where a catalogue entry stands.
STATUSES = ("checked", "not checked", "slot")

_ID = re.compile(r"^([A-Z])(\d+)([a-z]?)$")
_RANGE = re.compile(r"^([A-Z])(\d+)-([A-Z])(\d+)$")


@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files(__package__).joinpath("claims.json").read_text(encoding="utf-8")
    return json.loads(text)


def _sort_key(cid: str):
    m = _ID.match(cid)
    return (PAPER_ORDER.index(_data()["claims"][cid]["paper"]), m.group(1), int(m.group(2)), m.group(3))


def ids(paper: str | None = None) -> list[str]:
    """All claim IDs of the catalogue, in catalogue order, optionally those of one paper.

    Parameters
    ----------
    paper : str, optional
        A key of :func:`papers` (e.g. ``"ggjkk2020"``); all IDs when omitted.

    Returns
    -------
    list of str

    Raises
    ------
    DomainError
        If `paper` is not a catalogue part.

    Examples
    --------
    >>> from hardverify import catalogue
    >>> catalogue.ids("dkkz2020")
    ['D0', 'D1', 'D2']
    >>> set(catalogue.ids()) >= {"H1", "F5", "G9", "V20"}
    True
    """
    claims = _data()["claims"]
    if paper is not None and paper not in _data()["papers"]:
        raise DomainError(f"unknown catalogue part {paper!r}; allowed: {', '.join(PAPER_ORDER)}")
    return sorted((c for c in claims if paper is None or claims[c]["paper"] == paper), key=_sort_key)


def expand(claim_id: str) -> list[str]:
    """The catalogue IDs a claim ID stands for: itself, or each member of a range such as ``"V1-V8"``.

    Parameters
    ----------
    claim_id : str
        An ID as used by ``@claim`` in a proof script.

    Returns
    -------
    list of str
        IDs each of which has a catalogue entry.

    Raises
    ------
    DomainError
        If `claim_id` is not a string, not of the form ``"G3"``, ``"V10b"`` or ``"V1-V8"``, or names an ID
        without an entry.

    Examples
    --------
    >>> from hardverify import catalogue
    >>> catalogue.expand("H5"), catalogue.expand("V9-V11")
    (['H5'], ['V9', 'V10', 'V11'])
    """
    if not isinstance(claim_id, str):
        raise DomainError(f"a claim ID is a string such as 'G3' or 'V1-V8', got {type(claim_id).__name__}")
    claims = _data()["claims"]
    m = _RANGE.match(claim_id)
    if m:
        a, i, b, j = m.group(1), int(m.group(2)), m.group(3), int(m.group(4))
        if a != b or i > j:
            raise DomainError(f"a claim range is one letter with increasing numbers, e.g. 'V1-V8', got {claim_id!r}")
        out = [f"{a}{x}" for x in range(i, j + 1)]
    elif _ID.match(claim_id):
        out = [claim_id]
    else:
        raise DomainError(f"a claim ID is a capital letter and a number (optionally a letter: 'V10b') or a range "
                          f"'V1-V8', got {claim_id!r}")
    missing = [c for c in out if c not in claims]
    if missing:
        raise DomainError(f"no catalogue entry for {', '.join(missing)}; the catalogue has {', '.join(ids())}")
    return out


def entry(claim_id: str) -> dict:
    """The catalogue entry of one claim ID (a copy: changing it does not change the catalogue).

    Parameters
    ----------
    claim_id : str
        A catalogue ID such as ``"G3"`` or ``"V10b"``; a range ``"V1-V8"`` gives its first member.

    Returns
    -------
    dict
        Keys ``id``, ``paper``, ``title``, ``status`` (one of :data:`STATUSES`), ``statement``,
        ``normalisation``, ``source``, ``checks`` (a list of ``{"kind", "what"}`` with kind in
        :data:`KINDS`), ``parameters``, ``negative_controls``, ``unconfirmed``, ``corrections``; reference
        vectors also have ``related`` (the claim whose checks cover them) and ``proof_claim`` (the ID
        their proof claim carries, empty while unchecked).

    Raises
    ------
    DomainError
        If the ID has no entry (the message lists the IDs that do).

    Examples
    --------
    >>> from hardverify import catalogue
    >>> e = catalogue.entry("D1")
    >>> "Lemma 18" in e["corrections"], e["status"]
    (True, 'checked')
    >>> catalogue.entry("D0")["status"], catalogue.entry("D0")["checks"]     # context only: no proof checks it
    ('not checked', [])
    """
    return copy.deepcopy(_data()["claims"][expand(claim_id)[0]])


def papers() -> dict:
    """The parts of the catalogue (one per paper, plus foundations and reference vectors), in order.

    Returns
    -------
    dict
        Key -> ``{"title", "source", "intro"}``.

    Examples
    --------
    >>> from hardverify import catalogue
    >>> list(catalogue.papers())[:3]
    ['hermite', 'sphere', 'reference']
    """
    p = _data()["papers"]
    return {k: copy.deepcopy(p[k]) for k in PAPER_ORDER}


def paper(key: str) -> dict:
    """One part of the catalogue: ``{"title", "source", "intro"}``.

    Parameters
    ----------
    key : str
        A part of the catalogue, one of :data:`PAPER_ORDER` (``"hermite"``, ``"sphere"``, ``"ggjkk2020"`` ...).

    Returns
    -------
    dict
        A copy of ``{"title", "source", "intro"}`` (changing it does not change the catalogue).

    Raises
    ------
    DomainError
        If `key` is not one of :data:`PAPER_ORDER`.

    Examples
    --------
    >>> from hardverify import catalogue
    >>> "arXiv:2006.12011" in catalogue.paper("ggjkk2020")["source"]
    True
    """
    if key not in _data()["papers"]:
        raise DomainError(f"unknown catalogue part {key!r}; allowed: {', '.join(PAPER_ORDER)}")
    return copy.deepcopy(_data()["papers"][key])


def anchor(claim_id: str) -> str:
    """The anchor of an entry in ``claims.md`` and on the documentation page: the ID in lower case.

    Parameters
    ----------
    claim_id : str
        A catalogue ID, or a range such as ``"V1-V8"`` (its first member's anchor).

    Returns
    -------
    str
        The anchor, e.g. ``"v10b"``.

    Raises
    ------
    DomainError
        If ``claim_id`` is not a well-formed ID or range (as in :func:`expand`).

    Examples
    --------
    >>> from hardverify import catalogue
    >>> catalogue.anchor("V10b")
    'v10b'
    """
    return expand(claim_id)[0].lower()


def url(claim_id: str, base: str | None = None) -> str:
    """A link to the catalogue entry of a claim, for reports.

    Parameters
    ----------
    claim_id : str
        A catalogue ID, or a range such as ``"V1-V8"`` (linked to its first member).
    base : str, optional
        The address of the built documentation site (``sphinx-build docs DIR`` puts the catalogue at
        ``DIR/catalogue.html``). Without it, the link points into the ``claims.md`` installed with the
        package (a ``file:`` URI), which exists wherever hardverify is installed.

    Returns
    -------
    str

    Raises
    ------
    DomainError
        If the ID has no entry, or `base` is not a string.

    Examples
    --------
    >>> from hardverify import catalogue
    >>> catalogue.url("G1", base="site")
    'site/catalogue.html#g1'
    >>> catalogue.url("G1").startswith("file:")
    True
    """
    a = anchor(claim_id)
    if base is None:
        return Path(str(resources.files(__package__).joinpath("claims.md"))).resolve().as_uri() + "#" + a
    if not isinstance(base, str):
        raise DomainError(f"base is the documentation site's address as a string, got {type(base).__name__}")
    return base.rstrip("/") + "/catalogue.html#" + a
