"""Where the dossier's outline entries and contents links land: on the page,
and at the height, where the section's heading is printed, in every profile
and both languages."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject

from casefile.dossier import write_dossier

sample = pytest.importorskip("casefile.services.sample")

LEADER = re.compile(r"^[\s.]*$")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def fragments(page) -> list[tuple[float, float, str]]:
    """(x, y, text) of every piece of text drawn on the page, y from the foot."""
    out: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    return out


def lands_on_heading(reader: PdfReader, dest: list, title: str) -> str:
    """'' when ``dest`` (a page destination array) shows ``title`` at its
    top; else what is wrong."""
    target = dest[0]
    page_number = int(target) if isinstance(target, int) else reader.get_page_number(target.get_object())
    page = reader.pages[page_number]
    text = squash(page.extract_text() or "")
    wanted = squash(title)
    if wanted not in text:
        return f"{title!r}: not on page {page_number + 1} ({text[:120]!r})"
    if str(dest[1]) == "/XYZ" and isinstance(dest[3], (int, float)):
        top = float(dest[3])
        first_word = wanted.split(" ")[0]
        heights = [y for x, y, t in fragments(page) if t.startswith(first_word)]
        if not any(0 <= top - y <= 40 for y in heights):
            return f"{title!r}: destination at {top:.0f} pt, heading at {heights}"
    return ""


def outline(reader: PdfReader) -> list:
    items: list = []

    def walk(nodes):
        for node in nodes:
            if isinstance(node, list):
                walk(node)
            else:
                items.append(node)

    walk(reader.outline)
    return items


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    case = sample.create_demo_case(tmp_path_factory.mktemp("nav") / "demo.casefile")
    yield case
    case.close()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("profile", ["full", "partner", "public"])
def test_outline_and_contents_land_on_their_headings(demo, tmp_path, profile, lang):
    out = tmp_path / f"{profile}-{lang}.pdf"
    write_dossier(demo, out, profile=profile, lang=lang)
    reader = PdfReader(out)

    entries = outline(reader)
    assert len(entries) >= 10
    pages = [reader.get_destination_page_number(entry) for entry in entries]
    assert len(set(pages)) > 5, pages  # not all on one page
    assert pages == sorted(pages)  # the outline reads in page order
    wrong = [lands_on_heading(reader, _dest(entry), entry.title) for entry in entries]
    assert not [w for w in wrong if w]

    # The contents: every line is a link to where its heading is, and its printed page number is that page.
    contents = next(n for n, page in enumerate(reader.pages) if "/Annots" in page)
    links = 0
    problems = []
    for page_number in range(contents, len(reader.pages)):
        page = reader.pages[page_number]
        annots = [a.get_object() for a in page.get("/Annots") or []]
        annots = [a for a in annots if a.get("/Subtype") == "/Link" and "/Dest" in a]
        if not annots:
            break
        lines = fragments(page)
        for annot in annots:
            x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
            on_line = sorted((x, t) for x, y, t in lines if y1 - 3 <= y <= y2 + 1)
            words = [t for _, t in on_line if not LEADER.fullmatch(t.rstrip("0123456789"))]
            title = " ".join(t for t in words if not t.isdigit())
            number = next((int(m) for t in reversed([t for _, t in on_line])
                           for m in re.findall(r"(\d+)\s*$", t)), None)
            dest = annot["/Dest"]
            assert isinstance(dest, ArrayObject)
            landed = reader.get_page_number(dest[0].get_object())
            if number != landed + 1:
                problems.append(f"{title!r} prints page {number}, links to {landed + 1}")
            problem = lands_on_heading(reader, list(dest), title)
            if problem:
                problems.append(problem)
            links += 1
    assert links >= len([e for e in entries if e.title]) - 2  # the contents' own entry and "about" are not listed
    assert not problems


def _dest(entry) -> list:
    """An outline item's destination as [page, fit, args...]."""
    return [entry["/Page"], entry["/Type"], *(entry.get(k) for k in ("/Left", "/Top", "/Zoom"))]
