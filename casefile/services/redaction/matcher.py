"""One matcher per export: every protected string of the case, folded
(``normalise.fold``), compiled into a single regular expression shaped like a
trie, so a text is scanned once whatever the number of names.

A :class:`Secret` is one folded string to replace, with what replaces it
(a pseudonym or "[withheld]"), what kind of thing it is and whose it is (a
record code). Phone numbers are matched apart, on runs of digits. A name
spelled out letter by letter ("F i c t i c i a") is looked for in runs of
single letters. A replaced name takes in the neighbouring words that are
parts or initials of the same person's names (``neighbours``): "Rosa E.
Ficticia" becomes the pseudonym whole. Near misses (a lone part of a name
that is not replaced, a word one edit away from a part of a name) are found
only when asked, for the redaction report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalise import fold, fold_mapped

MIN_PHONE = 7  # digits: a shorter run is a year, a count, a house number


@dataclass(frozen=True)
class Secret:
    folded: str
    replacement: str
    kind: str  # name, alias, name part, author, title, email, phone, address, url, contact, passage
    owner: str  # the record code whose secret it is


@dataclass(frozen=True)
class Hit:
    """One replacement: ``text[start:end]`` of the original became ``replacement``."""

    start: int
    end: int
    matched: str
    replacement: str
    kind: str
    owner: str


@dataclass(frozen=True)
class NearMiss:
    """Text that looks like a protected name and was left as it is."""

    start: int
    end: int
    matched: str
    kind: str  # "single part" or "edit distance one"
    owner: str


@dataclass
class Result:
    text: str
    hits: list[Hit] = field(default_factory=list)
    near: list[NearMiss] = field(default_factory=list)


def trie_pattern(words) -> str:
    """A regular expression matching any of ``words`` (longest first at each
    position), built as a trie so its cost does not grow with their number."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        out = []
        while True:  # follow single-child chains without recursing (long titles)
            keys = [k for k in node if k]
            if len(keys) == 1 and "" not in node:
                out.append(re.escape(keys[0]))
                node = node[keys[0]]
                continue
            break
        alternatives = [re.escape(k) + build(node[k]) for k in sorted(k for k in node if k)]
        if alternatives:
            body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
            out.append(f"(?:{body})?" if "" in node else body)
        return "".join(out)

    return build(trie)


def edit_distance_one(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by exactly one insertion, deletion,
    substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2]
                                         and a[i + 2:] == b[i + 2:])
    return a[i:] == b[i + 1:]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class Matcher:
    """Finds and replaces every secret in a text (see the module notes)."""

    def __init__(self, secrets: list[Secret], phones: list[tuple[str, str]] | None = None,
                 near_parts: dict[str, str] | None = None, fuzzy_parts: dict[str, str] | None = None,
                 neighbours: dict[str, set[str]] | None = None):
        self.secrets: dict[str, Secret] = {}
        for secret in secrets:
            if secret.folded and secret.folded not in self.secrets:
                self.secrets[secret.folded] = secret
        self.pattern = None
        if self.secrets:
            self.pattern = re.compile(r"(?<![^ ])(?:" + trie_pattern(self.secrets) + r")(?![^ ])")
        # Phones: every run of 7+ digits of each number, and its last 7 digits.
        self.phone_pieces: dict[str, Secret] = {}
        self.phone_tails: dict[str, Secret] = {}
        self.longest_phone = 0
        for digits, owner in phones or ():
            secret = Secret(digits, _placeholder(), "phone", owner)
            self.phone_tails.setdefault(digits[-MIN_PHONE:], secret)
            self.longest_phone = max(self.longest_phone, len(digits))
            for i in range(len(digits)):
                for j in range(i + MIN_PHONE, len(digits) + 1):
                    self.phone_pieces.setdefault(digits[i:j], secret)
        self.near_parts = dict(near_parts or {})
        self.fuzzy_index: dict[str, list[tuple[str, str]]] = {}
        for part, owner in (fuzzy_parts or {}).items():
            for variant in _deletions(part):
                self.fuzzy_index.setdefault(variant, []).append((part, owner))
        self._fuzzy_seen: dict[str, tuple[str, str] | None] = {}
        self.neighbours = {owner: frozenset(words) for owner, words in (neighbours or {}).items() if words}
        self._spelled: re.Pattern[str] | None = None  # compiled when first needed
        self._spelled_secrets: dict[str, Secret] = {}

    @property
    def empty(self) -> bool:
        return self.pattern is None and not self.phone_pieces and not self.near_parts

    # -- finding ---------------------------------------------------------------

    def _spans(self, folded: str) -> list[tuple[int, int, Secret]]:
        spans: list[tuple[int, int, Secret]] = []
        if self.pattern is not None:
            spans = [(m.start(), m.end(), self.secrets[m.group(0)]) for m in self.pattern.finditer(folded)]
        more = False
        if self.phone_pieces:
            spans += self._phone_spans(folded)
            more = True
        if self.pattern is not None and _LETTER_RUN.search(folded):
            spans += self._spelled_spans(folded)
            more = True
        if more:
            spans.sort(key=lambda s: (s[0], -s[1]))
            kept: list[tuple[int, int, Secret]] = []
            last = -1
            for span in spans:
                if span[0] >= last:
                    kept.append(span)
                    last = span[1]
            spans = kept
        if self.neighbours and spans:
            spans = self._widen(folded, spans)
        return spans

    def _spelled_spans(self, folded: str) -> list[tuple[int, int, Secret]]:
        """A secret spelled out letter by letter ("R o s a  F i c t i c i a"):
        looked for, run together, inside each run of four or more single letters."""
        if self._spelled is None:
            joined: dict[str, Secret] = {}
            for folded_secret, secret in self.secrets.items():
                key = folded_secret.replace(" ", "")
                if len(key) >= 4:
                    joined.setdefault(key, secret)
            self._spelled_secrets = joined
            self._spelled = re.compile(trie_pattern(joined) if joined else r"(?!)")
        out = []
        for run in _LETTER_RUN.finditer(folded):
            letters = run.group(0).replace(" ", "")
            for m in self._spelled.finditer(letters):
                # the j-th letter of the run stands at run.start() + 2 * j
                out.append((run.start() + 2 * m.start(), run.start() + 2 * (m.end() - 1) + 1,
                            self._spelled_secrets[m.group(0)]))
        return out

    def _widen(self, folded: str, spans: list[tuple[int, int, Secret]]) -> list[tuple[int, int, Secret]]:
        """Each name span widened over the neighbouring parts and initials of
        its owner's names (initials only before it: "R. E. Ficticia")."""
        out: list[tuple[int, int, Secret]] = []
        starts = {span[0] for span in spans}
        for start, end, secret in spans:
            words = self.neighbours.get(secret.owner)
            floor = out[-1][1] if out else 0  # never into the span before: "Chayo (la Chata)" stays two
            if words is not None and secret.kind in _NAME_KINDS:
                while start > 1 and folded[start - 1] == " ":
                    before = folded.rfind(" ", 0, start - 1) + 1
                    if before < floor or folded[before:start - 1] not in words:
                        break
                    start = before
                while end < len(folded) and folded[end] == " ":
                    after = folded.find(" ", end + 1)
                    after = len(folded) if after < 0 else after
                    word = folded[end + 1:after]
                    if len(word) < 2 or word not in words or end + 1 in starts:
                        break
                    end = after
            if out and start < out[-1][1]:  # widened into the previous span: one span
                previous = out.pop()
                start, end, secret = previous[0], max(end, previous[1]), previous[2]
            out.append((start, end, secret))
        return out

    def _phone_spans(self, folded: str) -> list[tuple[int, int, Secret]]:
        """Runs of digit words that are a protected number, however punctuated:
        the longest run that is a piece (7+ digits) of a number, else the
        shortest run holding a number's last seven digits (another prefix)."""
        out = []
        for run in _DIGIT_RUN.finditer(folded):
            words = [(m.start() + run.start(), m.end() + run.start(), m.group(0))
                     for m in _WORD.finditer(run.group(0))]
            for tail_pass in (False, True):
                i = 0
                while i < len(words):
                    found = self._phone_run(words, i, tail_pass)
                    if found is None:
                        i += 1
                        continue
                    first, last, secret = found
                    out.append((words[first][0], words[last][1], secret))
                    words[first:last + 1] = [(0, 0, "-")] * (last + 1 - first)  # taken: never digits again
                    i = last + 1
        return out

    def _phone_run(self, words, i: int, tail_pass: bool) -> tuple[int, int, Secret] | None:
        digits, best = "", None
        for j in range(i, len(words)):
            if not words[j][2].isdigit():
                break
            digits += words[j][2]
            if len(digits) > self.longest_phone or tail_pass:
                break
            if digits in self.phone_pieces:
                best = (i, j, self.phone_pieces[digits])
        if not tail_pass:
            return best
        digits = ""
        for j in range(i, len(words)):
            if not words[j][2].isdigit():
                return None
            digits += words[j][2]
            tail = digits[-MIN_PHONE - len(words[j][2]):]
            for k in range(max(0, len(tail) - MIN_PHONE + 1)):
                secret = self.phone_tails.get(tail[k:k + MIN_PHONE])
                if secret is not None:
                    first = j  # the fewest words that still hold it
                    while "".join(w[2] for w in words[first:j + 1]).find(tail[k:k + MIN_PHONE]) < 0:
                        first -= 1
                    return (first, j, secret)
        return None

    def _near_words(self, folded: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
        """Words that look like a protected name: (start, end, kind, owner) in ``folded``."""
        words = set(folded.split())
        flagged: dict[str, tuple[str, str]] = {}
        for word in words:
            if word in self.near_parts:
                flagged[word] = ("single part", self.near_parts[word])
            elif len(word) >= 4 and self.fuzzy_index:
                fuzzy = self._fuzzy(word)
                if fuzzy is not None:
                    flagged[word] = ("edit distance one", fuzzy[1])
        if not flagged:
            return []
        out = []
        for m in _WORD.finditer(folded):
            if m.group(0) in flagged and not any(a < m.end() and m.start() < b for a, b in taken):
                kind, owner = flagged[m.group(0)]
                out.append((m.start(), m.end(), kind, owner))
        # Neighbouring words of one name are one near miss ("Rosa Ficticla").
        merged: list[tuple[int, int, str, str]] = []
        for start, end, kind, owner in out:
            if merged and merged[-1][3] == owner and folded[merged[-1][1]:start] == " ":
                prev = merged.pop()
                kind = "edit distance one" if "edit distance one" in (prev[2], kind) else kind
                start = prev[0]
            merged.append((start, end, kind, owner))
        return merged

    def _fuzzy(self, word: str) -> tuple[str, str] | None:
        if word in self._fuzzy_seen:
            return self._fuzzy_seen[word]
        found = None
        for variant in _deletions(word):
            for part, owner in self.fuzzy_index.get(variant, ()):
                if edit_distance_one(word, part):
                    found = (part, owner)
                    break
            if found:
                break
        self._fuzzy_seen[word] = found
        return found

    # -- replacing ---------------------------------------------------------------

    def run(self, text: str, *, near: bool = False) -> Result:
        """``text`` with every secret replaced; the hits, and near misses if asked."""
        if not text or self.empty:
            return Result(text or "")
        folded = fold(text)
        spans = self._spans(folded)
        near_words = self._near_words(folded, [(a, b) for a, b, _ in spans]) if near else []
        if not spans and not near_words:
            return Result(text)
        mapped, starts, ends = fold_mapped(text)
        if mapped != folded:  # cannot happen (tested); never replace at the wrong place
            spans = self._spans(mapped)
            near_words = self._near_words(mapped, [(a, b) for a, b, _ in spans]) if near else []
        result = Result(text)
        pieces, cursor = [], 0
        for start, end, secret in spans:
            a, b = starts[start], ends[end - 1]
            if a < cursor:
                continue
            pieces += [text[cursor:a], secret.replacement]
            result.hits.append(Hit(a, b, text[a:b], secret.replacement, secret.kind, secret.owner))
            cursor = b
        pieces.append(text[cursor:])
        result.text = "".join(pieces)
        for start, end, kind, owner in near_words:
            a, b = starts[start], ends[end - 1]
            result.near.append(NearMiss(a, b, text[a:b], kind, owner))
        return result

    def replace(self, text: str) -> str:
        return self.run(text).text


_DIGIT_RUN = re.compile(r"(?<![^ ])\d+(?: \d+)*(?![^ ])")
_LETTER_RUN = re.compile(r"(?<![^ ])(?:[^ \d] ){3,}[^ \d](?![^ ])")
_NAME_KINDS = frozenset({"name", "alias", "name part", "author"})
_WORD = re.compile(r"[^ ]+")


def _placeholder() -> str:
    from ...i18n import translate
    return translate("Redaction", "[withheld]")
