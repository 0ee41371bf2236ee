"""Opening, creating, encrypting and migrating case files; full-text search; audit chain.
SQLite specifics stay in this package."""

from . import audit, fulltext
from .case import SUFFIX, Case, CaseBusy
from .opening import PassphraseRequired

__all__ = ["SUFFIX", "Case", "CaseBusy", "PassphraseRequired", "audit", "fulltext"]
