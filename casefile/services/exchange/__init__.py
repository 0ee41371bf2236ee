"""Teams, offline: copies of one case exchange bundles and merge them.

Design (the README's "Teams" section says it for users):

- **Identity.** Records match by UUID, links by ``model.identity.link_id``
  (kind, the UUIDs they join, the relation); never by code or row id. A
  case's copies share its ``case_info.uuid``; a bundle for another case is
  refused.
- **Versions** (``items.py``). Every field of every item carries a version
  vector (copy -> counter). A copy notices its own changes when it makes or
  merges a bundle, by comparing each field's value hash with the last one it
  recorded: no hook on editing, so every path that writes (window, command
  line, import, undo) is covered alike. The base of a three-way merge is thus
  not a stored old value but the vectors: a value that the other side's
  vector covers was seen there before it changed.
- **Merge** (``merge.py``): per field, the values no other dominates; one
  left applies, two left is a conflict kept in ``exchange_conflict`` (the
  shown value is never overwritten), carried in later bundles, so all copies
  end with the same values and the same conflicts whatever the order.
  Deletion is the field ``_exists``; against an unseen edit it is a conflict
  and the record stays. All or nothing, one transaction on the case's own
  connection: rows are sealed and ``verify`` holds.
- **Codes.** A record keeps the code it was made with when this copy never
  handed out that number (the counter moves past it); otherwise it gets the
  next code here. A number is never handed out twice by one copy, so a code
  printed in a dossier keeps meaning the same record in that copy; across
  copies the UUID is the name (the merge history keeps the sender's code).
- **Bundles** (``bundle.py``, ``send.py``): a ZIP with a signed manifest
  listing every member's SHA-256, checkable with ``sha256sum`` and
  ``openssl``; optionally sealed to recipients' keys (``services.keys``).
- **Peers** (``peers.py``): what each copy said it has seen, so ``--since``
  sends only the rest; every bundle made or merged is logged, and a bundle
  merged once is refused the second time.
- **Review** (``review.py``): the conflicts side by side; choosing one
  gives it a version over both, which settles it on every copy it reaches.
"""

from __future__ import annotations

from .apply import BundleRefused
from .merge import MergeReport, merge_bundle
from .peers import PeerInfo, list_peers
from .reading import content_digest
from .review import ConflictView, conflicts, count, resolve
from .send import BundleReport, make_bundle

__all__ = ["BundleRefused", "BundleReport", "ConflictView", "MergeReport", "PeerInfo", "conflicts",
           "content_digest", "count", "list_peers", "make_bundle", "merge_bundle", "resolve"]
