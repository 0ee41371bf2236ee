"""What the engine looks for, built from the case: the variants of each
protected name, the parts of each contact detail, confidential sources'
titles and authors, and passages the documenter marked.

Names (a protected actor's name and each alias, a confidential source's
author) are replaced by the pseudonym in these forms, compared folded:

- the whole name, and its parts run together ("rosaejemploficticia");
- any two or more of its parts in their order, and any two in reverse order
  ("Rosa Ficticia", "Ficticia Rosa"), also run together; particles ("de",
  "la", "y", ...) are skipped when choosing parts;
- the first initial with any later part ("R. Ficticia"), the initials of
  every earlier part with a later part
  ("R. E. Ficticia"), and the first part with the later ones as initials
  but the last ("Rosa E. Ficticia");
- a name of one word (an alias such as "Chayo") as it is, and a name that is
  one word after its particles ("La Chata" -> "Chata") by that word when it
  is distinctive (four letters or more, not in an unprotected actor's name).

Next to a replaced name, the matcher also takes in the neighbouring words
that are parts or initials of the same person's names (``neighbours``), so
"Rosa E. Ficticia" does not become "Rosa E. Witness A".

A single part of a longer name is replaced only when it is *distinctive*:
the actor is a person, the part is not the first (given names are shared by
many people), it has at least four letters, it is not a particle, and no
actor of the case that is not protected has it in their name or aliases.
Every other single part is a near miss: reported, not replaced.

Contact details are split into their parts: an e-mail address whole, its
local part, and its domain unless it is a public mail provider, each also
written out ("rosa at correo-ejemplo dot mx", "rosa [at] ...", Spanish
"arroba" and "punto"); every phone number by its digits (runs of 7 or more,
whatever the punctuation; a number written with "+" also with "00"); anything
else as an address, whole and by each comma-separated part that holds a
number (the street and house number).
"""

from __future__ import annotations

import re
from itertools import combinations

from .matcher import Secret
from .normalise import fold

PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "da", "das", "do", "dos", "di", "van",
                       "von", "der", "den", "le", "du", "al", "bin", "ibn", "ben", "mac", "st", "san", "santa"})
PUBLIC_MAIL = frozenset({"gmail com", "googlemail com", "hotmail com", "outlook com", "live com", "yahoo com",
                         "yahoo com mx", "hotmail es", "yahoo es", "icloud com", "me com", "protonmail com",
                         "proton me", "aol com", "gmx com", "gmx net", "mail com", "riseup net", "tutanota com",
                         "prodigy net mx", "msn com", "outlook es"})
MAX_PARTS = 6  # beyond this, only neighbouring pairs (a long alias is rarer than a long title)
_EMAIL = re.compile(r"[^\s@;,<>()\"']+@[^\s@;,<>()\"']+\.[^\s@;,<>()\"']+")
_PHONE = re.compile(r"\+?\d[\d\s().\-/\u00a0]{5,}\d")
_PIECES = re.compile(r"[\n;|]+")


def name_variants(name: str, owner: str, replacement: str, kind: str, *, person: bool,
                  common: frozenset[str] | set[str]) -> tuple[list[Secret], dict[str, str]]:
    """Secrets for one name, and its single parts that are near misses only."""
    words = fold(name).split()
    if not words:
        return [], {}
    if len(words) == 1:
        return ([Secret(words[0], replacement, kind, owner)] if len(words[0]) >= 3 else []), {}
    out = {" ".join(words), "".join(words)}
    parts = [w for w in words if w not in PARTICLES] or words
    if len(parts) <= MAX_PARTS:
        for size in range(2, len(parts) + 1):
            for combo in combinations(parts, size):
                out.update((" ".join(combo), "".join(combo)))
        for a, b in combinations(parts, 2):
            out.update((f"{b} {a}", f"{b}{a}"))
    else:
        for a, b in zip(parts, parts[1:]):
            out.update((f"{a} {b}", f"{a}{b}", f"{b} {a}"))
    if len(parts[0]) > 1:
        out.update(f"{parts[0][0]} {later}" for later in parts[1:])
    if len(parts) >= 3 and len(parts) <= MAX_PARTS:
        initials = [p[0] for p in parts]
        for k in range(2, len(parts)):
            out.add(" ".join([*initials[:k], parts[k]]))  # "r e ficticia"
        out.add(" ".join([parts[0], *initials[1:-1], parts[-1]]))  # "rosa e ficticia"
    secrets = [Secret(v, replacement, kind, owner) for v in sorted(out) if len(v) >= 3]
    near: dict[str, str] = {}
    if len(parts) == 1 and parts[0] not in PARTICLES and len(parts[0]) >= 4 and parts[0] not in common \
            and not parts[0].isdigit():  # "La Chata": the particle is not the name, "Chata" is
        secrets.append(Secret(parts[0], replacement, "name part", owner))
        return secrets, near
    for position, part in enumerate(parts):
        if len(part) < 3 or part in PARTICLES:
            continue
        if person and position > 0 and len(part) >= 4 and part not in common and not part.isdigit():
            secrets.append(Secret(part, replacement, "name part", owner))
        else:
            near[part] = owner
    return secrets, near


def contact_secrets(contact: str, owner: str, placeholder: str) -> tuple[list[Secret], list[tuple[str, str]]]:
    """Secrets for a contact field, and its phone numbers as (digits, owner)."""
    secrets: list[Secret] = []
    phones: list[tuple[str, str]] = []
    for piece in _PIECES.split(contact or ""):
        rest = piece
        for email in _EMAIL.findall(piece):
            rest = rest.replace(email, " ")
            local, _, domain = email.partition("@")
            secrets.append(Secret(fold(email), placeholder, "email", owner))
            secrets += [Secret(v, placeholder, "email", owner) for v in spelled_email(local, domain)]
            local_words = fold(local).split()
            if len("".join(local_words)) >= 3:
                secrets.append(Secret(" ".join(local_words), placeholder, "email", owner))
                secrets.append(Secret("".join(local_words), placeholder, "email", owner))
            folded_domain = fold(domain)
            if folded_domain not in PUBLIC_MAIL and len(folded_domain) >= 4:
                secrets.append(Secret(folded_domain, placeholder, "email", owner))
                secrets += [Secret(fold(domain.replace(".", f" {dot} ")), placeholder, "email", owner)
                            for dot in DOTS]
        for phone in _PHONE.findall(rest):
            digits = re.sub(r"\D", "", fold(phone))
            if len(digits) >= 7:
                rest = rest.replace(phone, " ")
                phones.append((digits, owner))
                if phone.startswith("+"):  # +52 is dialled 0052 from most countries
                    phones.append(("00" + digits, owner))
        address = fold(rest)
        if len(address.split()) >= 2:
            secrets.append(Secret(address, placeholder, "address", owner))
            for part in rest.split(","):
                folded = fold(part)
                if len(folded.split()) >= 2 and any(ch.isdigit() for ch in folded):
                    secrets.append(Secret(folded, placeholder, "address", owner))
    return secrets, phones


#: how "@" and "." are spelled out to keep an address from harvesters
ATS = ("at", "arroba")
DOTS = ("dot", "punto")


def spelled_email(local: str, domain: str) -> set[str]:
    """An e-mail address written out: "rosa at correo-ejemplo dot mx",
    "rosa.ficticia [at] correo-ejemplo.mx", "rosa arroba correo punto mx"
    (folded; brackets and dots are separators)."""
    out = set()
    for at in ATS:
        for dot in DOTS:
            spelled_domain = domain.replace(".", f" {dot} ")
            for written in (f"{local} {at} {domain}", f"{local} {at} {spelled_domain}",
                            f"{local.replace('.', f' {dot} ')} {at} {spelled_domain}"):
                out.add(fold(written))
    return out


def neighbours(name: str) -> set[str]:
    """The parts of a name and their initials: words the matcher takes in
    next to a replaced name of the same person. A vowel alone is also a word
    ("se lo dijo a Secreta", "Ana y Rosa"), so it is never taken in as an
    initial: the listed initial forms ("A. Secreta") still match."""
    parts = [w for w in fold(name).split() if w not in PARTICLES]
    return set(parts) | {p[0] for p in parts if p[0].isalpha() and p[0] not in "aeiouy"}


def phrase(text: str, owner: str, replacement: str, kind: str) -> list[Secret]:
    """A title, URL or marked passage: replaced only as a whole."""
    folded = fold(text)
    return [Secret(folded, replacement, kind, owner)] if len(folded) >= 3 else []


def url_secrets(url: str, owner: str, replacement: str) -> list[Secret]:
    """A confidential source's address: whole, without its scheme and "www",
    and its path alone when that has two words or more (a slug)."""
    folded = fold(url).split()
    if folded[:1] and folded[0] in ("http", "https", "ftp"):
        folded = folded[1:]
    if folded[:1] == ["www"]:
        folded = folded[1:]
    out = phrase(url, owner, replacement, "url") + phrase(" ".join(folded), owner, replacement, "url")
    _, _, path = url.partition("://")[2].partition("/") if "://" in url else url.partition("/")
    if len(fold(path).split()) >= 2:
        out += phrase(path, owner, replacement, "url")
    return out
