"""Run SQ tables and proof runs on an existing Dask cluster (issue 14, item 6).

``executor_for(address)`` returns ``distributed.Client(address).get_executor()``, a
``concurrent.futures.Executor``; :func:`hardverify.sq.table` and ``hardverify.proofs.run`` accept it
unchanged.  dask is optional: ``pip install "hardverify[distributed]"``; it is imported only here, and
only when called.
"""

from __future__ import annotations

from ..errors import DomainError

__all__ = ["executor_for", "dask_available"]


def dask_available() -> bool:
    """Whether dask's ``distributed`` package can be imported (the optional ``distributed`` extra).

    Returns
    -------
    bool
        True when ``import distributed`` succeeds.
    """
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def executor_for(address: str):
    """A ``concurrent.futures.Executor`` running on the Dask scheduler at ``address``.

    Parameters
    ----------
    address : str
        The scheduler's address, e.g. ``"tcp://127.0.0.1:8786"``.

    Returns
    -------
    concurrent.futures.Executor
        ``distributed.Client(address).get_executor()``.

    Raises
    ------
    DomainError
        If ``address`` is not a non-empty string, or dask.distributed is not installed.

    Examples
    --------
    >>> executor_for("")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: a scheduler address is a string such as 'tcp://127.0.0.1:8786', got ''
    """
    if not isinstance(address, str) or not address.strip():
        raise DomainError(f"a scheduler address is a string such as 'tcp://127.0.0.1:8786', got {address!r}")
    try:
        from distributed import Client
    except ImportError:
        raise DomainError('--scheduler needs dask.distributed: pip install "hardverify[distributed]"') from None
    return Client(address.strip()).get_executor()
