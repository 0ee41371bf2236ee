"""Column widths are remembered per record kind, across kinds and restarts."""

from __future__ import annotations


def test_column_widths_survive_switching_kinds(window):
    header = window.view.table.horizontalHeader()
    window.show_kind("actor")
    header.resizeSection(1, 333)
    window.show_kind("incident")
    header.resizeSection(1, 222)
    window.show_kind("actor")
    assert header.sectionSize(1) == 333
    window.show_kind("incident")
    assert header.sectionSize(1) == 222
