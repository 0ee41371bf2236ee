"""The benchmark's measurements without Qt, each run as a child process by
bench.py (``python _measure.py --child NAME JSON``) and printing one JSON line.

Each pair measures Casefile's way and the limit's way of doing the same work
on the same data: service search vs the raw FTS5 query for the same snippets,
``import_json`` vs SQLAlchemy Core executemany of the rows it would write,
``intake`` vs hashlib + write (and, for an encrypted case, SQLCipher's AES
and HMAC over the same pages), ``write_dossier`` vs ReportLab laying out the
same flowables.
"""

from __future__ import annotations

import contextlib
import io
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from _common import COPY_BLOCKS, child_main, hash_and_copy, hash_encrypt_copy, peak_memory, percentile, settle, timed  # noqa: E402

# Terms a documenter types: frequent words, a rare one, words typed without
# their accents (which must find "Plácido", "Apatzingán"...), and what the box
# holds on the way to a word, which is searched at each pause as you type.
TERMS = {
    "common": ["policia", "army", "Guerrero", "detuvieron", "comunidad"],
    "rare": ["xochicuahuitl", "Chinicuila", "Metlatónoc", "Tumbiscatío"],
    "accented": ["Placido", "Apatzingan", "desaparicion", "Muñoz", "Ávila Téllez"],
    "typing": ["p", "pol", "comu", "ejérc", "policía c", "policía com", "policía comu", "desapa"],
}


def open_case(spec: dict):
    from casefile.store import Case

    case = Case.open(spec["path"], passphrase=spec.get("passphrase"), check=False)
    case.backup_keep = 0  # the benchmark's own writes (a dossier's audit entry) need no backup
    return case


def new_case(tmp: str, variant: str):
    import scale_case

    from casefile.store import Case

    path = Path(tmp) / f"{variant}-{uuid.uuid4().hex[:8]}.casefile"
    case = Case.create(path, "bench", documenter="bench",
                       passphrase=scale_case.PASSPHRASE if variant == "encrypted" else None)
    case.backup_keep = 0
    return case


def drop(case) -> None:
    path = case.path
    case.close(backup=False)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# -- search ---------------------------------------------------------------------------

def search(a: dict) -> dict:
    """The service's search against two limits, one bare FTS5 query per kind:
    ``raw`` asks for what the results show (rowid, bm25 and the snippet, made
    by FTS5's own ``snippet()``), ``bare`` for rowid and bm25 only. A snippet
    tokenizes the matched rows again, so for a rare word it is half the work;
    a search that shows no snippet would not be the same search."""
    from casefile.services.records.search import search as service_search
    from casefile.store.fulltext import INDEXED, completes_short, fts_query, snippet_sql

    case = open_case(a["case"])
    limits = {
        "raw": {t: f"SELECT rowid, bm25({t}_fts), {snippet_sql(f'{t}_fts')} FROM {t}_fts "
                   f"WHERE {t}_fts MATCH ? ORDER BY rank LIMIT 50" for t in INDEXED},
        "bare": {t: f"SELECT rowid, bm25({t}_fts) FROM {t}_fts WHERE {t}_fts MATCH ? ORDER BY rank LIMIT 50"
                 for t in INDEXED},
    }
    result: dict = {}
    every: dict[str, list[float]] = {"ours": [], "raw": [], "bare": [], "cpu": [], "raw_cpu": []}
    with case.engine.connect() as conn:
        short_prefix = completes_short(conn, INDEXED)  # as the service decides for this case

        def query(sqls: dict, term: str) -> list:
            fts = fts_query(term, short_prefix=short_prefix)
            return [conn.exec_driver_sql(sql, (fts,)).fetchall() for sql in sqls.values()]

        def cpu(fn, *args) -> float:
            # CPU seconds of this process: on a loaded machine, wall time
            # mostly measures the wait for a core; SQLite runs in our thread.
            start = time.process_time()
            fn(*args)
            return time.process_time() - start

        for group, terms in TERMS.items():
            times: dict[str, list[float]] = {"ours": [], "raw": [], "bare": []}
            for term in terms:
                service_search(case, term)  # warm: the first query loads the index pages
                query(limits["raw"], term)
                for _ in range(a["repeat"]):
                    times["ours"].append(timed(service_search, case, term)[0])
                    for name, sqls in limits.items():
                        times[name].append(timed(query, sqls, term)[0])
                    every["cpu"].append(cpu(service_search, case, term))
                    every["raw_cpu"].append(cpu(query, limits["raw"], term))
            for name, values in times.items():
                every[name] += values
            result[group] = {"p50": percentile(times["ours"], 50), "p95": percentile(times["ours"], 95),
                             **{f"{name}_p{p}": percentile(times[name], p) for name in limits for p in (50, 95)}}
    result["all"] = {"p50": percentile(every["ours"], 50), "p95": percentile(every["ours"], 95),
                     **{f"{name}_p{p}": percentile(every[name], p) for name in limits for p in (50, 95)},
                     "cpu_p95": percentile(every["cpu"], 95), "raw_cpu_p95": percentile(every["raw_cpu"], 95)}
    case.close(backup=False)
    return result


# -- import -----------------------------------------------------------------------------

def import_casefile(a: dict) -> dict:
    from casefile.services.interchange.importer import import_json

    case = new_case(a["tmp"], a["variant"])
    with peak_memory(trace=False) as peak:
        seconds, counts = timed(import_json, case, a["json"])
    drop(case)
    return {"seconds": seconds, "counts": counts, "rss_extra": peak.rss_extra}


def import_core(a: dict) -> dict:
    """The limit: SQLAlchemy Core executemany of exactly the rows import_json
    writes (planned beforehand, untimed, by the same plan), in one transaction."""
    from sqlalchemy import insert

    from casefile.services.interchange.importer import CLASSES, parse
    from casefile.services.interchange.plan import Plan

    class Collect:  # the plan's sink, keeping the batches instead of writing them
        def __init__(self):
            self.batches: list[tuple[type, list[dict]]] = []

        def insert(self, table: str, rows: list[dict]) -> None:
            self.batches.append((CLASSES[table], list(rows)))

        def section_done(self, section: str, plan) -> None:
            pass

    case = new_case(a["tmp"], a["variant"])
    document = parse(Path(a["json"]).read_bytes())
    collected = Collect()
    with case.connection() as conn:
        plan = Plan(conn, document, sink=collected)
        plan.build()
    assert not plan.problems, plan.problems[:3]
    evidence = {row["id"]: row for cls, rows in collected.batches if cls.__tablename__ == "evidence" for row in rows}
    for pair in plan.self_refs["evidence"]:  # the generator only refers back, so ids already exist
        evidence[pair["b_id"]]["derived_from_id"] = pair["b_ref"]
    batches = [(cls, rows) for cls, rows in collected.batches if rows]

    def write():
        with case.bulk_connection() as conn:  # the connection import_json writes through
            for cls, rows in batches:
                conn.execute(insert(cls), rows)

    seconds, _ = timed(write)
    drop(case)
    return {"seconds": seconds, "rows": sum(len(rows) for _, rows in batches)}


# -- evidence intake ------------------------------------------------------------------------

def hash_write(a: dict) -> dict:
    """The limit: read, SHA-256 and write the same bytes, then fsync; with
    ``encrypted``, also encrypt and authenticate them page by page as
    SQLCipher does (``hash_encrypt_copy``). The fastest read size counts
    (``COPY_BLOCKS``)."""
    copy = hash_encrypt_copy if a.get("encrypted") else hash_and_copy
    out = Path(a["tmp"]) / "copy.bin"
    best = None
    for block in COPY_BLOCKS:
        settle()
        with peak_memory(trace=False) as peak:  # untraced, as the intake is
            seconds, _ = timed(copy, a["file"], out, block)
        out.unlink()
        if best is None or seconds < best["seconds"]:
            best = {"seconds": seconds, "rss_extra": peak.rss_extra, "block": block}
    return best


def intake(a: dict) -> dict:
    import gc

    from casefile.services.evidence import intake as casefile_intake

    gc.freeze()  # as the `casefile` program does once it has imported its commands (`cli.run`)
    case = new_case(a["tmp"], a["variant"])
    settle()
    # As `add-evidence` takes files in (a large one written once), or as the
    # window does, through the WAL (written twice).
    from casefile.services.evidence import fastest_journal

    # Not tracing Python's allocations: that slowed the intake's own Python
    # (its pipeline, the rows after the bytes) by 10-100 ms at 64 MiB, a cost
    # no documenter pays. Memory is the growth of the resident set.
    with peak_memory(trace=False) as peak, fastest_journal(case, a["file"]) if a["sole"] else contextlib.nullcontext():
        seconds, _ = timed(casefile_intake, case, a["file"])
    drop(case)
    return {"seconds": seconds, "rss_extra": peak.rss_extra}


# -- the dossier ---------------------------------------------------------------------------

def dossier_casefile(a: dict) -> dict:
    from casefile.dossier.writer import write_dossier

    case = open_case(a["case"])
    out = Path(a["tmp"]) / f"dossier-{uuid.uuid4().hex[:8]}.pdf"
    with peak_memory(trace=False) as peak:
        seconds, result = timed(write_dossier, case, out, incidents=a["codes"])
    size = out.stat().st_size
    out.unlink()
    case.close(backup=False)
    return {"seconds": seconds, "pages": result.pages, "bytes": size, "rss_extra": peak.rss_extra}


def dossier_story(case, codes: list[str]) -> list:
    """The flowables write_dossier lays out, built the same way (untimed)."""
    from datetime import date

    from reportlab.lib.utils import ImageReader

    from casefile.dossier.data import Loader, Scope
    from casefile.dossier.images import previews
    from casefile.dossier.labels import Labels
    from casefile.dossier.story import DossierStory
    from casefile.services.redaction import Redactor

    labels = Labels("en")
    with case.session() as session:
        data = Loader(session, Redactor(session, "full"), labels, Scope(incidents=codes)).load(
            case.audit_head(), None, date.today())
        images = previews(session.connection(), [(e.id, e.sha256, e.media_type, e.size)
                                                 for e in data.evidence.values()])
    readers = {key: ImageReader(io.BytesIO(jpeg)) for key, jpeg in images.items()}
    return DossierStory(data, labels, readers).build()


def dossier_reportlab(a: dict) -> dict:
    """The limit: ReportLab's own BaseDocTemplate laying out the same
    flowables, with the same contents-page passes (multiBuild), but none of
    Casefile's reading, image preparation, page furniture or page numbering."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from casefile.dossier.template import Heading

    class Plain(BaseDocTemplate):
        def __init__(self, filename):
            super().__init__(filename, pagesize=(595.27, 841.89))  # A4
            frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
            # the story switches to these by name; plain ones: no furniture
            self.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("body", [frame])])

        def afterFlowable(self, flowable):  # noqa: N802 - ReportLab's name
            if isinstance(flowable, Heading):
                self.canv.bookmarkPage(flowable.key)
                if flowable.toc:
                    self.notify("TOCEntry", (flowable.level, flowable.text, self.page, flowable.key))

    case = open_case(a["case"])
    story = dossier_story(case, a["codes"])
    case.close(backup=False)
    out = Path(a["tmp"]) / f"reportlab-{uuid.uuid4().hex[:8]}.pdf"
    with peak_memory(trace=False) as peak:
        seconds, _ = timed(lambda: Plain(str(out)).multiBuild(story, maxPasses=6))
    out.unlink()
    return {"seconds": seconds, "flowables": len(story), "rss_extra": peak.rss_extra}


CHILDREN = {f.__name__: f for f in (search, import_casefile, import_core, hash_write, intake, dossier_casefile,
                                    dossier_reportlab)}

if __name__ == "__main__":
    if not child_main(CHILDREN):
        sys.exit("run by bench.py: _measure.py --child NAME JSON")
