"""Identities of links: what makes "UPOEG participated in INC-0002" the same
fact on two laptops.

A record has a UUID of its own. A link (an involvement, a relation, a
citation...) is identified by its kind, the UUIDs of what it joins and its
relation: UUID v5 over those, so two copies that record the same fact give it
the same identity without having met, while database row ids differ on every
laptop. The interchange JSON carries it as each link's ``id``.
"""

from __future__ import annotations

import uuid

#: fixed forever: changing it would change every link's identity
NAMESPACE = uuid.UUID("5f0b7a3e-9c1d-5e2f-8a4b-6c7d8e9f0a1b")


def link_id(kind: str, *parts: str) -> str:
    """The identity of a link of ``kind`` joining ``parts`` (UUIDs, then the relation)."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join((kind, *parts))))
