"""The findings come right after the cover: each incident as an allegation
with its independent origins counted by origin, and the information gaps."""

import re

from casefile.dossier import write_dossier

from .conftest import outline_titles, pdf_text


def flat(text: str) -> str:
    """One line, words hyphenated at a line end made whole again."""
    return re.sub(r"(\w)- (\w)", r"\1\2", re.sub(r"\s+", " ", text))




def findings_page(path) -> str:
    from pypdf import PdfReader
    pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    return flat(pages[1])  # right after the cover


def test_findings_follow_the_cover_with_origins_counted_by_origin(sample, tmp_path):
    out = tmp_path / "full.pdf"
    write_dossier(sample.case, out)
    page = findings_page(out)
    assert "Findings" in page and "Allegations" in page
    titles = outline_titles(out)
    assert titles.index("Findings") < titles.index("Contents")
    # INC-0001 (the detention): Plácido through La Jornada, and the protected witness
    # in a confidential interview; the claim supporting the witness was read in the same
    # interview, so it adds no origin: two origins from two claims.
    assert re.search(r"INC-0001 .*?2 \(claims: 2\)", page)
    assert "Liberty and security of person (ICCPR art. 9)" in page  # a detention: the right concerned
    assert "Basis: claims CLM-0001, CLM-0002" in page
    assert "Affected: UPOEG (Victim)" in page and "By: Ejército Mexicano (Perpetrator, carried out)" in page
    text = flat(pdf_text(out))
    assert "Information gaps" in text
    # the roadblock's one claim (read in the interview) is supported by La Jornada: two origins
    assert re.search(r"INC-0002 .*?2 \(claims: 1\)", page)
    # the raid rests on one origin, and its date is known only to the month
    assert re.search(r"Resting on a single origin \(no independent corroboration\): INC-0003\.", text)
    assert re.search(r"Date approximate or known only to the month or year: [^.]*INC-0003", text)
    assert re.search(r"Stance of the accused not known: [^.]*CLM-0002", text)


def test_shared_findings_count_only_what_the_reader_sees(sample, tmp_path):
    out = tmp_path / "public.pdf"
    write_dossier(sample.case, out, profile="public")
    page = findings_page(out)
    # the witness's claim rests only on the confidential interview: withheld, not counted
    assert re.search(r"INC-0001 .*?1 \(claims: 1\)", page)
    assert "INC-0003" not in page  # the confidential incident
    assert "Testigo A" not in page or "María" not in page


def test_findings_in_spanish(sample, tmp_path):
    out = tmp_path / "es.pdf"
    write_dossier(sample.case, out, lang="es")
    page = findings_page(out)
    assert "Hallazgos" in page and "Alegaciones" in page and "Orígenes" in page
    assert "Libertad y seguridad personales (PIDCP art. 9)" in page
    assert "Lagunas de información" in flat(pdf_text(out))
