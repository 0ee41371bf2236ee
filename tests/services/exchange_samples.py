"""Copies of the sample case that diverge, as three documenters' laptops would."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from casefile.model import Actor, Claim, Incident, Involvement, Place
from casefile.services import keys
from casefile.services.evidence.intake import intake
from casefile.services.exchange import content_digest, make_bundle, merge_bundle
from casefile.store import Case

PASSPHRASE = "laptop passphrase"


def key_for(folder: Path, name: str) -> keys.DocumenterKey:
    return keys.load_or_create(PASSPHRASE, name, folder / f"keys-{name}")


def copies(template: Path, folder: Path, names: str) -> dict[str, Path]:
    out = {}
    for name in names:
        out[name] = folder / f"{name}.casefile"
        shutil.copy(template, out[name])
    return out


def _record(session, cls, code: str):
    return session.scalars(select(cls).where(cls.code == code)).one()


def diverge(paths: dict[str, Path], folder: Path) -> None:
    """A, B and C each work on their copy: new records, the same field and
    different fields changed, the same link made twice, a deletion against an
    edit, and evidence (one file on two laptops)."""
    shared = folder / "roadblock.txt"
    shared.write_bytes(b"photo of the roadblock, same file on two laptops\n")
    own = folder / "statement.txt"
    own.write_bytes(b"statement only C has\n")
    with Case.open(paths["A"]) as a:
        with a.session() as s:
            s.add(Incident(title="Roadblock lifted (A)"))
            _record(s, Incident, "INC-0001").title = "Title as A wrote it"
            _record(s, Incident, "INC-0002").description = "Description from A"
            incident, actor = _record(s, Incident, "INC-0003"), _record(s, Actor, "ACT-0008")
            s.add(Involvement(incident=incident, actor=actor, role="witness"))
        with a.session() as s:
            s.delete(_record(s, Claim, "CLM-0005"))
        intake(a, shared)
    with Case.open(paths["B"]) as b:
        with b.session() as s:
            s.add(Actor(name="Comisario ejidal (B)", category="person"))
            _record(s, Incident, "INC-0001").title = "Title as B wrote it"
            _record(s, Incident, "INC-0002").notes = "Notes from B"
            incident, actor = _record(s, Incident, "INC-0003"), _record(s, Actor, "ACT-0008")
            s.add(Involvement(incident=incident, actor=actor, role="witness"))
        intake(b, shared)
    if "C" in paths:
        with Case.open(paths["C"]) as c:
            with c.session() as s:
                s.add(Place(name="El Mesón (C)", country="Mexico"))
                _record(s, Claim, "CLM-0005").notes = "C checked this against the video"
                _record(s, Incident, "INC-0001").description = "Description from C"
            intake(c, own)


def bundle(path: Path, out: Path, key: keys.DocumenterKey, **options) -> Path:
    with Case.open(path) as case:
        make_bundle(case, out, key, **options)
    return out


def merge(path: Path, bundle_path: Path, key: keys.DocumenterKey | None = None):
    with Case.open(path) as case:
        return merge_bundle(case, bundle_path, key)


def digest(path: Path) -> str:
    with Case.open(path, read_only=True) as case, case.connection() as conn:
        return content_digest(conn)


def exchange_once(path: Path, folder: Path) -> None:
    """One conflicting exchange into ``path``, so every exchange table has rows."""
    folder.mkdir(parents=True, exist_ok=True)
    peer = folder / "peer.casefile"
    shutil.copy(path, peer)
    mine, theirs = key_for(folder, "mine"), key_for(folder, "theirs")
    for p, title in ((path, "Title here"), (peer, "Title there")):
        with Case.open(p) as case, case.session() as s:
            _record(s, Incident, "INC-0001").title = title
    bundle(path, folder / "mine.cfbundle", mine)
    merge(path, bundle(peer, folder / "theirs.cfbundle", theirs), mine)
