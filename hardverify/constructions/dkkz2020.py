"""The old import path of :mod:`hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020`.

Paper modules are named by all authors and the year; this name still works and gives the same objects.
"""

from . import diakonikolas_kane_kontonis_zarifis2020 as _module
from .diakonikolas_kane_kontonis_zarifis2020 import *  # noqa: F403 - the old path re-exports the whole public API
from .diakonikolas_kane_kontonis_zarifis2020 import __all__  # noqa: F401 - re-exported: the old path keeps the same public names


def __getattr__(name):
    return getattr(_module, name)
