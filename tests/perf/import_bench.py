"""Benchmark: JSON import of 100,000 incidents vs SQLAlchemy Core bulk insert
of the same rows (target: import within 2x). Not a test; run it:

    uv run python tests/perf/import_bench.py [--incidents N] [--encrypted]

Prints both times, the ratio, and where the import spends its time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert  # noqa: E402

from casefile.model import Actor, Incident, IncidentTag, Involvement, Place  # noqa: E402
from casefile.services.interchange.importer import check_schema, import_json, parse  # noqa: E402
from casefile.services.interchange.plan import Plan  # noqa: E402
from casefile.store import Case, fulltext  # noqa: E402

TYPES = ("detention", "roadblock", "armed_clash", "sighting", "occupation")


def uuid(kind: int, n: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{n:012x}"


def build_document(n_incidents: int) -> dict:
    n_places, n_actors = max(1, n_incidents // 100), max(1, n_incidents // 20)
    places = [{"uuid": uuid(1, i), "code": f"PLC-{i + 1:04d}", "name": f"Lugar {i} de Guerrero",
               "municipality": "Ayutla de los Libres", "state": "Guerrero", "country": "México",
               "latitude": 16.9 + i / 1e5, "longitude": -99.1, "precision": "nearby", "description": "",
               "created_at": "2013-08-12T15:00:00Z", "updated_at": "2013-08-12T15:00:00Z"} for i in range(n_places)]
    actors = [{"uuid": uuid(2, i), "code": f"ACT-{i + 1:04d}", "name": f"Grupo de autodefensa {i}",
               "category": "group", "actor_type": "community_police", "aliases": "", "description": "",
               "protected": False, "pseudonym": "", "contact": "", "relations": [],
               "created_at": "2013-08-12T15:00:00Z", "updated_at": "2013-08-12T15:00:00Z"} for i in range(n_actors)]
    incidents = []
    for i in range(n_incidents):
        month, day = 1 + i % 12, 1 + i % 28
        incidents.append({
            "uuid": uuid(3, i), "code": f"INC-{i + 1:04d}", "title": f"Incidente {i}: retén en el camino a Ayutla",
            "description": "Miembros de la policía comunitaria fueron detenidos por una patrulla militar. " * 2,
            "start_date": f"{2000 + i % 20}-{month:02d}-{day:02d}", "start_qualifier": "exact", "end_date": None,
            "end_qualifier": "exact", "place": places[i % n_places]["uuid"], "incident_type": TYPES[i % 5],
            "violation_status": "possible", "fatalities": None, "confidential": False, "notes": "",
            "tags": [f"tag{i % 50}"],
            "involvements": [{"actor": actors[i % n_actors]["uuid"], "role": "participant", "degree": "carried_out",
                              "head_count": 60, "head_count_approximate": True, "note": ""}],
            "links": [], "created_at": "2013-08-12T15:00:00Z", "updated_at": "2013-08-12T15:00:00Z"})
    return {"format": "casefile-interchange/1", "places": places, "actors": actors, "incidents": incidents}


def bulk_insert(case: Case, document: dict) -> None:
    """The baseline: the same rows, ids and foreign keys already known, straight
    into the tables with Core executemany in one transaction."""
    from datetime import UTC, datetime

    now = datetime(2013, 8, 12, 15, tzinfo=UTC)
    ids = {}
    places, actors, incidents, involvements, tags = [], [], [], [], []
    for n, p in enumerate(document["places"], start=1):
        ids[p["uuid"]] = n
        row = {k: v for k, v in p.items() if k not in ("created_at", "updated_at")}
        places.append({**row, "id": n, "created_at": now, "updated_at": now})
    for n, a in enumerate(document["actors"], start=1):
        ids[a["uuid"]] = n
        row = {k: v for k, v in a.items() if k not in ("created_at", "updated_at", "relations")}
        actors.append({**row, "id": n, "created_at": now, "updated_at": now})
    for n, e in enumerate(document["incidents"], start=1):
        row = {k: v for k, v in e.items() if k not in ("created_at", "updated_at", "tags", "involvements", "links",
                                                        "place")}
        incidents.append({**row, "id": n, "place_id": ids[e["place"]], "created_at": now, "updated_at": now})
        tags.extend({"incident_id": n, "tag": t} for t in e["tags"])
        involvements.extend({"incident_id": n, "actor_id": ids[v["actor"]], "role": v["role"], "degree": v["degree"],
                             "head_count": v["head_count"], "head_count_approximate": v["head_count_approximate"],
                             "note": v["note"]} for v in e["involvements"])
    # Through the connection the import writes through, so both sides pay for sealing the rows' states.
    with case.bulk_connection() as conn:
        for cls, rows in ((Place, places), (Actor, actors), (Incident, incidents), (IncidentTag, tags),
                          (Involvement, involvements)):
            conn.execute(insert(cls), rows)


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--encrypted", action="store_true", help="time on SQLCipher-encrypted cases")
    args = parser.parse_args()
    passphrase = "benchmark passphrase" if args.encrypted else None
    folder = Path(tempfile.mkdtemp(prefix="casefile-import-bench-"))
    try:
        document = build_document(args.incidents)
        source = folder / "scale.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        size_mb = source.stat().st_size / 1e6
        template = folder / "template.casefile"
        Case.create(template, "Template", passphrase=passphrase).close(backup=False)

        def fresh(name: str) -> Case:
            shutil.copy(template, folder / name)
            return Case.open(folder / name, passphrase=passphrase)

        baseline_case = fresh("baseline.casefile")
        baseline, _ = timed(bulk_insert, baseline_case, document)
        with baseline_case.connection() as conn:
            index, _ = timed(fulltext.index_all, conn)
        baseline_case.close(backup=False)

        import_case = fresh("import.casefile")
        total, counts = timed(import_json, import_case, source)
        import_case.close(backup=False)

        # Where the time goes (each step again, on its own).
        data = source.read_bytes()
        t_parse, parsed = timed(parse, data)
        t_schema, _ = timed(check_schema, parsed)
        plan_case = fresh("plan.casefile")
        with plan_case.connection() as conn:
            t_plan, _ = timed(lambda: Plan(conn, parsed).build())
            conn.rollback()
        plan_case.close(backup=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    rows = sum(counts.get(k, 0) for k in ("incidents", "actors", "places"))
    print(f"scale: {args.incidents:,} incidents ({rows:,} records), JSON {size_mb:.1f} MB"
          f"{', encrypted' if args.encrypted else ''}")
    print(f"Core bulk insert of the same rows : {baseline:7.2f} s")
    print(f"  (+ FTS index_all                : {index:7.2f} s)")
    print(f"import_json (everything)          : {total:7.2f} s")
    print(f"  parse {t_parse:.2f} s, schema {t_schema:.2f} s, meaning+rows {t_plan:.2f} s, "
          f"write+index+audit ~{max(0.0, total - t_parse - t_schema - t_plan):.2f} s")
    print(f"ratio import / bulk insert        : {total / baseline:7.2f}x  (target <= 2x)")
    print(f"ratio import / (bulk insert + FTS): {total / (baseline + index):7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
