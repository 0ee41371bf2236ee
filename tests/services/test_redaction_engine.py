"""The redaction engine on its own: folding, the variants of a name, contact
parts, replacement in the original text, near misses."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from casefile.model import Actor, Source
from casefile.services.redaction import Redactor, fold
from casefile.services.redaction.matcher import Matcher, edit_distance_one, trie_pattern
from casefile.services.redaction.normalise import fold_mapped
from casefile.services.redaction.secrets import contact_secrets, name_variants, neighbours

NAME = "Rosa Ejemplo Ficticia"
CONTACT = "rosa.ficticia@correo-ejemplo.mx; +52 (744) 555-0199\nCalle Hidalgo 12, Colonia Centro, Ayutla"


def matcher() -> Matcher:
    names, near = name_variants(NAME, "ACT-0009", "Witness A", "name", person=True, common={"rosa"})
    alias, _ = name_variants("La Chata", "ACT-0009", "Witness A", "alias", person=True, common=set())
    contact, phones = contact_secrets(CONTACT, "ACT-0009", "[withheld]")
    fuzzy = {part: "ACT-0009" for part in fold(NAME).split()}
    return Matcher(names + alias + contact, phones, near, fuzzy,
                   {"ACT-0009": neighbours(NAME) | neighbours("La Chata")})


@pytest.mark.parametrize("text", [
    "Rosa Ejemplo Ficticia", "Rosa  Ejemplo  Ficticia", "Rosa\nEjemplo\r\nFicticia", "Rosa\u00a0Ejemplo\u2009Ficticia",
    "ROSA EJEMPLO FICTICIA", "Rósa Ejémplo Fictícia", "Ro\u0301sa Ficti\u0301cia", "rosa_ejemplo_ficticia",
    "rosa-ejemplo-ficticia", "rosa.ejemplo.ficticia", "Rosa Ficticia", "Ejemplo Ficticia", "Rosa Ejemplo",
    "Ficticia, Rosa", "R. Ficticia", "RosaEjemploFicticia", "rosaficticia", "Ro\u200bsa Fic\u00adticia",
    "Ficticia", "Ejemplo", "La Chata", "la  chata", "rosa.ficticia", "rosa_ficticia@correo-ejemplo.mx",
    "correo-ejemplo.mx", "+52 744 555 0199", "744-555-0199", "(744) 5550199", "7 4 4 5 5 5 0 1 9 9",
    "Calle Hidalgo 12", "calle  hidalgo #12", "https://example.org/people/rosa-ejemplo-ficticia",
    "https://fb.example/rosa_ficticia85",
    # the hidden set: what an adversarial tester tries next
    "Ro\u200csa Fic\u200dticia", "Ro\u2060sa Fic\ufeffticia", "Rosa Fic-\nticia", "Rosa Ejem\u00ad\r\nplo Ficticia",
    "Ficticia, Rosa Ejemplo", "R. E. Ficticia", "Rosa E. Ficticia", "RE Ficticia", "ROSA FICTICIA",
    "\uff32\uff4f\uff53\uff41 \uff26\uff49\uff43\uff54\uff49\uff43\uff49\uff41",
    "\U0001d411\U0001d428\U0001d42c\U0001d41a \U0001d405\U0001d422\U0001d41c\U0001d42d\U0001d422\U0001d41c"
    "\U0001d422\U0001d41a",
    "R\u043es\u0430 F\u0456\u0441t\u0456\u0441\u0456\u0430", "R\u03bfs\u03b1 F\u03b9ct\u03b9c\u03b9\u03b1",
    "\u0280\u1d0f\ua731\u1d00 \ua730\u026a\u1d04\u1d1b\u026a\u1d04\u026a\u1d00", "Fıctıcıa",
    "https://x.example/?q=Rosa%20Ficticia", "%52%6F%73%61%20Ficticia", "q=rosa+ficticia", "rosa-ficticia",
    "Rosa&nbsp;Ficticia", "&#82;osa Fi&#x63;ticia", "Ros&aacute; Fict&iacute;cia", "Ro<b>sa</b> Fic<i>ti</i>cia",
    "\\u0052osa Ficticia", "Ficticia's", "Rosa Ficticia\u2019s", "Chata\u02bcs", "Chata",
    "0052 744 555 0199", "+52.744.555.01.99", "744 555 01 99", "7445550199", "52 7445550199",
    "rosa.ficticia at correo-ejemplo dot mx", "rosa.ficticia[at]correo-ejemplo.mx",
    "rosa.ficticia (at) correo-ejemplo (dot) mx", "rosa punto ficticia arroba correo-ejemplo punto mx",
    "R o s a  F i c t i c i a", "F.I.C.T.I.C.I.A",
    # digits in other dress: dingbat and double-circled digits, which compatibility folding keeps
    "\u277c\u2779\u2779 \u277a\u277a\u277a \u24ea\u2776\u277e\u277e", "\u2786\u2783\u2783-\u2784\u2784\u2784-0\u2780\u2788\u2788",
    "Calle Hidalgo \u24f5\u24f6", "Calle Hidalgo \u278a\u278b", "\uff17\uff14\uff14 \u2075\u2075\u2075 \u2080\u2081\u2089\u2089",
])
def test_every_variant_is_replaced_in_place(text):
    sentence = f"Before. {text} after."
    out = matcher().replace(sentence)
    assert out.startswith("Before. ") and out.endswith(" after.")
    assert "Witness A" in out or "[withheld]" in out
    for part in ("rosa", "ficticia", "hidalgo", "5550199", "chata", "correoejemplo"):
        assert part not in fold(out).replace(" ", ""), (text, out)


@pytest.mark.parametrize("text,folded", [
    ("Rosa&nbsp;Fict&iacute;cia", "rosa ficticia"), ("&#82;osa &#x46;icticia", "rosa ficticia"),
    ("Rosa%20Fict%C3%ADcia", "rosa ficticia"), ("Fic-\nticia", "ficticia"), ("Fic\u00ad\r\n  ticia", "ficticia"),
    ("Ro<b>sa</b><br/>Ficticia", "rosa ficticia"), ("\\u0052osa", "rosa"), ("R\u043es\u0430", "rosa"),
    ("\u039d\u0391\u0392\u0391", "naba"), ("\U0001d411osa", "rosa"), ("\u0280\u1d0f\ua731\u1d00", "rosa"),
    ("Ficticia\u02bcs", "ficticia s"), ("Calle \u277a", "calle 5"), ("No. \u2793", "no 10"), ("\u24f9", "5"),
    # what is not an encoding stays as it was
    ("50% of 20%", "50 of 20"), ("%FF%FE", "ff fe"), ("a&b; c &bogus; d", "a b c bogus d"), ("well-known", "well known"),
    ("end -\n next", "end next"), ("x<y and y>z", "x y and y z"),
    ("<Rosa Ficticia>", "rosa ficticia"), ('<a href="/rosa-ficticia">', "a href rosa ficticia"),
])
def test_encodings_are_undone_before_folding(text, folded):
    assert fold(text) == folded
    assert fold_mapped(text)[0] == folded


def test_false_positives_stay_low():
    """A lone given name, a vowel that is a word, names of other people, and
    two names side by side keep their own places."""
    m = matcher()
    for text in ("Rosa said so.", "Ana y Rosa vinieron; se lo dijo a Ejemplo.", "Rosalinda Ficticiano",
                 "R. E. M. played", "rosa at the market dot com"):
        out = m.replace(text)
        assert "Rosa" in out or "rosa" in out or "Rosalinda" in out or "R. E. M." in out, (text, out)
    assert m.replace("se lo dijo a Ejemplo") == "se lo dijo a Witness A"
    assert m.replace("Chayo (la Chata) y Rosa Ficticia") == "Chayo (Witness A) y Witness A"
    assert m.replace("Rosa Ficticia, Ficticia") == "Witness A, Witness A"


def test_a_part_is_common_only_outside_a_protected_name(case):
    """An unprotected actor bearing a part makes it a near miss; one named
    after the protected person ("Vecinos de Rosa Ficticia") does not."""
    with case.session() as s:
        s.add_all([Actor(name=NAME, protected=True, pseudonym="Witness A", category="person"),
                   Actor(name="María Pérez Nava", protected=True, pseudonym="Witness B", category="person"),
                   Actor(name="Vecinos de Rosa Ficticia", category="group"),
                   Actor(name="Juan Pérez", category="person")])
    with case.session() as s:
        r = Redactor(s, "public", record=True)
        assert r.scrub("Ficticia and Nava spoke; Pérez too") == "Witness A and Witness B spoke; Pérez too"
        assert r.scrub("Juan Pérez", ("INC-1", "title")) == "Juan Pérez"
    assert [(n.matched, n.kind) for _, _, n in r.near] == [("Pérez", "single part")]


def test_replacement_keeps_everything_else():
    m = matcher()
    assert m.replace("On 5 Aug 2013, 12 people saw Rosa Ficticia at 10:30.") == \
        "On 5 Aug 2013, 12 people saw Witness A at 10:30."
    assert m.replace("Rosalinda and Ficticiano were there") == "Rosalinda and Ficticiano were there"
    assert m.replace("call +1 744 555 0199 ext 12") == "call +1 [withheld] ext 12"
    assert m.replace("5550 19") == "5550 19"  # too few digits to be the number


def test_single_given_name_and_typos_are_near_misses():
    result = matcher().run("Rosa said so. Later Rosa Ficticla came, then Fictisia.", near=True)
    assert result.text == "Rosa said so. Later Rosa Ficticla came, then Fictisia."
    assert [(n.matched, n.kind) for n in result.near] == [
        ("Rosa", "single part"), ("Rosa Ficticla", "edit distance one"), ("Fictisia", "edit distance one")]
    assert all(n.owner == "ACT-0009" for n in result.near)


def test_a_part_shared_with_an_unprotected_actor_is_only_a_near_miss():
    names, near = name_variants("María Pérez Nava", "ACT-1", "W", "name", person=True, common={"perez"})
    assert "perez" in near and "nava" not in near
    assert "nava" in {s.folded for s in names} and "perez" not in {s.folded for s in names}


def test_group_names_replace_no_single_word():
    names, near = name_variants("Colectivo Luna Negra", "ACT-2", "Grupo X", "name", person=False, common=set())
    assert not {"colectivo", "luna", "negra"} & {s.folded for s in names}
    assert set(near) == {"colectivo", "luna", "negra"}


def test_public_mail_domains_are_not_secrets():
    secrets, _ = contact_secrets("rosa.f@gmail.com", "A", "[w]")
    assert "gmail com" not in {s.folded for s in secrets}
    assert {"rosa f gmail com", "rosa f", "rosaf"} <= {s.folded for s in secrets}


_PIECES = st.sampled_from(list("aZé1٣ _-.\n\u00a0\u200b\u0301İßﬁ\t@,%&#;<>/\\ux20Aаο𝐑ʼ\u00ad") + [
    "%20", "%C3%A1", "%FF", "&nbsp;", "&#82;", "&#x63;", "&bogus;", "&#99999999;", "<b>", "</i>", "<br>",
    "\\u0052", "-\n", "-\r\n ", "\u00ad\n"]) | st.characters()


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
@example("a❶")  # a digit to str.isdigit() but not to \d: once split in one folding only
@example("x²y³ ①")
def test_fast_and_mapped_folding_agree(text):
    folded, starts, ends = fold_mapped(text)
    assert fold(text) == folded
    assert len(starts) == len(ends) == len(folded)
    assert all(0 <= a <= b <= len(text) for a, b in zip(starts, ends))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_matcher_never_raises_and_keeps_text_without_secrets(text):
    out = matcher().run(text, near=True)
    if not out.hits:
        assert out.text == text


def test_edit_distance_one():
    assert edit_distance_one("ficticia", "ficticla") and edit_distance_one("ficticia", "ficticiaa")
    assert edit_distance_one("ficticia", "fitcicia")
    assert not edit_distance_one("ficticia", "ficticia") and not edit_distance_one("ficticia", "fxctxcia")


def test_one_matcher_scales_with_text_not_with_names():
    words = [f"nombre{i} apellido{i}" for i in range(5000)]
    pattern = trie_pattern(words)
    m = Matcher([m for w in words for m in name_variants(w, "A", "P", "name", person=True, common=set())[0]])
    text = "Una frase sin nombres protegidos, con acentos: Tecoanapa, Guerrero. " * 2000
    start = time.perf_counter()
    assert m.replace(text) == text
    assert time.perf_counter() - start < 5  # a regex loop per name would take minutes
    assert len(pattern) < sum(map(len, words)) * 2


def test_redactor_uses_aliases_contacts_and_source_authors(case):
    with case.session() as s:
        s.add_all([
            Actor(name=NAME, aliases="La Chata\nChayo", protected=True, pseudonym="Witness A", category="person",
                  contact=CONTACT),
            Actor(name="Rosa Morales", category="person"),
            Source(title="Entrevista en Ayutla", author="Juana Fuente Secreta", confidential=True,
                   pseudonym="Source W", url="https://example.org/entrevista-ayutla-secreta"),
        ])
    with case.session() as s:
        r = Redactor(s, "public")
    text = ("Chayo (la chata) met rosa_ficticia and Juana Secreta; see example.org/entrevista-ayutla-secreta "
            "or write rosa.ficticia@correo-ejemplo.mx. Rosa Morales was there.")
    out = r.scrub(text)
    assert out == ("Witness A (Witness A) met Witness A and Source W; see [withheld] "
                   "or write [withheld]. Rosa Morales was there."), out
    assert r.counts()["replaced"] == 6
