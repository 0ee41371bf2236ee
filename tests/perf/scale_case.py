"""The scale case: a seeded, reproducible case of realistic size, built the way
a documenter's case is built (interchange import, then evidence intake).

At ``--scale 1``: 100,000 incidents, 20,000 actors, 30,000 sources, 300,000
claims with 150,000 assessments, 10,000 small evidence files (photos, notes,
CSV tables). Names of places and groups are reused from Guerrero and
Michoacán; text mixes Spanish and English; quotes vary from a phrase to a
paragraph. ``--scale 0.01`` is the quick case.

Built cases are cached under /tmp/casefile-bench/seed{S}-scale{X}/ so repeated
benchmark runs reuse them: ``case.json`` (the interchange document),
``evidence/`` (the files), ``plain.casefile`` and ``encrypted.casefile`` (an
encrypted copy made by ``services.security.encrypt_copy``).

    uv run python tests/perf/scale_case.py --scale 0.01 [--seed 7] [--force]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT), str(Path(__file__).resolve().parent)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

CACHE = Path("/tmp/casefile-bench")
PASSPHRASE = "bench: tres tristes tigres 2013"  # not a secret: the benchmark's own
FORMAT = "casefile-interchange/1"

GUERRERO = [
    "Ayutla de los Libres", "Tixtla de Guerrero", "Chilpancingo de los Bravo", "Iguala de la Independencia",
    "Tlapa de Comonfort", "Olinalá", "Teloloapan", "Coyuca de Benítez", "Atoyac de Álvarez",
    "Zihuatanejo de Azueta", "Petatlán", "San Marcos", "Tecoanapa", "Acapulco de Juárez", "Chilapa de Álvarez",
    "Huamuxtitlán", "Copala", "Marquelia", "Cuajinicuilapa", "Ometepec", "Arcelia", "Tlalchapa",
    "Coyuca de Catalán", "Taxco de Alarcón", "Heliodoro Castillo", "Leonardo Bravo", "Zitlala", "Malinaltepec",
    "San Luis Acatlán", "Metlatónoc", "Cochoapa el Grande", "Apaxtla", "Cocula", "Tepecoacuilco de Trujano",
]
MICHOACAN = [
    "Apatzingán", "Aguililla", "Buenavista", "Tepalcatepec", "Coalcomán de Vázquez Pallares", "Múgica",
    "Parácuaro", "Tancítaro", "Uruapan", "Zamora", "Lázaro Cárdenas", "Aquila", "Chinicuila", "Coahuayana",
    "Los Reyes", "Nuevo Urecho", "Churumuco", "Huetamo", "Tuzantla", "Cherán", "Nahuatzen", "Arteaga",
    "Tumbiscatío", "Gabriel Zamora", "La Huacana", "Peribán", "Tacámbaro", "Ario",
]
LOCALITIES = ["El Pericón", "Xaltianguis", "La Ruana", "Felipe Carrillo Puerto", "Ostula", "El Ocotito",
              "Tierra Caliente", "La Montaña", "Costa Chica", "Costa Grande", "Filo Mayor", "Cuatro Caminos"]
GROUPS = [
    ("Policía Comunitaria (CRAC-PC)", "community_police"), ("UPOEG", "community_police"),
    ("Autodefensas", "community_police"), ("Fuerza Rural", "police"), ("Caballeros Templarios", "organised_crime"),
    ("Guerreros Unidos", "organised_crime"), ("Los Rojos", "organised_crime"),
    ("La Familia Michoacana", "organised_crime"), ("Cártel Jalisco Nueva Generación", "organised_crime"),
    ("Ejército Mexicano (SEDENA)", "state_forces"), ("Marina (SEMAR)", "state_forces"),
    ("Policía Federal", "police"), ("Policía Estatal", "police"), ("Policía Municipal", "police"),
    ("hombres armados vestidos de negro", "unidentified_armed"), ("Centro de Derechos Humanos", "civil_society"),
    ("Consejo de Ejidatarios", "civilians"), ("Ayuntamiento", "government"), ("Radio comunitaria", "media"),
]
FIRST = ["Plácido", "Bruno", "Nestora", "José Manuel", "Hipólito", "María de Jesús", "Estanislao", "Gonzalo",
         "Rocío", "Ángel", "Itzel", "Cirino", "Obtilia", "Ramón", "Florentina", "Mirtha", "Benigno", "Raúl",
         "Ernestina", "Abel", "Luz María", "Nicolás", "Guadalupe", "Tomás"]
LAST = ["Valerio", "Plácido", "Salgado", "Mireles", "Mora", "Rodríguez", "Hernández", "Flores", "Cortés",
        "Bautista", "Nava", "Catalán", "Gálvez", "Espinobarros", "Ávila", "Juárez", "Ortega", "Jiménez",
        "Morales", "Sánchez", "Castañeda", "Muñoz", "Téllez", "Rendón"]
OUTLETS = ["La Jornada", "La Jornada Guerrero", "El Sur de Acapulco", "Milenio", "CNN México", "Proceso",
           "Animal Político", "InSight Crime", "Quadratín Michoacán", "Cambio de Michoacán", "Reuters", "AP",
           "Tlachinollan", "Amnesty International", "Human Rights Watch", "Radio Ñomndaa"]
SOURCE_KINDS = ["news_article", "analysis", "interview", "testimony", "complaint", "official_document",
                "social_media", "ngo_report", "photo_video", "other"]
INCIDENT_TYPES = ["detention", "arrest", "armed_clash", "attack", "roadblock", "occupation", "protest",
                  "sighting", "seizure", "abduction", "killing", "threat", "displacement", "announcement"]
ROLES = ["perpetrator", "victim", "witness", "participant", "detained", "detaining", "spokesperson", "target"]
DEGREES = ["", "carried_out", "ordered", "acquiesced", "suspected", "alleged", "unknown"]
STATUS = ["confirmed", "likely", "possible", "unlikely", "unknown"]
CLAIM_STATUS = ["unverified", "corroborated", "contested", "refuted"]
STANCE = ["", "denies", "acknowledges", "no_comment", "not_asked"]

ES = [
    "Integrantes de la {group} detuvieron a {n} elementos del {group2} en un retén cerca de {place}.",
    "Según vecinos de {place}, hombres armados recorrieron la comunidad durante la madrugada.",
    "El coordinador {person} afirmó que los desconocidos trabajan con el Ejército.",
    "La desaparición de {n} jóvenes fue denunciada ante el Ministerio Público de {place}.",
    "Hubo un enfrentamiento de varias horas en la carretera a {place}; se reportan {n} heridos.",
    "Los pobladores bloquearon el acceso al palacio municipal de {place} exigiendo la liberación de los detenidos.",
    "La Secretaría de la Defensa Nacional no respondió a la solicitud de información.",
    "Testigos señalaron que la camioneta llevaba armas de uso exclusivo del Ejército.",
    "Familias desplazadas de {place} se refugiaron en la cabecera municipal.",
    "{person} declaró a {outlet} que nadie había visto a los soldados desde el martes.",
]
EN = [
    "Members of the {group} held about {n} soldiers at a roadblock outside {place}.",
    "Residents of {place} reported armed men dressed in black moving through the villages at night.",
    "{person}, a local coordinator, said the men were paramilitaries working with the army.",
    "The state prosecutor opened an investigation into the killing of {n} people near {place}.",
    "According to {outlet}, the army denied any involvement in the detentions.",
    "The community police said weapons found in the vehicle were planted.",
    "Several families fled {place} after threats from an armed group.",
    "Local officials in {place} declined to comment on the clash.",
    "The report could not be independently verified by {outlet}.",
    "{person} told reporters the self-defence group would not hand over its weapons.",
]
RARE_WORD = "xochicuahuitl"  # about one record in 2,000: the "rare term" of the search benchmark


@dataclass(frozen=True)
class Sizes:
    places: int
    actors: int
    incidents: int
    sources: int
    claims: int
    assessments: int
    evidence: int
    dossier_incidents: int  # INC-0001.. this: the dossier benchmark's scope
    images: int  # photos linked to those incidents

    @classmethod
    def at(cls, scale: float) -> Sizes:
        def n(full: int, least: int = 1) -> int:
            return max(least, round(full * scale))
        dossier = min(1000, max(10, round(1000 * scale)))
        return cls(places=n(2_000, 20), actors=n(20_000, 20), incidents=n(100_000, dossier),
                   sources=n(30_000, 10), claims=n(300_000, 30), assessments=n(150_000, 10),
                   evidence=n(10_000, dossier // 5 + 10), dossier_incidents=dossier, images=dossier // 5)


class Writer:
    """Seeded text and identities: the same seed gives the same case."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FIRST)} {r.choice(LAST)} {r.choice(LAST)}"

    def place_name(self) -> str:
        return self.rng.choice(GUERRERO + MICHOACAN)

    def sentence(self) -> str:
        r = self.rng
        template = r.choice(ES if r.random() < 0.55 else EN)
        group = r.choice(GROUPS)[0]
        text = template.format(group=group, group2=r.choice(GROUPS)[0], n=r.randint(2, 80),
                               place=r.choice(GUERRERO + MICHOACAN + LOCALITIES), person=self.person(),
                               outlet=r.choice(OUTLETS))
        if r.random() < 0.0005:
            text += f" ({RARE_WORD})"
        return text

    def text(self, least: int, most: int) -> str:
        # Sentence counts skewed towards short, like real notes and quotes.
        count = least + int((most - least) * self.rng.random() ** 2.5)
        return " ".join(self.sentence() for _ in range(count))

    def date(self) -> str:
        r = self.rng
        year = r.randint(2006, 2024)
        kind = r.random()
        if kind < 0.1:
            return f"{year}"
        if kind < 0.3:
            return f"{year}-{r.randint(1, 12):02d}"
        return f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def stamp(self) -> str:
        r = self.rng
        return f"{r.randint(2014, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:" \
               f"{r.randint(0, 59):02d}:00Z"


def generate(seed: int, scale: float) -> dict:
    """The interchange document of the scale case."""
    sizes = Sizes.at(scale)
    w = Writer(seed)
    r = w.rng

    def base(prefix: str, number: int) -> dict:
        stamp = w.stamp()
        return {"uuid": w.uuid(), "code": f"{prefix}-{number:04d}", "created_at": stamp, "updated_at": stamp}

    places = []
    for i in range(1, sizes.places + 1):
        municipality = r.choice(GUERRERO + MICHOACAN)
        state = "Guerrero" if municipality in GUERRERO else "Michoacán"
        name = municipality if i <= len(GUERRERO) + len(MICHOACAN) else f"{r.choice(LOCALITIES)}, {municipality}"
        places.append({**base("PLC", i), "name": name, "municipality": municipality, "state": state,
                       "country": "México", "latitude": round(r.uniform(16.3, 19.9), 4),
                       "longitude": round(r.uniform(-103.7, -98.0), 4),
                       "precision": r.choice(["exact", "nearby", "municipality"]), "description": w.text(0, 2)})
    actors = []
    for i in range(1, sizes.actors + 1):
        if r.random() < 0.6:
            protected = r.random() < 0.1
            entry = {"name": w.person(), "category": "person", "actor_type": r.choice(["civilians", "community_police",
                                                                                        "government", ""]),
                     "protected": protected, "pseudonym": f"Testigo {i}" if protected else ""}
        else:
            group, kind = r.choice(GROUPS)
            entry = {"name": f"{group} de {w.place_name()}", "category": r.choice(["group", "organisation", "unit"]),
                     "actor_type": kind, "aliases": group}
        entry["description"] = w.text(0, 3)
        if actors and r.random() < 0.15:
            entry["relations"] = [{"relation": r.choice(["member_of", "allied_with", "works_with"]),
                                   "other": r.choice(actors)["uuid"]}]
        actors.append({**base("ACT", i), **entry})
    incidents = []
    for i in range(1, sizes.incidents + 1):
        place = r.choice(places)
        involved = r.sample(actors, r.randint(1, 3))
        entry = {**base("INC", i), "title": f"{r.choice(INCIDENT_TYPES).replace('_', ' ').capitalize()} "
                                            f"— {place['name']} ({w.person()})",
                 "description": w.text(1, 8), "start_date": w.date(),
                 "start_qualifier": r.choice(["exact", "exact", "approximate", "unknown"]),
                 "incident_type": r.choice(INCIDENT_TYPES), "violation_status": r.choice(STATUS),
                 "place": place["uuid"], "confidential": r.random() < 0.05,
                 "fatalities": r.choice([None, None, 0, 1, 2, 5]), "notes": w.text(0, 2),
                 "involvements": [{"actor": a["uuid"], "role": role, "degree": r.choice(DEGREES),
                                   "head_count": r.choice([None, None, 12, 60]), "note": ""}
                                  for a, role in zip(involved, r.sample(ROLES, len(involved)))]}
        if incidents and r.random() < 0.05:
            entry["links"] = [{"relation": r.choice(["precedes", "causes", "part_of"]),
                               "to": r.choice(incidents)["uuid"]}]
        incidents.append(entry)
    sources = []
    for i in range(1, sizes.sources + 1):
        confidential = r.random() < 0.05
        entry = {**base("SRC", i), "title": w.sentence()[:180], "source_kind": r.choice(SOURCE_KINDS),
                 "outlet": r.choice(OUTLETS), "author": w.person(), "published": w.date(),
                 "url": f"https://example.org/nota/{i}", "language": r.choice(["es", "es", "en"]),
                 "reliability": r.choice("ABCDEF"), "confidential": confidential,
                 "pseudonym": f"Fuente {i}" if confidential else "", "text": w.text(0, 6), "notes": w.text(0, 1)}
        if sources and r.random() < 0.2:
            entry["cites"] = r.choice(sources)["uuid"]
        sources.append(entry)
    claims = []
    for i in range(1, sizes.claims + 1):
        # The first claims are about the dossier's incidents, so its sections are full.
        incident = incidents[(i - 1) % sizes.dossier_incidents] if i <= 3 * sizes.dossier_incidents \
            else r.choice(incidents)
        subjects = [incident["uuid"]]
        if r.random() < 0.3:
            subjects.append(r.choice(incident["involvements"])["actor"])
        claims.append({**base("CLM", i), "summary": w.sentence(), "quote": w.text(1, 10),
                       "claimant": r.choice(actors)["uuid"], "source": r.choice(sources)["uuid"],
                       "claimed_on": w.date(), "credibility": r.randint(1, 6), "status": r.choice(CLAIM_STATUS),
                       "stance": r.choice(STANCE), "subjects": subjects})
    assessments = []
    for _ in range(sizes.assessments):
        claim = r.choice(claims)
        entry = {"uuid": w.uuid(), "claim": claim["uuid"], "relation": r.choice(["supports", "contradicts", "repeats"]),
                 "note": w.text(0, 1)}
        if r.random() < 0.5:
            entry["by_source"] = r.choice(sources)["uuid"]
        else:
            other = r.choice(claims)
            if other is claim:
                continue
            entry["by_claim"] = other["uuid"]
        assessments.append(entry)
    return {"format": FORMAT, "generator": "casefile scale case", "places": places, "actors": actors,
            "incidents": incidents, "sources": sources, "claims": claims, "assessments": assessments}


def write_evidence(folder: Path, seed: int, scale: float) -> list[tuple[Path, str, str]]:
    """Small evidence files: photos for the dossier's incidents, then notes
    and tables. Returns (path, incident code to link, relation)."""
    from PIL import Image, ImageDraw

    sizes = Sizes.at(scale)
    w = Writer(seed + 1)
    r = w.rng
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for k in range(sizes.evidence):
        if k < sizes.images:
            path = folder / f"foto_{k:05d}.jpg"
            image = Image.linear_gradient("L").resize((640, 480)).convert("RGB")
            draw = ImageDraw.Draw(image)
            for _ in range(12):
                x, y = r.randint(0, 600), r.randint(0, 440)
                draw.rectangle((x, y, x + r.randint(10, 200), y + r.randint(10, 120)),
                               fill=(r.randint(0, 255), r.randint(0, 255), r.randint(0, 255)))
            draw.text((20, 20), f"{w.place_name()} {w.date()}", fill=(255, 255, 255))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=80)
            path.write_bytes(buffer.getvalue())
            code = f"INC-{5 * k + 1:04d}"  # one photo per five incidents of the dossier's scope
        elif k % 3 == 0:
            path = folder / f"tabla_{k:05d}.csv"
            rows = ["fecha,municipio,detenidos"] + [f"{w.date()},{w.place_name()},{r.randint(0, 60)}"
                                                    for _ in range(r.randint(5, 200))]
            path.write_text("\n".join(rows) + "\n", encoding="utf-8")
            code = f"INC-{r.randint(1, sizes.incidents):04d}"
        else:
            path = folder / f"nota_{k:05d}.txt"
            path.write_text(w.text(2, 40) + "\n", encoding="utf-8")
            code = f"INC-{r.randint(1, sizes.incidents):04d}"
        files.append((path, code, r.choice(["supports", "depicts", "context"])))
    return files


def folder_for(seed: int, scale: float) -> Path:
    from casefile.store.connection import PAGE_SIZE

    # Cases built for another page size are a different file format on disk.
    suffix = "" if PAGE_SIZE == 4096 else f"-page{PAGE_SIZE // 1024}k"
    return CACHE / f"seed{seed}-scale{scale:g}{suffix}"


def build(seed: int = 7, scale: float = 0.01, *, force: bool = False, log=print) -> Path:
    """Build (or reuse) the scale case; return its folder."""
    from casefile.services import security
    from casefile.services.evidence import intake
    from casefile.services.interchange.importer import import_json
    from casefile.store import Case

    folder = folder_for(seed, scale)
    if (folder / "done").exists() and not force:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    document = generate(seed, scale)
    with open(folder / "case.json", "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    del document
    log(f"  generated case.json ({(folder / 'case.json').stat().st_size / 2**20:.0f} MiB) "
        f"in {time.perf_counter() - started:.1f} s")
    files = write_evidence(folder / "evidence", seed, scale)
    (folder / "evidence.json").write_text(json.dumps([[str(p), c, rel] for p, c, rel in files]))
    plain = folder / "plain.casefile"
    started = time.perf_counter()
    case = Case.create(plain, "Guerrero y Michoacán (scale case)", documenter="bench", organisation="Casefile")
    case.backup_keep = 0
    try:
        import_json(case, folder / "case.json")
        log(f"  imported in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        for path, code, relation in files:
            intake(case, path, link=(code, relation))
        log(f"  took in {len(files)} evidence files in {time.perf_counter() - started:.1f} s")
    finally:
        case.close(backup=False)
    started = time.perf_counter()
    security.encrypt_copy(plain, folder / "encrypted.casefile", PASSPHRASE, who="bench")
    log(f"  encrypted copy in {time.perf_counter() - started:.1f} s")
    (folder / "done").write_text(json.dumps({"seed": seed, "scale": scale, "sizes": Sizes.at(scale).__dict__}))
    return folder


def main() -> None:
    from _common import ensure_bytecode

    ensure_bytecode()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args()
    print(f"scale case seed={args.seed} scale={args.scale:g}: {Sizes.at(args.scale)}")
    folder = build(args.seed, args.scale, force=args.force)
    print(folder)


if __name__ == "__main__":
    main()
