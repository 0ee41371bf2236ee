"""Opening, creating, encrypting and migrating case files; search; audit chain.
SQLite specifics stay in this package."""

from . import audit, search
from .case import SUFFIX, Case, PassphraseRequired

__all__ = ["SUFFIX", "Case", "PassphraseRequired", "audit", "search"]
