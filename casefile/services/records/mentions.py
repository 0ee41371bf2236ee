"""Where a text names the case's actors and places (the source reader underlines them).

No model: the case's own names and aliases, matched word by word after folding
(accents, case, punctuation: ``services.redaction.normalise.fold``), so
"PLÁCIDO" in a text finds the actor "Bruno Placido" under the alias "Placido".
A name is found only as whole words; where names overlap the longest wins.

The text is split into words once (a regular expression, offsets kept); each
distinct word is folded once; names are indexed by their first folded word,
longest first. A 200 kB text against 10,000 names is one pass over its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import select

from ...model import Actor, Place
from ...store import Case
from ..redaction.normalise import fold

# A word: letters and digits, with the combining marks of a decomposed accent kept inside it.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
#: names shorter than this (folded) are not looked for: "La", "El" would be everywhere
MIN_LENGTH = 3
_END = ""  # marks a whole name in the trie (no folded word is empty)


@dataclass(frozen=True)
class Name:
    kind: str  # "actor" or "place"
    record_id: int
    text: str  # as stored: a name or one alias


@dataclass(frozen=True)
class Mention:
    start: int  # Python offsets in the text
    end: int
    names: tuple[Name, ...]  # every record this wording names (usually one)

    @property
    def first(self) -> Name:
        return self.names[0]


def words(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of ``text``; a word that folds into
    several ("hidalgo12") gives each piece the word's span."""
    found: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        for piece in _fold_word(match.group()):
            found.append((piece, match.start(), match.end()))
    return found


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> tuple[str, ...]:
    return tuple(fold(word).split())


def key_of(text: str) -> tuple[str, ...]:
    """A name as the matcher compares it: its folded words."""
    return tuple(word for word, _, _ in words(text))


class MentionMatcher:
    """The case's names, indexed for finding them in texts."""

    def __init__(self, names: Iterable[Name]):
        self._by_key: dict[tuple[str, ...], list[Name]] = {}
        for name in names:
            key = key_of(name.text)
            if key and len(" ".join(key)) >= MIN_LENGTH:
                entry = self._by_key.setdefault(key, [])
                if all((n.kind, n.record_id) != (name.kind, name.record_id) for n in entry):
                    entry.append(name)
        # A trie of folded words: walking it from a word costs the length of the longest
        # name starting there, however many names share their first word ("Actor 1", "Actor 2"...).
        self._trie: dict[str, Any] = {}
        for key in self._by_key:
            node: dict[str, Any] = self._trie
            for word in key:
                node = node.setdefault(word, {})
            node[_END] = key

    def __len__(self) -> int:
        return len(self._by_key)

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order, none overlapping."""
        found: list[Mention] = []
        tokens = words(text)
        i, count = 0, len(tokens)
        while i < count:
            current: dict[str, Any] = self._trie
            j, last = i, None
            while j < count and tokens[j][0] in current:
                current = current[tokens[j][0]]
                j += 1
                if _END in current:
                    last = (j, current[_END])
            if last is None:
                i += 1
                continue
            j, key = last
            found.append(Mention(tokens[i][1], tokens[j - 1][2], tuple(self._by_key[key])))
            i = j
        return found

    def lookup(self, text: str) -> tuple[Name, ...]:
        """The records whose name or alias is exactly ``text`` (folded), if any."""
        return tuple(self._by_key.get(key_of(text), ()))


def case_names(case: Case) -> list[Name]:
    """Every actor's name and aliases (one per line) and every place's name.
    Pseudonyms are left out: they are ours, not the text's."""
    names: list[Name] = []
    with case.connection() as conn:
        for record_id, name, aliases in conn.execute(select(Actor.id, Actor.name, Actor.aliases)):
            names.append(Name("actor", record_id, name or ""))
            names.extend(Name("actor", record_id, alias.strip()) for alias in (aliases or "").splitlines()
                         if alias.strip())
        for record_id, name in conn.execute(select(Place.id, Place.name)):
            names.append(Name("place", record_id, name or ""))
    return names


_built: WeakKeyDictionary[Case, tuple[tuple[int, ...], list[Name], MentionMatcher]] = WeakKeyDictionary()


def case_matcher(case: Case) -> tuple[list[Name], MentionMatcher]:
    """The case's names and their matcher, built again only once an actor or
    a place has changed: each source opened in the window built it, 1.4 s on
    a case of 20,000 actors and 20,000 places."""
    version = case.generation("actor", "place")
    built = _built.get(case)
    if built is None or built[0] != version:
        names = case_names(case)
        built = _built[case] = (version, names, MentionMatcher(names))
    return built[1], built[2]


def find_mentions(case: Case, text: str) -> list[Mention]:
    """The case's actors and places named in ``text``."""
    return case_matcher(case)[1].find(text)


def mention_at(mentions: list[Mention], position: int) -> Mention | None:
    """The mention holding ``position`` (a cursor just after a name counts)."""
    for mention in mentions:
        if mention.start <= position <= mention.end:
            return mention
    return None
