"""What the section mixins (``annex``, ``findings_layout``) may use of
``DossierStory``: declared here for the type checker only, so each mixin is
checked against the helpers' real signatures. Nothing here exists at run time
beyond the attribute annotations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.styles import StyleSheet1

from .labels import Labels
from .views import DossierData

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Table


class StoryHelpers:
    d: DossierData
    L: Labels
    st: StyleSheet1

    if TYPE_CHECKING:
        def p(self, text: str, style: str = "Body") -> Flowable: ...

        def paragraphs(self, text: str, style: str = "Body", *, label: str = "", visual: bool = False) -> list: ...

        def field(self, label: str, value: str, style: str = "Body") -> list: ...

        def fields(self, pairs: list[tuple[str, str]], style: str = "Small") -> list: ...

        def cell(self, text: str, style: str = "Cell", *, ref: str = "", cut: bool = True) -> Flowable: ...

        def cell_field(self, label: str, value: str, style: str = "Small", *, ref: str = "") -> Flowable: ...

        def notes(self) -> list: ...

        def table(self, rows: list[list], widths: list[float], *, header: bool = True, style: str = "Cell",
                  whole: tuple[int, ...] = ()) -> list: ...

        def facts_grid(self, pairs: list[tuple[str, str]], width: float = ..., label_width: float = ...,
                       code: str = "") -> Table: ...

        def facts(self, pairs: list[tuple[str, str]], width: float = ..., label_width: float = ...,
                  code: str = "") -> list: ...

        def section(self, title: str, key: str) -> list: ...

        def picture(self, evidence_id: int, side: float) -> Flowable | None: ...

        def claim_head(self, c) -> list: ...
