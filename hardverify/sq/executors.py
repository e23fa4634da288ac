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
    """True when ``distributed`` can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def executor_for(address: str):
    """A ``concurrent.futures.Executor`` running on the Dask scheduler at ``address`` (``tcp://host:8786``).

    Raises DomainError when dask.distributed is not installed or the address is not a string.
    """
    if not isinstance(address, str) or not address.strip():
        raise DomainError(f"a scheduler address is a string such as 'tcp://127.0.0.1:8786', got {address!r}")
    try:
        from distributed import Client
    except ImportError:
        raise DomainError('--scheduler needs dask.distributed: pip install "hardverify[distributed]"') from None
    return Client(address.strip()).get_executor()
