"""The dossier as printed: every font embedded, no word cut in a table cell,
type sizes, hashes read aloud in eights, sections that say they continue,
Chinese, Japanese, Korean and Arabic drawn with real glyphs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile
from sqlalchemy import select

from casefile import dossier
from casefile.dossier import fonts, write_dossier
from casefile.dossier.labels import BUILTIN, TEXT
from casefile.model import CaseInfo, Incident, Place
from casefile.resources import resource
from casefile.services.interchange.export import build_document

sample = pytest.importorskip("casefile.services.sample")
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
                             reason="poppler-utils not installed")

TITLES = {
    "zh": "北京警方拘留了三名记者",
    "ja": "東京で記者が拘束された",
    "ko": "서울에서 기자가 체포되었다",
    "ar": "اعتقال صحفيين في القاهرة",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    case = sample.create_demo_case(tmp_path_factory.mktemp("typo") / "demo.casefile")
    yield case
    case.close()


@pytest.fixture(scope="module")
def dossiers(demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dossiers")
    out = {}
    for profile, lang in (("full", "en"), ("full", "es"), ("public", "es")):
        path = folder / f"{profile}-{lang}.pdf"
        write_dossier(demo, path, profile=profile, lang=lang)
        out[profile, lang] = path
    return out


def pdffonts(path) -> list[dict[str, str]]:
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        # name, type (may hold a space), encoding, emb, sub, uni, object id: read from the right.
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def layout_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def known_words(case) -> set[str]:
    """Every word the case, the dossier's labels and its fixed texts hold."""
    texts = strings(build_document(case)) + list(TEXT.values()) + [t for table in BUILTIN.values()
                                                                     for t in table.values()]
    # and what the code prints itself (figure captions, map legends...): every word of the package's source
    texts += [path.read_text(encoding="utf-8") for path in Path(dossier.__file__).parent.parent.rglob("*.py")]
    texts.append(resource("vocabularies.json").read_text(encoding="utf-8"))
    words: set[str] = set()
    for text in texts:
        for word in WORD.findall(text.lower()):  # labels print lower-cased too ("cercano" for "Cercano")
            words.add(word)
            words.update(word.split("-"))
    return words


def broken_words(text: str, words: set[str]) -> list[str]:
    """Tokens of ``text`` that are the head of a known word cut without a
    hyphen ("Announcemen" for "Announcement" in a narrow cell). A cut word
    always leaves such a head; a hyphenated one leaves "An-" instead."""
    words = {w.lower() for w in words}
    prefixes: dict[str, str] = {}
    for word in words:
        for n in range(3, len(word)):
            prefixes.setdefault(word[:n], word)
    bare = [t.lower().strip(".,;:()[]\u201c\u201d\"'\u2018\u2019\u00b7\u2192\u2014") for t in text.split()]
    hyphen_heads = {t[:-1] for t in bare if t.endswith("-") and len(t) > 1}
    out = []
    for token in dict.fromkeys(bare):
        if token in words or token.endswith("-") or not WORD.fullmatch(token) or token not in prefixes:
            continue
        # The tail of a hyphenated word may happen to begin another word ("ing" of "document-ing").
        if any(w.endswith(token) and w[:-len(token)].rstrip("-").endswith(tuple(hyphen_heads))
               for w in words if len(w) > len(token)) if hyphen_heads else False:
            continue
        out.append(f"{token!r} (of {prefixes[token]!r})")
    return out


@poppler
def test_every_font_is_embedded(dossiers):
    for path in dossiers.values():
        rows = pdffonts(path)
        assert rows, path
        assert all(row["emb"] == "yes" for row in rows), rows
        assert all("Helvetica" not in row["name"] and "Times" not in row["name"] for row in rows), rows


@poppler
@pytest.mark.parametrize("which", [("full", "en"), ("full", "es"), ("public", "es")])
def test_no_word_is_cut_mid_word(demo, dossiers, which):
    text = layout_text(dossiers[which])
    broken = broken_words(text, known_words(demo))
    assert not broken, broken


def test_the_word_check_sees_a_cut_word():
    words = {"Announcement", "corroborated", "takeover"}
    assert broken_words("Announcemen  takeover\nt", words) == ["'announcemen' (of 'announcement')"]
    assert broken_words("corroborate\nd", words)
    assert broken_words("An-\nnouncement corrob-\norated", words) == []
    assert broken_words("Inde-\npen-\ndent", {"Independent", "dentist"}) == []


def figure_pages(reader: PdfReader) -> set[int]:
    """Pages of the Figures section: a chart's labels are not body text."""
    top = reader.outline
    out: set[int] = set()
    for n, item in enumerate(top):
        if not isinstance(item, list) and item.title in ("Figures", "Figuras") and n + 1 < len(top) \
                and isinstance(top[n + 1], list):
            out |= {reader.get_destination_page_number(child) for child in top[n + 1] if not isinstance(child, list)}
    return out


def test_body_text_is_9_pt_and_hashes_8_pt_in_groups_of_eight(dossiers):
    reader = PdfReader(dossiers["full", "en"])
    height = float(reader.pages[0].mediabox.height)
    small = []
    figures = figure_pages(reader)
    for number, page in enumerate(reader.pages):
        if number in figures:
            continue
        def visit(text, cm, tm, font, size, number=number):
            if not text.strip() or font is None:
                return
            y = tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", ""))
            real = size * abs(tm[3] or 1) * abs(cm[3] or 1)
            if y < 60 or y > height - 60:  # the marking, the header and "Page X of Y"
                return
            limit = 8 if "Mono" in name else 9
            if real < limit - 0.01:
                small.append((number + 1, name, round(real, 2), text.strip()[:30]))
        page.extract_text(visitor_text=visit)
    assert not small, small[:10]
    text = "\n".join(page.extract_text() for page in reader.pages)
    hashes = re.findall(r"\b[0-9a-f]{8}(?: [0-9a-f]{8}){7}\b", text)
    assert hashes  # evidence hashes and the audit head, read aloud in eights
    assert not re.search(r"\b[0-9a-f]{64}\b", text)  # none in one piece


def outline_pages(reader: PdfReader) -> list[tuple[int, str]]:
    entries: list[tuple[int, str]] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                entries.append((reader.get_destination_page_number(item), item.title))

    walk(reader.outline)
    return entries


def test_a_section_continued_on_a_new_page_says_so(dossiers):
    for (_profile, lang), path in dossiers.items():
        reader = PdfReader(path)
        word = "(continued)" if lang == "en" else "(continuación)"
        entries = outline_pages(reader)
        seen = 0
        for number, page in enumerate(reader.pages):
            lines = [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
            body = [line for line in lines if not re.search(r"CONFIDENCIAL|CONFIDENTIAL|PÚBLICO|PUBLIC|Page \d|"
                                                             r"Página \d", line)]
            opened = [title for at, title in entries if at <= number]
            continued = [line for line in body[:3] if line.endswith(word)]
            if continued:
                seen += 1
                # the heading repeated is the section (or incident) the page goes on with
                assert continued[0][:-len(word)].strip()[:40] in [t[:40] for t in opened], (number, continued)
        assert seen, path  # the sample's registers run over pages


def test_a_claim_heading_is_never_left_alone_at_a_page_foot(dossiers):
    for path in dossiers.values():
        for page in PdfReader(path).pages:
            text = page.extract_text() or ""
            body = re.sub(r"(CONFIDENTIAL|CONFIDENCIAL|PUBLIC - REDACTED|PÚBLICO - TESTADO|P\w+gin?a \d+ \w+ \d+)",
                          "", text)
            for match in re.finditer(r"CLM-\d{4} \u2014", body):
                rest = body[match.end():]
                assert re.search(r"Credibilit|Credibilidad|\u201c", rest), rest[:200]


def font_cmap(name: str) -> set[int] | None:
    """The characters the font a PDF names (subset prefix dropped) has glyphs for."""
    base = name.split("+", 1)[-1]
    for filename in fonts.FILES.values():
        if filename.removesuffix(".ttf") == base:
            return set(TTFontFile(str(resource("fonts", filename))).charToGlyph)
    if fonts.fallback_font():
        from reportlab.pdfbase import pdfmetrics

        face = pdfmetrics.getFont(fonts.FALLBACK).face
        if base.split("-")[0] == face.name.decode("latin-1"):  # "WenQuanYiZenHei-0": index in its collection
            return set(face.charToGlyph)
    return None


def drawn_characters(path) -> dict[str, set[str]]:
    """{font name: every character it is asked to draw}, read from each font's ToUnicode map."""
    reader = PdfReader(path)
    out: dict[str, set[str]] = {}
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            cmap = font.get("/ToUnicode")
            if cmap is None:
                continue
            data = cmap.get_object().get_data().decode("latin-1")
            chars = out.setdefault(str(font["/BaseFont"]).lstrip("/"), set())
            for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
                for hexed in re.findall(r"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", block):
                    chars.add(bytes.fromhex(hexed).decode("utf-16-be"))
            for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
                for lo, hi, start in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    first = ord(bytes.fromhex(start).decode("utf-16-be"))
                    chars.update(chr(first + n) for n in range(int(hi, 16) - int(lo, 16) + 1))
    return out


@poppler
def test_chinese_japanese_korean_and_arabic_titles_render(case, tmp_path):
    if fonts.fallback_font() is None:
        pytest.skip("no CJK TrueType font on this computer (Debian: fonts-wqy-zenhei)")
    with case.session() as s:
        place = Place(name="القاهرة", country="مصر")
        for lang, title in TITLES.items():
            s.add(Incident(title=title, start_date="2020-01", description=f"{title}: {title}",
                           place=place if lang == "ar" else None))
        s.scalars(select(CaseInfo)).one().title = "记者案 \u00b7 Caso"
    out = tmp_path / "scripts.pdf"
    result = write_dossier(case, out)
    assert result.warnings == []
    rows = pdffonts(out)
    assert all(row["emb"] == "yes" for row in rows)
    assert any("WenQuanYi" in row["name"] for row in rows), rows
    # No .notdef: every character a font is asked to draw is one it has a glyph for.
    for name, chars in drawn_characters(out).items():
        cmap = font_cmap(name)
        assert cmap is not None, name
        missing = sorted(c for c in chars if ord(c) not in cmap and not unicodedata.category(c).startswith("C"))
        assert not missing, (name, missing)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for lang in ("zh", "ja", "ko"):
        assert TITLES[lang] in text, lang
    assert "记者案" in text
    # Arabic: drawn in joined (presentation) forms, in visual order; the letters come back.
    letters = unicodedata.normalize("NFKC", text)
    for word in TITLES["ar"].split():
        assert word in letters or word[::-1] in letters, word


def test_without_a_cjk_font_the_build_warns_in_one_line(tmp_path):
    path = tmp_path / "cjk.casefile"
    code = ("import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))")
    env = {"CASEFILE_CJK_FONT": "none", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", code, "new", str(path), "--title", "北京"], capture_output=True,
                         text=True, env=env)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-c", code, "export", str(path), "--format", "pdf", "-o",
                          str(tmp_path / "out.pdf")], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("note: some characters have no font") and "Traceback" not in run.stderr
    assert (tmp_path / "out.pdf").stat().st_size > 0
