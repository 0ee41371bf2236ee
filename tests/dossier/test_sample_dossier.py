"""The shipped sample case's dossier: valid, navigable, complete, and safe."""

import re
import shutil
import subprocess

import pytest
from sqlalchemy import select

from casefile.dossier import write_dossier
from casefile.model import RECORD_CLASSES, Actor, Source

from .conftest import leaks, outline_titles, pdf_text

sample = pytest.importorskip("casefile.services.sample")


@pytest.fixture
def demo(tmp_path):
    case = sample.create_demo_case(tmp_path / "demo.casefile")
    yield case
    case.close()


def test_sample_dossier_is_complete(demo, tmp_path):
    out = tmp_path / "out" / "sample.pdf"
    out.parent.mkdir()
    result = write_dossier(demo, out)
    if shutil.which("qpdf"):
        assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True).returncode == 0
    text = re.sub(r"\s+", " ", pdf_text(out))
    assert f"Page 1 of {result.pages}" in text
    titles = outline_titles(out)
    with demo.session() as s:
        codes = [code for cls in RECORD_CLASSES for code in s.scalars(select(cls.code))]
        incidents = s.execute(select(RECORD_CLASSES[0].code, RECORD_CLASSES[0].title)).all()
        secrets = [a.name for a in s.scalars(select(Actor).where(Actor.protected))]
        secrets += [src.title for src in s.scalars(select(Source).where(Source.confidential))]
    missing = [code for code in codes if code not in text]
    assert not missing
    for code, _title in incidents:
        assert any(t.startswith(code) for t in titles), code
    public = tmp_path / "out" / "public.pdf"
    write_dossier(demo, public, profile="public")
    for secret in secrets:
        assert not leaks(public, secret), secret
