"""Write a dossier: load the scope, build the story, lay it out, write the
file atomically, and record its SHA-256 in the case's audit log."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.utils import ImageReader

from ..errors import CasefileError
from ..i18n import translate
from ..model import BY_KIND, PartialDate
from ..services.keys import DocumenterKey
from ..services.redaction import Redactor, check_profile
from ..services.redaction.faces import apply_faces, check_faces
from ..store import audit, outputs
from . import fonts
from .data import Loader, Scope
from .figures import dossier_figures
from .images import previews
from .labels import Labels
from .story import DossierStory
from .template import Cancelled, DossierTemplate
from .text import one_line

Progress = Callable[[int, int, str], None]


class DossierCancelled(CasefileError):
    """The user stopped the export; nothing was written."""


@dataclass(frozen=True)
class DossierResult:
    path: Path
    pages: int
    sha256: str
    withheld: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # one line each, for the person who made it
    #: the codes of the records it shows, by kind (a handover holds the same records)
    shown: dict[str, set[str]] = field(default_factory=dict)
    #: the sources and evidence items in scope left out for their consent: (code, why)
    refused: list[tuple[str, str]] = field(default_factory=list)


def write_dossier(case, out_path, *, profile: str = "full", incidents: list[str] | None = None,
                  tag: str | None = None, date_from: str | None = None, date_to: str | None = None,
                  lang: str = "en", organisation: str | None = None, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, force: bool = False,
                  pdfa: bool = False, faces: str = "blur", signer: DocumenterKey | None = None,
                  recipient: str | None = None, history: bool = True) -> DossierResult:
    """Write the case's dossier to ``out_path`` as PDF and return what was written.

    Scope: the whole case, or the incidents with the given codes, ``tag``, or
    partial ISO dates ``date_from``/``date_to`` (claims, actors, sources and
    evidence follow from the incidents). Raises :class:`CasefileError` for a
    bad profile, scope or folder, :class:`DossierCancelled` when ``cancelled()``
    turns true; in both cases nothing is left at ``out_path``. ``pdfa``: an
    archival PDF/A-2b file (XMP metadata, sRGB output intent). ``faces``: in
    partner and public, pictures flagged as showing faces are blurred
    (``blur``) or left out and counted (``omit``). ``signer``: the
    documenter's key signs the finished file (PAdES; the cover says by whom
    and how to check it), and the history records the signed file's hash.
    ``recipient``: a mechanism or court it is handed to, whose consent each
    source and evidence item must give (``services/consent.py``). ``history``:
    record the export in the case's history (a handover records its own
    entry, once the whole bag is in place). ``out_path`` is
    checked by ``store.outputs`` (an existing file is replaced only with
    ``force``; never a case, a folder, a link or a device).
    """
    check_profile(profile)
    check_faces(faces)
    PartialDate.from_iso(date_from)  # raise a clear error for a bad date before any work
    PartialDate.from_iso(date_to)
    out = Path(out_path)
    outputs.check_output(out, force=force, open_cases=(case.path,))  # before any work
    labels = Labels(lang)
    scope = Scope(incidents=list(incidents) if incidents else None, tag=tag or None,
                  date_from=date_from or None, date_to=date_to or None)

    def report(done: int, total: int, message: str) -> None:
        if progress is not None:
            progress(done, total, message)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise DossierCancelled(translate("Dossier", "Dossier cancelled; nothing was written."))

    report(0, 0, translate("Dossier", "Reading the case"))
    audit_head = case.attested_head()  # never vouch for a case that does not verify
    with case.session() as session:
        redactor = Redactor(session, profile, recipient=recipient)
        data = Loader(session, redactor, labels, scope).load(audit_head, organisation, date.today())
        check()
        report(0, 0, translate("Dossier", "Preparing images"))
        images = previews(session.connection(), [(e.id, e.sha256, e.media_type, e.size)
                                                 for e in data.evidence.values()])
        images, hidden = apply_faces(images, redactor.faces, faces)  # faces blurred or left out, outside full
        data.withheld.update(hidden)
        refused = _codes(session, redactor.refusals())
    check()
    readers = {evidence_id: ImageReader(io.BytesIO(jpeg)) for evidence_id, jpeg in images.items()}
    fonts.reset()
    if signer is not None:
        data.signed_by = translate("Dossier", "{name}, key {fingerprint}").format(
            name=signer.name or translate("Dossier", "the documenter"), fingerprint=signer.fingerprint)
    maker = DossierStory(data, labels, readers)
    maker.figures = dossier_figures(case, redactor.fresh(), {i.id for i in data.incidents}, lang=labels.lang)
    story = maker.build()
    total = len(story)

    def on_flowable(count: int) -> None:
        if count % 25 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            report(min(count, total), total, translate("Dossier", "Laying out pages"))

    marking = labels.marking(profile)
    # Written through store.outputs: checked before and again just before it
    # is put in place, never left half written (a failed or cancelled build
    # leaves nothing), and in place only together with its history entry.
    try:
        with outputs.atomic_output(out, force=force, open_cases=(case.path,)) as output:
            doc = DossierTemplate(output, marking=marking, header=one_line(data.title), page_label=labels.page_of,
                                  title=one_line(data.title), subject=labels.subject.format(marking=marking),
                                  on_flowable=on_flowable, continued=labels.heading_continued, pdfa=pdfa)
            doc.multiBuild(story, maxPasses=6)
            pages = doc.page
            if signer is not None:
                # Imported only to sign: pyHanko and what it brings (aiohttp
                # among them) took 0.35 s of the 1.2 s the writer took to import.
                from .signing import sign_stream

                report(total, total, translate("Dossier", "Signing"))
                output.amend(lambda stream: sign_stream(stream, signer, reason=labels.signed_reason))
            sha256 = output.sha256
            with case.connection() as conn:
                if history and not case.read_only:  # a read-only case: the caller tells the hash instead
                    audit.append(conn, "export-dossier", who=case.documenter, kind="dossier", changes={
                        "sha256": sha256, "pages": pages, "profile": profile, "scope": data.scope,
                        "lang": labels.lang, "withheld": data.withheld})
                output.commit()
    except Cancelled:
        raise DossierCancelled(translate("Dossier", "Dossier cancelled; nothing was written.")) from None
    report(total, total, translate("Dossier", "Dossier written"))
    warnings = []
    if fonts.missing():
        warnings.append(translate("Dossier", "some characters have no font on this computer and print as empty "
                                  "boxes; for Chinese, Japanese or Korean install a TrueType font such as "
                                  "WenQuanYi Zen Hei (Debian: fonts-wqy-zenhei)"))
    shown = {"incident": {i.code for i in data.incidents}, "claim": {c.code for c in data.claims.values()},
             "actor": {a.code for a in data.actors}, "place": {p.code for p in data.places},
             "source": {x.code for x in data.sources}, "evidence": {e.code for e in data.evidence.values()}}
    return DossierResult(path=output.path, pages=pages, sha256=sha256, withheld=dict(data.withheld),
                         warnings=warnings, shown=shown, refused=refused)


def _codes(session, refusals: list[tuple[str, int, str]]) -> list[tuple[str, str]]:
    """(kind, id, why) as (code, why)."""
    out = []
    for kind, ident, why in refusals:
        record = session.get(BY_KIND[kind], ident)
        if record is not None:
            out.append((record.code, why))
    return sorted(out)
