"""What the window asks of the widget in its editor pane.

Every editor (the built-in :class:`~casefile.ui.editors.record.RecordEditor`, or
one registered with ``window.register_editor``) derives from :class:`Editor`,
so the window calls real methods, checked by the type checker, instead of
looking names up: a lookup that finds nothing fails silently (that is how
Ctrl+Shift+C once did nothing while the reader's own button worked).
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .source_reader import SourceReader

#: what the store reports after a commit: kind -> ids changed
Changes = Mapping[str, Set[int]]


class Editor(QWidget):
    """The editor of one record. The defaults do nothing, for editors with
    nothing to store, refresh or focus."""

    def __init__(self, kind: str, record_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind, self.record_id = kind, record_id

    def commit_pending(self) -> None:
        """Store what is still being typed (the window is closing or moving on)."""

    def reload(self, changes: Changes) -> None:
        """Show what is stored now; ``changes`` says what the last commit touched."""

    def focus_first(self) -> None:
        """Put the keyboard in the first field a documenter fills in."""

    @property
    def source_reader(self) -> SourceReader | None:
        """The source's text when this editor shows one (Source menu actions act on it)."""
        return None
