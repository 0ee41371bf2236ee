"""A full dossier says whose copy each record came from (issue 18): the first merge
that brought it in names the sender's key; shared dossiers leave it out."""

from __future__ import annotations

import shutil

from sqlalchemy import select

from casefile.dossier import write_dossier
from casefile.model import Incident
from casefile.services.sample import create_demo_case
from casefile.store import Case
from tests.services.exchange_samples import bundle, key_for, merge

from .conftest import pdf_text


def test_a_full_dossier_names_the_copy_each_record_came_from(tmp_path):
    home, field = tmp_path / "coordinator.casefile", tmp_path / "rosa.casefile"
    create_demo_case(home).close(backup=False)
    shutil.copy(home, field)
    rosa = key_for(tmp_path, "Rosa Hernández")
    with Case.open(field) as case, case.session() as s:
        s.add(Incident(title="Retén en la carretera a Tecoanapa", start_date="2013-08-12"))
    merge(home, bundle(field, tmp_path / "rosa.cfbundle", rosa), key_for(tmp_path, "Coordinator"))
    with Case.open(home) as case:
        with case.session() as s:
            code = s.scalars(select(Incident.code).where(Incident.title.like("Retén%"))).one()
        write_dossier(case, tmp_path / "full.pdf", profile="full")
        write_dossier(case, tmp_path / "partner.pdf", profile="partner")
        write_dossier(case, tmp_path / "es.pdf", profile="full", lang="es")
    full = " ".join(pdf_text(tmp_path / "full.pdf").split())
    assert "Where the records came from" in full
    assert f"{code} Rosa Hernández {rosa.fingerprint}" in full
    assert "INC-0001 Rosa" not in full  # recorded in this copy: not listed
    partner = pdf_text(tmp_path / "partner.pdf")
    assert "Where the records came from" not in partner and rosa.fingerprint not in partner
    assert "Procedencia de los registros" in " ".join(pdf_text(tmp_path / "es.pdf").split())
