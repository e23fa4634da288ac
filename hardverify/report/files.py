"""Writing report files: the output directory checked before a run, every file written atomically.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> check_writable(d / "rep") == d / "rep"
True
>>> write_atomic(d / "rep" / "a.txt", "hello").read_text()
'hello'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import DomainError

__all__ = ["check_writable", "write_atomic", "write_reports"]


def check_writable(directory) -> Path:
    """Create ``directory`` if needed and prove it writable with a probe file, before any work.

    Parameters
    ----------
    directory : str or os.PathLike
        The output directory (``hardverify prove --out``).

    Returns
    -------
    pathlib.Path
        The directory.

    Raises
    ------
    DomainError
        The directory cannot be created or written (the message names it and the reason).
    """
    d = Path(directory)
    try:
        if d.exists() and not d.is_dir():
            raise DomainError(f"--out {d}: exists and is not a directory; pass a directory to write reports into")
        d.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=d, prefix=".hardverify-probe-"):
            pass
    except OSError as exc:
        raise DomainError(f"--out {d}: cannot write there ({exc.strerror or exc}); pass a writable directory") from None
    return d


def write_atomic(path, data) -> Path:
    """Write ``data`` (str as UTF-8, or bytes) to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and an interrupted write leaves the old file intact
    (the temporary file is removed).

    Parameters
    ----------
    path : str or os.PathLike
        The file; its directory must exist.
    data : str or bytes
        The content.

    Returns
    -------
    pathlib.Path
        ``path`` (mode 0644).

    Raises
    ------
    OSError
        If the directory is not writable (check it first with :func:`check_writable`).
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def write_reports(report, directory) -> list[Path]:
    """Write ``proofs.json``, ``proofs.md`` and ``proofs.tex`` (a compilable document) into ``directory``.

    Parameters
    ----------
    report : Report
        The run.
    directory : str or os.PathLike
        An existing writable directory.

    Returns
    -------
    list of pathlib.Path
        The three files, in that order.
    """
    from .json_report import to_json
    from .latex import to_latex_document
    from .markdown import to_markdown
    d = Path(directory)
    return [write_atomic(d / "proofs.json", to_json(report)), write_atomic(d / "proofs.md", to_markdown(report)),
            write_atomic(d / "proofs.tex", to_latex_document(report))]
