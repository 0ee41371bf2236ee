"""The sample case behind ``casefile --demo`` and ``casefile demo OUT``.

It ships as interchange JSON (``resources/sample/guerrero-2013.json``): the
events of one 2013 news report from Guerrero, recorded as a documenter would,
plus one protected witness and one confidential interview that are marked as
illustrative. ``create_demo_case`` makes a new case and imports it; when the
evidence vault is available it also takes in a small illustrative image.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..model import CaseInfo, Evidence
from ..resources import resource
from ..store import Case
from ..store.case import remove_case_files
from .interchange.importer import import_json

SAMPLE = ("sample", "guerrero-2013.json")
SAMPLE_IMAGE = ("sample", "evidence", "roadblock-sketch.png")
#: the incident the illustrative image is linked to (the roadblock where soldiers were held)
IMAGE_TARGET = ("INC-0003", "context")


def sample_path() -> Path:
    return resource(*SAMPLE)


def create_demo_case(path: str | os.PathLike, passphrase: str | None = None) -> Case:
    """A new case at ``path`` holding the sample; returned open."""
    info = json.loads(sample_path().read_text(encoding="utf-8"))["case"]
    case = Case.create(path, info["title"], documenter=info.get("documenter", ""),
                       organisation=info.get("organisation", ""), passphrase=passphrase,
                       language=info.get("language", "en"))
    try:
        with case.session() as session:  # through the session, so the history records it
            row = session.get(CaseInfo, 1)
            assert row is not None  # Case.create wrote it
            row.description = info.get("description", "")
        import_json(case, sample_path())
        _take_in_image(case)
    except BaseException:
        case.close(backup=False)
        remove_case_files(Path(path))
        raise
    return case


def _take_in_image(case: Case) -> None:
    """Take in the illustrative image if the evidence vault offers intake."""
    image = resource(*SAMPLE_IMAGE)
    try:
        from .evidence import intake
    except ImportError:  # the vault is not part of this build
        return
    if not image.is_file():
        return
    taken = intake(case, image, link=IMAGE_TARGET, obtained_how="Drawn for the sample case (illustrative, not "
                   "evidence of the events).", origin="Casefile sample")
    with case.session() as session:  # what a reader must know is a caveat: notes stay with the team
        evidence = session.get(Evidence, taken.id)
        if evidence is not None:
            evidence.caveats = ("Illustrative sketch of a roadblock; it depicts no real scene and is not evidence. "
                                "/ Boceto ilustrativo: no es evidencia.")
            evidence.collection_tool = "Drawn for the sample (not a capture)"
            evidence.preservation = "The original file kept unaltered in the case file, SHA-256 taken at intake"
            evidence.consent = "publication"  # drawn for the sample: anyone may have it
            evidence.consent_recorded_by = "Casefile sample"
