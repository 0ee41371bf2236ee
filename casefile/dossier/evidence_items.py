"""Evidence items as the Berkeley Protocol expects a lawyer to find them:
who collected each, when it was created or captured and when it was taken
in, with what tool, from where (URL or device), how it was preserved; its
handling (custody) apart from its analysis (what it was linked to).

Part of the loader (``data.py``): everything here is already redacted.
A field a lawyer would ask about prints "not recorded" rather than nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ..formatting import human_size
from ..model import CustodyEvent, Evidence, EvidenceLink
from ..services.evidence import capture
from ..services.evidence.custody import received_from
from ..services.redaction import Redactor
from .labels import Labels
from .views import EvidenceView

#: custody actions that record analysis (linking), not handling of the file
ANALYSIS_ACTIONS = {"linked", "unlinked"}
Vocab = Callable[[str, object], str]


def evidence_views(r: Redactor, L: Labels, v: Vocab, evidence: dict[int, Evidence], links: Iterable[EvidenceLink],
                   custody: dict[int, list[CustodyEvent]], derived_codes: dict[int, str],
                   names: dict[tuple[str, int], str], note: Callable[[str], str]) -> dict[int, EvidenceView]:
    """``names``: (kind, id) -> how each shown record is named; ``note``: the
    loader's rule for internal notes (kept in ``full`` only)."""
    linked = defaultdict(list)
    for link in links:
        for kind in ("incident", "claim", "actor", "source"):
            target = getattr(link, f"{kind}_id")
            if target is not None and (kind, target) in names:
                linked[link.evidence_id].append(f"{v('evidence_relation', link.relation)}: {names[(kind, target)]}")
    shown_codes = {name.split(" ", 1)[0] for name in names.values()}
    views = {}
    for e in sorted(evidence.values(), key=lambda e: e.code):
        handling, analysis = [], []
        for ev in custody.get(e.id, []):
            at = ev.at.strftime("%Y-%m-%d %H:%M:%S") if ev.at else ""
            who = r.scrub(ev.who) if r.shows_handlers else L.hidden
            action = v("custody_action", ev.action)
            if ev.action in ANALYSIS_ACTIONS:
                # "supports INC-0003": shown only when the record it names is in this dossier
                words = (ev.details or "").split()
                if words and words[-1] in shown_codes:
                    relation = v("evidence_relation", words[0]) if len(words) > 1 else ""
                    analysis.append((at, who, f"{action}: {relation} {words[-1]}".replace("  ", " ")))
                continue
            if received_from(ev.details) is not None:  # its time and handler are the sender's claim
                action = L.custody_received.format(action=action)
            handling.append((at, who, action, ev.sha256_observed or ""))
        views[e.id] = EvidenceView(
            id=e.id, code=e.code, name=r.evidence_name(e), title=_title(r, e), media_type=e.media_type,
            size=e.size, sha256=e.sha256, facts=_facts(r, L, e, derived_codes, note), links=linked[e.id],
            custody=handling, analysis=analysis)
    return views


def _title(r: Redactor, e: Evidence) -> str:
    title = r.evidence_title(e)
    return "" if title == e.code else title  # the title was the file name: the heading shows the code alone


def _facts(r: Redactor, L: Labels, e: Evidence, derived_codes: dict[int, str],
           note: Callable[[str], str]) -> list[tuple[str, str]]:
    missing = L.not_recorded
    title = _title(r, e)
    facts = [(L.title, title)] if title else []
    facts += [(L.file, r.evidence_name(e)), (L.media_type, e.media_type), (L.size, human_size(e.size))]
    if e.width and e.height:
        facts.append((L.dimensions, f"{e.width} \u00d7 {e.height}"))
    if e.duration:
        facts.append((L.duration, L.seconds.format(n=round(e.duration, 1))))
    # When it came to be, then when the case took it in: two different moments.
    created = e.captured_at or (e.document_created if r.shows_capture else "")
    facts.append((L.created, r.scrub(created) or missing))
    at = e.intake_at.strftime("%Y-%m-%d %H:%M UTC") if e.intake_at else ""
    shown = e.intake_by and r.shows_handlers
    facts.append((L.intake, L.intake_by.format(at=at, who=r.scrub(e.intake_by)) if shown else at))
    collector = (r.scrub(e.collected_by) if r.shows_handlers else L.hidden) if e.collected_by else missing
    facts += [(L.collected_by, collector), (L.collection_tool, r.scrub(e.collection_tool) or missing),
              (L.from_where, r.scrub(e.origin) or missing), (L.obtained, r.scrub(e.obtained_how) or missing),
              (L.preservation, r.scrub(e.preservation) or missing)]
    # Outside full: no camera, device, GPS position or document properties (they
    # can name a person, a phone or the place where someone lives).
    if r.shows_capture:
        camera = " ".join(x for x in (e.camera_make, e.camera_model) if x)
        if camera:
            facts.append((L.camera, camera))
        if e.latitude is not None and e.longitude is not None:
            facts.append((L.gps, f"{e.latitude:.5f}, {e.longitude:.5f}"))
        document = "; ".join(x for x in (e.document_title, e.document_author, e.document_created,
                                         e.document_modified) if x)
        if document:
            facts.append((L.document, document))
    for proof in capture.proofs(e.extra()):  # the phone's key can name the phone: shown where capture details are
        facts.append((L.capture, capture.summary(proof, lambda key: getattr(L, f"capture_{key}"),
                                                 with_signer=r.shows_capture)))
    if e.derived_from_id:
        facts.append((L.derived_from, derived_codes.get(e.derived_from_id, "")))
    if e.caveats:
        facts.append((L.caveats, r.scrub(e.caveats)))
    internal = note(e.note)
    if internal:
        facts.append((L.note, r.scrub(internal)))
    return facts
