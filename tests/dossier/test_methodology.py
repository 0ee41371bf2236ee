"""The methodology states a standard of proof once, defines every term it
shows (never the label as its own meaning), computes the limitations, says
how people are protected, and why each source got its grade; in Spanish it
shows Spanish terms, not stored codes."""

import re

from sqlalchemy import select

from casefile.dossier import write_dossier
from casefile.dossier.methodology import DEFINED, DEFINITIONS
from casefile.model import Source, VocabularyTerm

from .conftest import pdf_text


def flat(text: str) -> str:
    return re.sub(r"(\w)- (\w)", r"\1\2", re.sub(r"\s+", " ", text))


def methodology(text: str) -> str:
    """The methodology section, from its heading (not a "continued" one) on."""
    text = flat(text)
    starts = [m.start() for m in re.finditer(r"(Methodology|Metodología)(?! \(contin)", text)]
    return text[starts[-1]:]


def test_every_term_is_defined_by_a_sentence_not_by_its_label():
    for (vocabulary, key), (english, spanish) in DEFINITIONS.items():
        assert english.endswith(".") and spanish.endswith("."), (vocabulary, key)
        assert english.strip(".").lower() != key.replace("_", " ")
    for vocabulary, _ in DEFINED:
        if vocabulary not in ("reliability", "credibility"):  # the Admiralty scales carry their own
            assert any(v == vocabulary for v, _ in DEFINITIONS), vocabulary


def test_methodology_defines_limits_protects_and_gives_reasons(sample, tmp_path):
    with sample.case.session() as s:
        jornada = s.scalars(select(Source).where(Source.outlet == "La Jornada")).one()
        jornada.reliability_reason = "National daily with a correspondent in Guerrero."
    out = tmp_path / "full.pdf"
    write_dossier(sample.case, out)
    text = methodology(pdf_text(out))
    assert flat(pdf_text(out)).count("reasonable grounds to believe") == 1  # stated once
    assert "Confirmed The information meets the standard of proof" in text
    assert "Unverified No independent origin has yet confirmed or contradicted the claim." in text
    assert "carried out The actor is reported to have done the act directly." in text
    assert "Perpetrator The actor is reported to have committed the act" in text
    for label in ("Confirmed", "Unverified", "Perpetrator"):
        assert not re.search(rf"\b{label} {label}\b", text)  # never the label as its meaning
    # limitations computed from the case: the analysis has no address, La Jornada has one
    no_url = re.search(r"No address \(URL\) recorded for: ([^.]*)\.", text).group(1)
    assert jornada.code not in no_url and no_url
    assert "Consent and do no harm" in text and "Protected people: 1" in text
    assert re.search(rf"{jornada.code} Retienen autodefensas a 60 militares B - Usually reliable National daily "
                     r"with a correspondent in Guerrero\.", text)


def test_spanish_methodology_shows_spanish_terms(sample, tmp_path):
    out = tmp_path / "es.pdf"
    write_dossier(sample.case, out, lang="es")
    text = methodology(pdf_text(out))
    assert "Sin verificar Ningún origen independiente" in text
    assert "Confirmada La información alcanza el estándar de prueba" in text
    assert "motivos razonables para creer" in text
    for code in ("unverified", "corroborated", "carried_out", "confirmed", "perpetrator"):
        assert not re.search(rf"\b{code}\b", text), code
    whole = flat(pdf_text(out))
    assert "B - Generalmente fiable" in whole and "Usualmente" not in whole
    assert "Huella del historial" in whole and "Cabeza del historial" not in whole
    assert "vincula todo el historial" in whole and "compromete" not in whole
    with sample.case.session() as s:  # the case's own terms: what the dossier reads
        assert s.scalars(select(VocabularyTerm.label_es).where(VocabularyTerm.vocabulary == "reliability", VocabularyTerm.key == "B")).one() == \
            "B - Generalmente fiable"
