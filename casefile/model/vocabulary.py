"""Controlled vocabularies: keys stored in records, labels in English and Spanish.

The shipped terms live in ``resources/vocabularies.json``; a case copies them at
creation and may add its own.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class VocabularyTerm(Base):
    __tablename__ = "vocabulary_term"
    vocabulary: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    label_en: Mapped[str] = mapped_column(Text)
    label_es: Mapped[str] = mapped_column(Text)
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_es: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    builtin: Mapped[bool] = mapped_column(Boolean, default=True)
    #: a relation read from its other end ("caused by" for "causes"); "" when it reads the same both ways
    inverse_en: Mapped[str] = mapped_column(Text, default="")
    inverse_es: Mapped[str] = mapped_column(Text, default="")

    def label(self, lang: str = "en") -> str:
        return self.label_es if lang.startswith("es") and self.label_es else self.label_en

    def inverse(self, lang: str = "en") -> str:
        """The relation as its other end reads it."""
        text = self.inverse_es if lang.startswith("es") and self.inverse_es else self.inverse_en
        return text or self.label(lang)
