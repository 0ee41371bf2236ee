"""Dossier benchmark: a 1,000-incident case with 200 images.

    uv run python tests/perf/dossier_bench.py [--incidents 1000] [--images 200] [--profile full]

Compares, each in a fresh process:

- ``casefile``: ``write_dossier()`` end to end (queries, redaction, image
  re-encoding, story, layout with contents and "Page X of Y", atomic write,
  audit entry);
- ``reportlab``: plain ReportLab laying out the very same flowables (built
  beforehand, untimed) with a plain BaseDocTemplate, the usual contents /
  outline ``afterFlowable`` and the usual two-pass page-count canvas.

Reports wall and CPU time, and peak memory (growth of the resident set during
the measured call; ``--tracemalloc`` for Python's own peak, slower) for both,
and the ratios. Target: Casefile within 1.5x of ReportLab alone.

Measured 2026-11-24 (1,000 incidents, 200 images, 1,236 pages, machine at
load ~11, so wall time mostly measured the wait for a core):

                wall s     CPU s +MiB peak   pages
    reportlab   335.89     51.22     390.4    1236
    casefile    122.45     51.85     555.9    1236
    ratio: CPU 1.01x, peak memory 1.42x

Nearly all the time is ReportLab's own layout (pure-Python TrueType width
measurement: the optional ``rl_accel`` C extension would speed both sides).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = ("army community police roadblock detained soldiers village coordinator paramilitary armed men "
         "black uniforms highway municipality witnesses reported statement press release march "
         "self-defence group negotiation release agreement").split()


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_case(path: Path, n_incidents: int, n_images: int) -> None:
    """Fill a case with Core inserts (the JSON import is another module's job)."""
    from PIL import Image
    from sqlalchemy import insert

    from casefile.model import (
        Actor,
        Blob,
        BlobChunk,
        Chunk,
        Claim,
        ClaimSubject,
        CustodyEvent,
        Evidence,
        EvidenceLink,
        Incident,
        Involvement,
        Place,
        Source,
        Thumbnail,
        utcnow,
    )
    from casefile.store import Case

    rng = random.Random(7)
    now = utcnow()
    case = Case.create(path, "Bench case: Guerrero 2013", documenter="Bench", organisation="Bench org")
    n_places, n_actors, n_sources = 100, 300, 400
    with case.connection() as conn:
        conn.execute(insert(Place), [dict(code=f"PLC-{i:04d}", name=f"Place {i}", municipality="Tecoanapa",
                                          state="Guerrero", country="México", precision="municipality",
                                          latitude=17 + i / 1000, longitude=-99 - i / 1000)
                                     for i in range(1, n_places + 1)])
        conn.execute(insert(Actor), [dict(code=f"ACT-{i:04d}", name=f"Actor {i} {words(rng, 2)}",
                                          category="person" if i % 3 else "group", actor_type="community_police",
                                          description=words(rng, 20), protected=i % 10 == 0,
                                          pseudonym=f"Witness {i}" if i % 10 == 0 else "",
                                          contact=f"+52 744 {i:04d}" if i % 10 == 0 else "")
                                     for i in range(1, n_actors + 1)])
        conn.execute(insert(Source), [dict(code=f"SRC-{i:04d}", title=f"Report {i}: {words(rng, 6)}",
                                           outlet="La Jornada", author="Reporter", published="2013-08-06",
                                           reliability="ABCDEF"[i % 6], confidential=i % 25 == 0,
                                           pseudonym=f"Source {i}" if i % 25 == 0 else "",
                                           cites_id=i - 1 if i % 4 == 0 else None)
                                      for i in range(1, n_sources + 1)])
        conn.execute(insert(Incident), [dict(
            code=f"INC-{i:04d}", title=f"Incident {i}: {words(rng, 5)}",
            description=words(rng, 60) + "\n\n" + words(rng, 40),
            start_date=f"{2010 + i % 10}-{1 + i % 12:02d}" + (f"-{1 + i % 28:02d}" if i % 3 else ""),
            start_qualifier="approximate" if i % 4 == 0 else "exact", place_id=1 + i % n_places,
            incident_type=("detention", "roadblock", "armed_clash", "sighting")[i % 4],
            violation_status="likely", fatalities=i % 3) for i in range(1, n_incidents + 1)])
        conn.execute(insert(Involvement), [dict(incident_id=i, actor_id=1 + (i * k) % n_actors,
                                                role=("perpetrator", "victim", "witness")[k],
                                                head_count=10 * k or None)
                                           for i in range(1, n_incidents + 1) for k in range(3)])
        n_claims = 2 * n_incidents
        conn.execute(insert(Claim), [dict(code=f"CLM-{c:04d}", summary=words(rng, 14), quote=words(rng, 10),
                                          claimant_id=1 + c % n_actors, source_id=1 + c % n_sources,
                                          credibility=1 + c % 6, status="unverified")
                                     for c in range(1, n_claims + 1)])
        conn.execute(insert(ClaimSubject), [dict(claim_id=c, incident_id=1 + (c - 1) // 2)
                                            for c in range(1, n_claims + 1)])
        for e in range(1, n_images + 1):
            image = Image.new("RGB", (800, 600), (e % 255, (e * 7) % 255, (e * 13) % 255))
            for x in range(0, 800, 40):  # some detail so it is not trivially compressible
                image.paste(((x * e) % 255, 80, 160), (x, (x * 3) % 600, x + 20, (x * 3) % 600 + 20))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85)
            data = out.getvalue()
            import hashlib
            sha = hashlib.sha256(data).hexdigest()
            thumb = io.BytesIO()
            image.thumbnail((256, 256))
            image.save(thumb, "PNG")
            conn.execute(insert(Chunk).values(sha256=sha, data=data))
            conn.execute(insert(Blob).values(sha256=sha, size=len(data)))
            conn.execute(insert(BlobChunk).values(blob_sha256=sha, seq=0, chunk_sha256=sha))
            conn.execute(insert(Evidence).values(id=e, code=f"EVI-{e:04d}", sha256=sha, size=len(data),
                                                 original_name=f"photo_{e}.jpg", media_type="image/jpeg",
                                                 intake_at=now, intake_by="Bench", width=800, height=600))
            conn.execute(insert(Thumbnail).values(evidence_id=e, png=thumb.getvalue()))
            conn.execute(insert(EvidenceLink).values(evidence_id=e, incident_id=1 + (e * 5) % n_incidents,
                                                     relation="depicts"))
            conn.execute(insert(CustodyEvent).values(evidence_id=e, at=now, who="Bench", action="acquired",
                                                     sha256_observed=sha))
    case.close()


# -- the two contenders, each run in its own process ---------------------------------

def run_casefile(case_path: Path, out: Path, profile: str) -> dict:
    from casefile.dossier import write_dossier
    from casefile.store import Case

    with Case.open(case_path) as case:
        start, cpu = time.perf_counter(), time.process_time()
        result = write_dossier(case, out, profile=profile)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu, "pages": result.pages}


def baseline_story(case_path: Path, profile: str):
    """The flowables Casefile would lay out, built untimed."""
    from reportlab.lib.utils import ImageReader

    from casefile.dossier.data import Loader, Scope
    from casefile.dossier.images import previews
    from casefile.dossier.labels import Labels
    from casefile.dossier.story import DossierStory
    from casefile.services.redaction import Redactor
    from casefile.store import Case

    with Case.open(case_path) as case:
        head = case.audit_head()
        with case.session() as session:
            labels = Labels("en")
            data = Loader(session, Redactor(session, profile), labels, Scope()).load(head, None, date.today())
            images = previews(session.connection(), [(e.id, e.sha256, e.media_type, e.size)
                                                     for e in data.evidence.values()])
    readers = {k: ImageReader(io.BytesIO(v)) for k, v in images.items()}
    return DossierStory(data, labels, readers).build()


def run_reportlab(story, out: Path) -> dict:
    """Plain ReportLab: BaseDocTemplate, contents and outline, page count canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    class PageCountCanvas(Canvas):  # the ReportLab recipe for "Page X of Y"
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont("Helvetica", 8)
                self.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Page {self._pageNumber} of {len(self._saved)}")
                super().showPage()
            super().save()

    class Doc(BaseDocTemplate):
        def afterFlowable(self, f):
            key = getattr(f, "key", None)
            if key:
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(f.outline_title, key, level=f.level)
                if f.toc:
                    self.notify("TOCEntry", (f.level, f.getPlainText(), self.page, key))

    def furniture(canvas, doc):
        canvas.setFont("Helvetica-Bold", 8)
        canvas.drawString(20 * mm, A4[1] - 17 * mm, "CONFIDENTIAL")
        canvas.drawString(20 * mm, 10 * mm, "CONFIDENTIAL")

    doc = Doc(str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=24 * mm,
              bottomMargin=20 * mm)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("cover", [frame], onPage=furniture),
                          PageTemplate("body", [frame], onPage=furniture)])
    start, cpu = time.perf_counter(), time.process_time()
    doc.multiBuild(story, canvasmaker=PageCountCanvas, maxPasses=6)
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu, "pages": doc.page}


def _rss_mib() -> float:
    """Current resident set size (Linux), in MiB."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except OSError:
        return 0.0


def child(mode: str, case_path: Path, out: Path, profile: str, traced: bool) -> None:
    """One measurement in this fresh process: wall and CPU time, and how far
    the resident set grew during the measured call (or, with ``traced``, the
    tracemalloc peak, which is exact but slows both contenders down)."""
    import resource

    story = baseline_story(case_path, profile) if mode == "reportlab" else None
    before = _rss_mib()
    if traced:
        tracemalloc.start()
    result = run_casefile(case_path, out, profile) if mode == "casefile" else run_reportlab(story, out)
    if traced:
        result["peak_mib"] = tracemalloc.get_traced_memory()[1] / 2 ** 20
        tracemalloc.stop()
    else:
        result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--profile", default="full")
    parser.add_argument("--tracemalloc", action="store_true", help="peak memory by tracemalloc (slower)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CASE", "OUT"))
    args = parser.parse_args()
    if args.child:
        mode, case_path, out = args.child
        child(mode, Path(case_path), Path(out), args.profile, args.tracemalloc)
        return
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as folder:
        folder = Path(folder)
        case_path = folder / "bench.casefile"
        start = time.perf_counter()
        make_case(case_path, args.incidents, args.images)
        print(f"case: {args.incidents} incidents, {args.images} images, built in "
              f"{time.perf_counter() - start:.1f} s")
        results = {}
        for mode in ("reportlab", "casefile"):
            extra = ["--tracemalloc"] if args.tracemalloc else []
            out = subprocess.run([sys.executable, __file__, "--profile", args.profile, *extra, "--child", mode,
                                  str(case_path), str(folder / f"{mode}.pdf")],
                                 capture_output=True, text=True, check=True, cwd=ROOT,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
            results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        rl, cf = results["reportlab"], results["casefile"]
        print(f"{'':12}{'wall s':>10}{'CPU s':>10}{'+MiB peak':>10}{'pages':>8}")
        for name, r in (("reportlab", rl), ("casefile", cf)):
            print(f"{name:12}{r['seconds']:>10.2f}{r['cpu_seconds']:>10.2f}{r['peak_mib']:>10.1f}{r['pages']:>8}")
        # On a loaded machine wall time mostly measures the wait for a core: compare CPU time too.
        print(f"ratio: wall {cf['seconds'] / rl['seconds']:.2f}x, CPU {cf['cpu_seconds'] / rl['cpu_seconds']:.2f}x, "
              f"peak memory {cf['peak_mib'] / rl['peak_mib']:.2f}x (target: time <= 1.5x)")


if __name__ == "__main__":
    main()
