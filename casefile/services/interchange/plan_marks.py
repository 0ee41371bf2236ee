"""The withhold marks of an interchange import: each names a record of the
file or the case and one of its text fields; the same passage twice is one mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from ...i18n import translate
from ...model import WithholdMark
from ...model.kinds import RECORD_KIND
from ..redaction.marks import markable_fields
from . import KIND

#: the record tables a mark may name, in the file's section order
RECORD_TABLES = tuple(table for table in KIND.values() if table in RECORD_KIND)

if TYPE_CHECKING:
    from .plan import Plan


def plan_withhold_marks(plan: Plan) -> None:
    """Passages marked "withhold" on records of the file or the case. A
    mark is matched wherever its words appear, so it is not required to
    be found in its field (a record of the file was let go by now)."""
    seen_uuids: set[str] = set()
    seen_marks: set[tuple[str, str, str]] = set()
    for uuid, record, field, passage in plan.conn.execute(select(
            WithholdMark.uuid, WithholdMark.record_uuid, WithholdMark.field, WithholdMark.passage)):
        seen_uuids.add(uuid)
        seen_marks.add((record, field, passage))
    for label, e in plan.entries("withhold_marks"):
        if e["uuid"] in seen_uuids:
            plan.problem(label, "uuid", translate("Interchange", "already in this case or file"))
            continue
        found = plan.ref(label, "record", e["record"], *RECORD_TABLES)
        if found is None:
            continue
        if e["field"] not in markable_fields(found[0]):
            plan.problem(label, "field", translate("Interchange", "not a text field of that record"))
            continue
        passage = e["passage"].strip()
        if not passage or (e["record"], e["field"], passage) in seen_marks:
            continue  # marked already: once is enough
        seen_uuids.add(e["uuid"])
        seen_marks.add((e["record"], e["field"], passage))
        created = plan.time(label, "created_at", e.get("created_at")) or plan.now
        plan.links["withhold_mark"].append({
            "uuid": e["uuid"], "record_kind": found[0], "record_uuid": e["record"], "field": e["field"],
            "passage": passage, "created_at": created})
