"""The sample case says what its news report says, no more: read back from
the public dossier, where only what every reader gets is left."""

import re

import pytest

from casefile.dossier import write_dossier

from .conftest import pdf_text

sample = pytest.importorskip("casefile.services.sample")
REPORT = "/work/shared/samples/news-report-guerrero-2013.txt"


def flat(text: str) -> str:
    return re.sub(r"(\w)- (\w)", r"\1\2", re.sub(r"\s+", " ", text))


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    case = sample.create_demo_case(folder / "demo.casefile")
    try:
        write_dossier(case, folder / "public.pdf", profile="public")
    finally:
        case.close(backup=False)
    return flat(pdf_text(folder / "public.pdf"))


def test_men_in_black_were_seen_not_armed(public):
    assert "INC-0005 Men dressed in black seen in the communities" in public
    assert "armed men" not in public.lower() and "hombres armados" not in public.lower()
    assert "Sighting" in public and "The report does not say they were armed." in public


def test_the_weapons_were_theirs_not_found(public):
    assert not re.search(r"weapons[^.]*\bfound\b|\bfound\b[^.]*weapons", public)
    assert "who had in the trunk of their vehicle a number of weapons" in public


def test_both_counts_with_their_difference(public):
    assert '"an estimated 60"' in public and '"at least 60"' in public
    assert "they are not two independent counts" in public
    assert "about 60" in public  # the head count, as approximate


def test_what_the_documenter_inferred_or_invented_says_so_in_every_profile(public):
    assert public.count("Date inferred from the report") >= 3
    assert "Year inferred from the report's date" in public
    assert public.count("Title as filed by the documenter") >= 4
    assert "is the documenter's inference from \"military patrol\"" in public
    assert "Illustrative sketch of a roadblock" in public  # the image is not evidence, says every copy
    # the originals relayed by InSight Crime were not found: said in each chain
    assert public.count("(original not located)") >= 4


def test_quotes_are_the_reports_words():
    try:
        report = flat(open(REPORT, encoding="utf-8").read())
    except OSError:
        pytest.skip("the news report is not on this machine")
    import json
    document = json.loads(sample.sample_path().read_text(encoding="utf-8"))
    for claim in document["claims"]:
        if claim["quote"] and "illustrative" not in claim["caveats"].lower():
            assert flat(claim["quote"]) in report, claim["code"]
