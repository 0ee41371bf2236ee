"""Opening, creating, encrypting and migrating case files; full-text search; audit chain.
SQLite specifics stay in this package."""

from . import audit, fulltext
from .case import SUFFIX, Case, PassphraseRequired

__all__ = ["SUFFIX", "Case", "PassphraseRequired", "audit", "fulltext"]
