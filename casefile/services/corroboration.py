"""Independent corroboration, counted by origin, never by repetition.

Two claims are one origin when they trace to the same place where they were
first said (the same original outlet or interview) or to the same speaker:
Plácido quoted by La Jornada and relayed by InSight Crime, and Plácido
quoted by Milenio, are one voice however many outlets carry him. Origins are
joined transitively (a union-find over claims, their origin source and their
claimant), so a chain of shared links is one origin too.

Plain data in, plain data out: no session, no Qt, no ReportLab, so the rule
can be tested on its own and reused by every output.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ClaimTrace:
    """What a claim's chain of attribution says about where it comes from."""

    id: int
    claimant_id: int | None = None
    #: where it was first said, when recorded (``Claim.origin_id``)
    origin_id: int | None = None
    #: located, not_located, read_source or "" (unknown)
    origin_status: str = ""
    #: the source the documenter read
    source_id: int | None = None
    #: the sources that relayed it, from the origin onwards (``ClaimRelay``)
    relays: tuple[int, ...] = ()


def first_source(trace: ClaimTrace) -> int | None:
    """The source where the claim was first said, as far as the chain tells.

    A recorded origin wins (even one not yet located: it is still where the
    claim comes from); "read_source" means the source read is the origin;
    with the origin unknown, the earliest relay, else the source read, is the
    nearest the chain gets to it."""
    if trace.origin_id is not None and trace.origin_status != "read_source":
        return trace.origin_id
    if trace.origin_status == "read_source":
        return trace.source_id
    if trace.relays:
        return trace.relays[0]
    return trace.source_id


class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(self, item: tuple[str, int]) -> tuple[str, int]:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, a: tuple[str, int], b: tuple[str, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Origins:
    """Claims grouped into independent origins."""

    #: claim id -> origin number (0, 1, ...), numbered in claim id order
    of_claim: dict[int, int] = field(default_factory=dict)

    def count(self, claim_ids: Iterable[int]) -> int:
        """How many independent origins the given claims come from."""
        return len({self.of_claim[c] for c in claim_ids if c in self.of_claim})

    def groups(self, claim_ids: Iterable[int]) -> list[list[int]]:
        """The given claims, grouped by origin (each group sorted, groups by first claim)."""
        by_origin: dict[int, list[int]] = {}
        for claim_id in sorted(set(claim_ids)):
            if claim_id in self.of_claim:
                by_origin.setdefault(self.of_claim[claim_id], []).append(claim_id)
        return sorted(by_origin.values())


def origins(traces: Sequence[ClaimTrace]) -> Origins:
    """Group claims by origin: same first source or same speaker is one origin.

    A claim with neither a claimant nor any source is its own origin (nothing
    says it shares one), which the gaps of a dossier report separately."""
    union = _Union()
    for trace in traces:
        node = ("claim", trace.id)
        union.find(node)
        if trace.claimant_id is not None:
            union.join(node, ("actor", trace.claimant_id))
        source = first_source(trace)
        if source is not None:
            union.join(node, ("source", source))
    roots: dict[tuple[str, int], int] = {}
    result = Origins()
    for trace in sorted(traces, key=lambda t: t.id):
        root = union.find(("claim", trace.id))
        result.of_claim[trace.id] = roots.setdefault(root, len(roots))
    return result


@dataclass(frozen=True)
class Support:
    """An assessment that a source or another claim supports a claim."""

    claim_id: int
    by_source_id: int | None = None
    by_claim_id: int | None = None


def independent_support(claim_ids: Iterable[int], traces: Sequence[ClaimTrace],
                        supports: Iterable[Support] = ()) -> int:
    """How many independent origins stand behind ``claim_ids`` together.

    Each claim counts with its origin; a supporting claim counts with its
    origin, and a supporting source as a first source of its own (joined
    with any claim first said in it). "Repeats" assessments are never passed
    here: a repetition is the same origin by definition."""
    wanted = set(claim_ids)
    extra = [s for s in supports if s.claim_id in wanted]
    by_id = {t.id: t for t in traces}
    # A supporting source is a trace of its own: a claim first said there.
    next_id = -1
    pool = list(traces)
    counted = set(wanted)
    for s in extra:
        if s.by_claim_id is not None and s.by_claim_id in by_id:
            counted.add(s.by_claim_id)
        elif s.by_source_id is not None:
            pool.append(ClaimTrace(id=next_id, source_id=s.by_source_id, origin_status="read_source"))
            counted.add(next_id)
            next_id -= 1
    return origins(pool).count(counted)
