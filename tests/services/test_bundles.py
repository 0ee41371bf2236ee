"""Teams, offline (issue 18): three copies of the sample case diverge, then
exchange bundles in several orders; every copy ends with the same content,
the same review queue, and a history that verifies."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text

from casefile.model import Claim, ClaimSubject, Evidence, Incident, Involvement, SourceCitation
from casefile.services import keys, records, verify
from casefile.services.evidence import intake
from casefile.services.exchange import BundleRefused, conflicts, list_peers, resolve
from casefile.services.exchange.bundle import read_manifest
from casefile.services.sample import create_demo_case
from casefile.store import Case

from .exchange_samples import bundle, copies, digest, diverge, key_for, merge


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.casefile"
    create_demo_case(path).close(backup=False)
    return path


@pytest.fixture
def three(template, tmp_path):
    paths = copies(template, tmp_path, "ABC")
    diverge(paths, tmp_path)
    ks = {n: key_for(tmp_path, n) for n in "ABC"}
    first = {n: bundle(paths[n], tmp_path / f"{n}1.cfbundle", ks[n]) for n in "ABC"}
    return paths, ks, first


def _queue(path) -> set[tuple[str, str, str]]:
    with Case.open(path, read_only=True) as case:
        return {(c.uuid, c.field, repr(sorted(map(repr, (c.here, c.theirs))))) for c in conflicts(case)}


def _verified(path) -> list[str]:
    with Case.open(path, read_only=True) as case:
        return [str(p) for p in verify.verify(case)]


def test_three_copies_converge_whatever_the_order(three, tmp_path):
    paths, ks, first = three
    orders = {"A": "BC", "B": "CA", "C": "AB"}
    for name, order in orders.items():
        for other in order:
            merge(paths[name], first[other], ks[name])
    digests = {n: digest(p) for n, p in paths.items()}
    assert len(set(digests.values())) == 1, digests
    queues = {n: {(u, f) for u, f, _ in _queue(p)} for n, p in paths.items()}
    assert len({frozenset(q) for q in queues.values()}) == 1, queues
    with Case.open(paths["A"], read_only=True) as case, case.session() as s:
        inc1 = s.scalars(select(Incident).where(Incident.code == "INC-0001")).one()
        inc2 = s.scalars(select(Incident).where(Incident.code == "INC-0002")).one()
        clm5 = s.scalars(select(Claim).where(Claim.uuid == _uuid_of(paths["B"], Claim, "CLM-0005"))).one()
        found = {(c.field, c.theirs) for c in conflicts(case)}
        shared = s.scalars(select(Evidence)).all()
        links = s.execute(text("SELECT count(*) FROM involvement i JOIN actor a ON a.id = i.actor_id "
                               "JOIN incident n ON n.id = i.incident_id WHERE a.code = 'ACT-0008' AND "
                               "n.code = 'INC-0003' AND i.role = 'witness'")).scalar()
    # the same field changed on two laptops: the value here stays, the other waits
    assert inc1.title == "Title as A wrote it" and ("title", "Title as B wrote it") in found
    # different fields of one record: both apply, and C's edit of another field too
    assert (inc2.description, inc2.notes) == ("Description from A", "Notes from B")
    assert inc1.description == "Description from C"
    # deleted on A, edited on C: the claim is back with C's edit and the deletion is in the queue
    assert clm5.notes == "C checked this against the video" and ("_exists", False) in found
    # the same link made on two laptops is one link; the same file twice is two items, one stored file
    assert links == 1
    assert len({e.sha256 for e in shared}) == 3 and len(shared) == 4  # the sample has one of its own
    for name, path in paths.items():
        assert _verified(path) == [], name


def _uuid_of(path, cls, code):
    with Case.open(path, read_only=True) as case, case.session() as s:
        return s.scalars(select(cls.uuid).where(cls.code == code)).one()


def test_order_does_not_matter_and_second_round_changes_nothing(three, tmp_path):
    paths, ks, first = three
    a2 = tmp_path / "A2.casefile"
    shutil.copy(paths["A"], a2)
    for other in "BC":
        merge(paths["A"], first[other], ks["A"])
    for other in "CB":
        merge(a2, first[other], ks["A"])
    assert digest(paths["A"]) == digest(a2)
    # B and C catch up through A only: the conflicts travel with the values
    merge(paths["B"], bundle(paths["A"], tmp_path / "A2.cfbundle", ks["A"], since="B"), ks["B"])
    merge(paths["C"], bundle(paths["A"], tmp_path / "A3.cfbundle", ks["A"]), ks["C"])
    assert digest(paths["B"]) == digest(paths["C"]) == digest(paths["A"])
    before = digest(paths["B"])
    again = bundle(paths["A"], tmp_path / "A4.cfbundle", ks["A"], since="B")
    result = merge(paths["B"], again, ks["B"])
    assert digest(paths["B"]) == before and result.counts["created"] == result.counts["updated"] == 0


def test_the_same_bundle_twice_is_refused_and_changes_nothing(three):
    paths, ks, first = three
    merge(paths["A"], first["B"], ks["A"])
    before = (digest(paths["A"]), _head(paths["A"]))
    with pytest.raises(BundleRefused, match="already merged"):
        merge(paths["A"], first["B"], ks["A"])
    assert (digest(paths["A"]), _head(paths["A"])) == before


def _head(path) -> str:
    with Case.open(path, read_only=True) as case:
        return case.audit_head()


def test_a_resolved_conflict_settles_on_every_copy(three, tmp_path):
    paths, ks, first = three
    merge(paths["A"], first["B"], ks["A"])
    merge(paths["B"], first["A"], ks["B"])
    with Case.open(paths["A"]) as case:
        title = next(c for c in conflicts(case) if c.field == "title")
        resolve(case, title.id, "theirs", ks["A"].fingerprint)
    merge(paths["B"], bundle(paths["A"], tmp_path / "A2.cfbundle", ks["A"], since="B"), ks["B"])
    for path in (paths["A"], paths["B"]):
        assert not any(c.field == "title" for c in _conflicts(path))
        with Case.open(path, read_only=True) as case, case.session() as s:
            assert s.scalars(select(Incident.title).where(Incident.code == "INC-0001")).one() == "Title as B wrote it"
    assert digest(paths["A"]) == digest(paths["B"])
    assert _verified(paths["A"]) == _verified(paths["B"]) == []


def _conflicts(path):
    with Case.open(path, read_only=True) as case:
        return conflicts(case)


def test_codes_a_copy_handed_out_are_never_reused(three):
    paths, ks, first = three
    # A and B both made a record after the sample's last code: each keeps its own code
    merge(paths["A"], first["B"], ks["A"])
    merge(paths["A"], first["C"], ks["A"])
    with Case.open(paths["A"], read_only=True) as case, case.session() as s:
        codes = s.scalars(select(Incident.code)).all()
        place = s.execute(text("SELECT code FROM place WHERE name = 'El Mesón (C)'")).scalar()
        evidence = s.scalars(select(Evidence.code).order_by(Evidence.id)).all()
    assert len(codes) == len(set(codes))
    assert place == "PLC-0004"  # never handed out here: C's code is kept
    # C's EVI-0002 was A's EVI-0002 already: it gets the next number here
    assert len(set(evidence)) == len(evidence) == 4 and "EVI-0004" in evidence


def test_peers_remember_what_was_sent_and_received(three, tmp_path):
    paths, ks, first = three
    merge(paths["A"], first["B"], ks["A"])
    bundle(paths["A"], tmp_path / "A2.cfbundle", ks["A"], since=ks["B"].fingerprint)
    with Case.open(paths["A"], read_only=True) as case:
        (peer,) = list_peers(case)
    assert (peer.fingerprint, peer.name, peer.received, peer.sent) == (ks["B"].fingerprint, "B", 1, 1)
    with zipfile.ZipFile(tmp_path / "A2.cfbundle") as z:
        names = z.namelist()
    # B said which files it holds: the file both took in is not sent again
    assert not any(n.startswith("evidence/") for n in names)


def test_a_copy_names_only_the_files_it_gained_since_the_peer_heard_and_no_file_travels_twice(template, tmp_path):
    paths = copies(template, tmp_path, "AB")
    ka, kb = key_for(tmp_path, "A"), key_for(tmp_path, "B")
    files = {}
    for name in ("first", "second"):
        files[name] = tmp_path / f"{name}.bin"
        files[name].write_bytes(name.encode() * 20000)
    with Case.open(paths["A"]) as a:
        intake(a, files["first"])
        with a.connection() as conn:
            held = {r[0] for r in conn.execute(text("SELECT sha256 FROM blob"))}

    def exchange(number: int) -> Path:
        """A to B, then B to A, each naming the other: B's bundle says what it has seen of A's."""
        to_b = bundle(paths["A"], tmp_path / f"A{number}.cfbundle", ka,
                      **({"since": kb.fingerprint} if number > 1 else {}))
        merge(paths["B"], to_b, kb)
        to_a = bundle(paths["B"], tmp_path / f"B{number}.cfbundle", kb, since=ka.fingerprint)
        merge(paths["A"], to_a, ka)
        with zipfile.ZipFile(to_a) as z:  # B never sends back a file A told it it holds
            assert not any(n.startswith("evidence/") for n in z.namelist())
        return to_b

    assert set(read_manifest(exchange(1), ka)["blobs"]) == held  # a first bundle names every file
    assert set(read_manifest(exchange(2), ka)["blobs"]) == held  # none addressed to B acknowledged yet
    with Case.open(paths["A"]) as a:
        gained = intake(a, files["second"]).sha256
    assert read_manifest(exchange(3), ka)["blobs"] == [gained]  # only what B was not told of
    with Case.open(paths["B"], read_only=True) as b:
        (peer,) = list_peers(b)
    assert set(peer.blobs) == held | {gained}  # what B knows A holds grows
    assert digest(paths["A"]) == digest(paths["B"])


def test_encrypted_bundle_opens_only_for_its_recipient(three, tmp_path):
    paths, ks, _ = three
    sealed = bundle(paths["A"], tmp_path / "sealed.cfbundle", ks["A"], recipients=[ks["B"].public_key])
    assert not zipfile.is_zipfile(sealed) and b"Roadblock lifted" not in sealed.read_bytes()
    with pytest.raises(BundleRefused, match="other recipients"):
        merge(paths["C"], sealed, ks["C"])
    with pytest.raises(BundleRefused, match="encrypted"):
        merge(paths["C"], sealed, None)
    merge(paths["B"], sealed, ks["B"])
    with Case.open(paths["B"], read_only=True) as case, case.session() as s:
        assert s.scalars(select(Incident).where(Incident.title == "Roadblock lifted (A)")).one()


def test_the_key_is_kept_encrypted_and_signs(tmp_path):
    key = keys.create_key("my passphrase", "Ana", tmp_path)
    stored = (tmp_path / keys.KEY_FILE).read_bytes()
    assert key._seed not in stored and key.fingerprint.count("-") == 3
    with pytest.raises(keys.KeyProblem, match="Wrong passphrase"):
        keys.load_key("not it", tmp_path)
    again = keys.load_key("my passphrase", tmp_path)
    assert again.public_key == key.public_key and keys.verify(key.public_key, b"x", again.sign(b"x"))
    cert = key.certificate()
    assert key.fingerprint in cert.subject.rfc4514_string()
    assert not keys.is_trusted(key.public_key, tmp_path)
    keys.trust(key.public_key, "Ana", tmp_path)
    assert keys.is_trusted(key.public_key, tmp_path)


def _links(path) -> dict[str, set]:
    with Case.open(path, read_only=True) as case, case.session() as s:
        return {"involvements": {(i.incident.code, i.actor.code, i.role) for i in s.scalars(select(Involvement))},
                "subjects": {(c.claim_id, c.incident_id, c.actor_id) for c in s.scalars(select(ClaimSubject))},
                "citations": {(c.source_id, c.cited_id) for c in s.scalars(select(SourceCitation))}}


def _delete_first_links(path) -> None:
    """An involvement, a claim's subject and a citation removed as the window removes them."""
    with Case.open(path) as case:
        with case.session() as s:
            involvement = s.scalars(select(Involvement.id).order_by(Involvement.id.desc())).first()
            subject = s.scalars(select(ClaimSubject).order_by(ClaimSubject.claim_id)).first()
            subject_key = (subject.claim_id, subject.incident_id, subject.actor_id)
            citation = s.scalars(select(SourceCitation.id).where(SourceCitation.position == 0)
                                 .order_by(SourceCitation.id)).first()
        records.delete_link(case, "involvement", involvement)
        with case.session() as s:
            s.delete(s.scalars(select(ClaimSubject).filter_by(claim_id=subject_key[0], incident_id=subject_key[1],
                                                                actor_id=subject_key[2])).one())
        records.delete_link(case, "source_citation", citation)


def test_links_deleted_before_the_first_exchange_stay_deleted(template, tmp_path):
    """B removes links of the case both copies started from before the two have ever
    met (an involvement, a claim's subject, a source's first citation, which moves
    the others up): whichever copy sends first, neither brings them back."""
    paths = copies(template, tmp_path, "AB")
    _delete_first_links(paths["B"])
    gone = _links(paths["B"])
    assert all(len(_links(paths["A"])[k]) == len(gone[k]) + 1 for k in gone)
    ks = {n: key_for(tmp_path, n) for n in "AB"}
    a2 = tmp_path / "A2.casefile"
    shutil.copy(paths["A"], a2)
    # A first: its untouched links must not come back to B
    merge(paths["B"], bundle(paths["A"], tmp_path / "A.cfbundle", ks["A"]), ks["B"])
    assert _links(paths["B"]) == gone
    merge(paths["A"], bundle(paths["B"], tmp_path / "B.cfbundle", ks["B"]), ks["A"])
    assert _links(paths["A"]) == gone
    assert digest(paths["A"]) == digest(paths["B"])
    # B first, to a copy that has not sent anything yet
    merge(a2, bundle(paths["B"], tmp_path / "B2.cfbundle", ks["B"]), ks["A"])
    assert _links(a2) == gone and digest(a2) == digest(paths["B"])
    assert _queue(paths["A"]) == _queue(paths["B"]) == _queue(a2) == set()


def test_links_deleted_after_copies_met_are_deleted_on_the_other(template, tmp_path):
    paths = copies(template, tmp_path, "AB")
    ks = {n: key_for(tmp_path, n) for n in "AB"}
    merge(paths["B"], bundle(paths["A"], tmp_path / "A.cfbundle", ks["A"]), ks["B"])
    merge(paths["A"], bundle(paths["B"], tmp_path / "B.cfbundle", ks["B"]), ks["A"])
    _delete_first_links(paths["A"])
    merge(paths["B"], bundle(paths["A"], tmp_path / "A2.cfbundle", ks["A"], since="B"), ks["B"])
    assert _links(paths["B"]) == _links(paths["A"])
    assert digest(paths["A"]) == digest(paths["B"])


def test_a_links_identity_from_its_row_is_the_one_it_travels_under(template):
    """The history names a link by the identity bundles give it (so a deletion made
    before two copies meet is known), computed from the row alone."""
    from casefile.model.kinds import LINK_KINDS
    from casefile.services.exchange.reading import current_items

    with Case.open(template, read_only=True) as case, case.connection() as conn:
        travels = {uuid for uuid, item in current_items(conn).items() if item.ends}

        def uuid_of(table: str, ident: int) -> str | None:
            return conn.execute(text(f"SELECT uuid FROM {table} WHERE id = :i"), {"i": ident}).scalar()
        from_rows = set()
        for kind in LINK_KINDS:
            for row in conn.execute(select(kind.model.__table__)).mappings():
                identity = kind.identity(row, uuid_of)
                if identity:
                    from_rows.add(identity)
    assert from_rows and from_rows == travels


def _marks(path) -> set[tuple[str, str, str]]:
    from casefile.services.redaction.marks import marks

    with Case.open(path, read_only=True) as case, case.session() as s:
        return set(marks(s))


def _partner_dossier(path, out) -> str:
    """The words of a partner dossier of the case at ``path``, whitespace folded."""
    from casefile.dossier.writer import write_dossier
    from tests.dossier.conftest import pdf_text

    with Case.open(path) as case:
        write_dossier(case, out, profile="partner")
    return " ".join(pdf_text(out).split())


def test_withhold_marks_travel_so_a_shared_export_elsewhere_holds_them_back(template, tmp_path):
    """The coordinator marks a passage "withhold"; the field laptop that receives her
    bundle holds it back too in what it shares. Removing the mark travels as well."""
    from casefile.services.csv_export import export_csv
    from casefile.services.redaction.marks import add_mark, remove_mark

    paths = copies(template, tmp_path, "AB")
    ks = {n: key_for(tmp_path, n) for n in "AB"}
    with Case.open(paths["A"]) as case, case.session() as s:
        description = s.scalars(select(Incident.description).where(Incident.code == "INC-0001")).one()
    passage = " ".join(description.split()[:3])
    with Case.open(paths["A"]) as case:
        add_mark(case, "INC-0001", "description", passage)
    assert passage in _partner_dossier(paths["B"], tmp_path / "before.pdf")  # the passage, as B had it
    merge(paths["B"], bundle(paths["A"], tmp_path / "A1.cfbundle", ks["A"]), ks["B"])
    assert _marks(paths["B"]) == _marks(paths["A"]) != set()
    with Case.open(paths["B"]) as case:
        export_csv(case, tmp_path / "csv", profile="partner")
    shared = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "csv").glob("*.csv"))
    assert passage not in shared and "INC-0001" in shared
    shared = _partner_dossier(paths["B"], tmp_path / "after.pdf")
    assert passage not in shared and "INC-0001" in shared
    assert digest(paths["A"]) == digest(paths["B"])
    with Case.open(paths["A"]) as case:
        remove_mark(case, "INC-0001", "description", passage)
    merge(paths["B"], bundle(paths["A"], tmp_path / "A2.cfbundle", ks["A"]), ks["B"])
    assert _marks(paths["B"]) == set()
    # a mark both copies started with, removed on one before the two first met, stays gone
    d, e = tmp_path / "D.casefile", tmp_path / "E.casefile"
    shutil.copy(template, d)
    with Case.open(d) as case:
        add_mark(case, "INC-0001", "description", passage)
    shutil.copy(d, e)
    with Case.open(e) as case:
        remove_mark(case, "INC-0001", "description", passage)
    kd, ke = key_for(tmp_path, "D"), key_for(tmp_path, "E")
    merge(e, bundle(d, tmp_path / "D1.cfbundle", kd), ke)
    assert _marks(e) == set()
    merge(d, bundle(e, tmp_path / "E1.cfbundle", ke), kd)
    assert _marks(d) == set()


def test_an_image_that_arrives_gets_its_preview(template, tmp_path):
    import io

    from PIL import Image as PILImage

    from casefile.services import evidence
    from casefile.services.evidence.intake import intake

    paths = copies(template, tmp_path, "AB")
    photo = tmp_path / "reten.jpg"
    PILImage.new("RGB", (320, 240), (120, 90, 40)).save(photo, "JPEG")
    with Case.open(paths["A"]) as case:
        code = intake(case, photo).code
    merge(paths["B"], bundle(paths["A"], tmp_path / "A.cfbundle", key_for(tmp_path, "A")), key_for(tmp_path, "B"))
    with Case.open(paths["B"]) as case:
        with case.session() as s:
            there = s.scalars(select(Evidence.code).where(Evidence.original_name == "reten.jpg")).one()
        png = evidence.thumbnail(case, there)
        assert png is not None and PILImage.open(io.BytesIO(png)).format == "PNG"
        assert verify.verify(case) == []
    with Case.open(paths["A"]) as case:
        assert evidence.thumbnail(case, code) is not None
