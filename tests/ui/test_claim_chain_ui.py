"""The claim's own chain in the window: a seeded chain is flagged for review,
a relay is added through the Add Link menu's option, and relations read from
their other end."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from casefile.model import Claim, ClaimRelay, Source
from casefile.store import Case
from casefile.ui.editors.links import _options
from casefile.ui.editors.picker import Choice, RecordPicker
from casefile.ui.mainwindow import MainWindow

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _window(qtbot, case) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(case, remember=False)
    window.show()
    return window


def _id(case, cls, code):
    with case.session() as s:
        return s.scalars(select(cls.id).where(cls.code == code)).one()


def test_a_seeded_chain_is_flagged_and_a_relay_is_added(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "old.casefile"
    path.write_bytes((FIXTURES / "format-2.casefile").read_bytes())
    case = Case.open(path)
    window = _window(qtbot, case)
    try:
        window.open_record("claim", _id(case, Claim, "CLM-0001"))
        banner = window.editor.banner
        assert banner.isVisible() and "to review" in banner.text()
        # The documenter adds a relay she found: Blog A passed it on too.
        option = next(o for o in _options("claim") if o.link_kind == "claim_relay")
        blog = _id(case, Source, "SRC-0004")
        monkeypatch.setattr(RecordPicker, "pick", classmethod(lambda cls, *a, **k: (
            Choice("source", blog, "Blog A"), True)))
        assert window.editor.links.add(option)
        relayed = [i for i in window.editor.links.items() if i.group == "relayed_by"]
        assert [i.target_code for i in relayed] == ["SRC-0002", "SRC-0004"]  # in order, the new one last
        with case.session() as s:
            positions = [r.position for r in s.scalars(select(ClaimRelay).where(
                ClaimRelay.claim_id == _id(case, Claim, "CLM-0001")).order_by(ClaimRelay.position))]
        assert positions == [0, 1]
        window.undo_stack.undo()  # one undoable step
        assert [i.target_code for i in window.editor.links.items() if i.group == "relayed_by"] == ["SRC-0002"]
        # Ticking the review box away clears the banner.
        window.editor.fields["chain_review"].click()  # as she would
        assert not window.editor.banner.isVisible()
    finally:
        window.close()


def test_a_source_lists_what_it_cites_and_what_cites_it(qtbot, tmp_path):
    path = tmp_path / "old.casefile"
    path.write_bytes((FIXTURES / "format-2.casefile").read_bytes())
    case = Case.open(path)
    window = _window(qtbot, case)
    try:
        window.open_record("source", _id(case, Source, "SRC-0002"))
        groups = {(i.group, i.target_code) for i in window.editor.links.items()}
        assert ("cites", "SRC-0003") in groups and ("cited_by", "SRC-0001") in groups
        assert ("claims_relayed", "CLM-0001") in groups
    finally:
        window.close()
