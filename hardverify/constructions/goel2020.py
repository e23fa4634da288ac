"""The old import path of :mod:`hardverify.constructions.goel_gollakota_jin_karmalkar_klivans2020`.

Paper modules are named by all authors and the year; this name still works and gives the same objects.
"""

from . import goel_gollakota_jin_karmalkar_klivans2020 as _module
from .goel_gollakota_jin_karmalkar_klivans2020 import *  # noqa: F403 - the old path re-exports the whole public API
from .goel_gollakota_jin_karmalkar_klivans2020 import __all__  # noqa: F401 - re-exported: the old path keeps the same public names


def __getattr__(name):
    return getattr(_module, name)
