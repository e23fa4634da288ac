"""Bounded caches (base layer): every cache of hardverify has a size limit.

>>> c = LRU(2)
>>> c.put("a", 1); c.put("b", 2); c.put("c", 3)
>>> c.get("a") is None, c.get("c"), len(c)
(True, 3, 2)
"""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["LRU"]


class LRU:
    """A bounded least-recently-used mapping.

    For caches that grow an entry in place, where ``functools.lru_cache`` does not fit.

    Parameters
    ----------
    maxsize : int
        The largest number of entries kept; storing one more evicts the least recently used.

    Examples
    --------
    >>> c = LRU(2)
    >>> c.put("a", 1); c.put("b", 2); _ = c.get("a"); c.put("c", 3)      # "b" is the least recently used
    >>> sorted(c.values()), c.get("b", "gone")
    ([1, 3], 'gone')
    """

    def __init__(self, maxsize: int):
        self.maxsize, self._data = maxsize, OrderedDict()

    def get(self, key, default=None):
        """The value for ``key`` (marked as recently used), or ``default``.

        Parameters
        ----------
        key : hashable
            The key.
        default : object, optional
            Returned when ``key`` is absent (default None).

        Returns
        -------
        object
            The stored value, or ``default``.
        """
        if key in self._data:
            self._data.move_to_end(key)
            return self._data[key]
        return default

    def put(self, key, value) -> None:
        """Store ``value``; the least recently used entry goes when the cache is full.

        Parameters
        ----------
        key : hashable
            The key.
        value : object
            The value (stored by reference: a value grown in place stays cached).
        """
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def values(self):
        """The stored values (a new list; the order of use is not changed).

        Returns
        -------
        list
            The values, least recently used first.
        """
        return list(self._data.values())

    def clear(self) -> None:
        """Remove every entry."""
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)
