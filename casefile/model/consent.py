"""What a source, or whoever gave an evidence item, agreed to: the columns a
source and an evidence item share (``ConsentColumns``). The rules that read
them (who an item may go to, and when) live in ``services/consent.py``."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column


class ConsentColumns:
    """Consent and sharing restrictions; every column empty: not recorded."""

    #: a ``consent`` vocabulary term: none, reports, named, publication ("" not recorded)
    consent: Mapped[str] = mapped_column(String(16), default="", server_default="")
    #: the mechanisms or courts named (with ``named``), one per line or separated by commas
    consent_to: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: never to these, whatever else was agreed ("not to the authorities of ...")
    consent_not_to: Mapped[str] = mapped_column(Text, default="", server_default="")
    consent_not_before: Mapped[str | None] = mapped_column(String(10))  # partial ISO date
    consent_given: Mapped[str | None] = mapped_column(String(10))  # partial ISO date
    consent_recorded_by: Mapped[str] = mapped_column(Text, default="", server_default="")
