"""Render pages of the sample case's dossiers to resources/screenshots/ (needs pdftoppm).

    uv run python scripts/dossier_pages.py [--out resources/screenshots] [--dpi 60]

For each profile (full, partner, public) and language (en, es): the cover,
the findings and the first incident section, as ``dossier-<profile>-<lang>-<page>.png``.
The pages are found by their headings, so the images follow the dossier's layout.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROFILES = ("full", "partner", "public")
LANGS = ("en", "es")
#: the page to show, found by the first line of text that starts it
HEADINGS = {"en": {"findings": "Findings", "incident": "INC-0001"},
            "es": {"findings": "Hallazgos", "incident": "INC-0001"}}


def page_starting(reader, text: str, after: int = 1) -> int | None:
    """The first page (1-based) after ``after`` whose text begins a section named ``text``."""
    for number, page in enumerate(reader.pages, start=1):
        if number <= after:
            continue
        lines = [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        # A heading is a line of its own ("Findings"); a contents line has dots and a page number.
        if any(line == text or (line.startswith(text + " ") and "..." not in line) for line in lines[:6]):
            return number
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "resources" / "screenshots"))
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    from pypdf import PdfReader

    from casefile.dossier import write_dossier
    from casefile.services.sample import create_demo_case

    out = Path(args.out)
    with tempfile.TemporaryDirectory() as folder:
        case = create_demo_case(Path(folder) / "sample.casefile")
        try:
            for profile in PROFILES:
                for lang in LANGS:
                    pdf = Path(folder) / f"{profile}-{lang}.pdf"
                    write_dossier(case, pdf, profile=profile, lang=lang)
                    reader = PdfReader(pdf)
                    pages = {"cover": 1}
                    for name, heading in HEADINGS[lang].items():
                        found = page_starting(reader, heading)
                        if found:
                            pages[name] = found
                    for name, number in pages.items():
                        target = out / f"dossier-{profile}-{lang}-{name}"
                        subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(number), "-l",
                                        str(number), "-singlefile", str(pdf), str(target)], check=True)
                        print(f"{target}.png (page {number})")
        finally:
            case.close(backup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
