"""What the dossier's terms mean, and which right an incident type concerns.

A methodology table that prints "Confirmed: Confirmed" defines nothing. Each
term shown gets one sentence that says what must hold for it to apply. The
English sentences are marked for Qt's translation tools ("Dossier" context);
Spanish is built in, like ``labels.BUILTIN``. A case's own description of a
term (a term the documenter added, or the Admiralty scales' descriptions)
wins over these.

No ReportLab and no session here: plain data for ``data.py``.
"""

from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP, translate
from .views import Definition

N = QT_TRANSLATE_NOOP

#: (vocabulary, key) -> (English, Spanish)
DEFINITIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("violation_status", "confirmed"): (
        N("Dossier", "The information meets the standard of proof: independent origins agree and nothing credible "
                     "contradicts them."),
        "La información alcanza el estándar de prueba: orígenes independientes coinciden y nada creíble los "
        "contradice."),
    ("violation_status", "likely"): (
        N("Dossier", "Credible information points to a violation, but it does not yet meet the standard of "
                     "proof (for example, a single origin)."),
        "Información creíble apunta a una violación, pero aún no alcanza el estándar de prueba (por ejemplo, un "
        "solo origen)."),
    ("violation_status", "possible"): (
        N("Dossier", "The facts reported could amount to a violation; too little is known to call it likely."),
        "Los hechos reportados podrían constituir una violación; se sabe demasiado poco para llamarla probable."),
    ("violation_status", "unlikely"): (
        N("Dossier", "What is known points away from a violation, or credible information contradicts it."),
        "Lo que se sabe apunta a que no hubo violación, o información creíble lo contradice."),
    ("violation_status", "unknown"): (
        N("Dossier", "Not assessed: too little is known to say whether a right was violated."),
        "Sin valorar: se sabe demasiado poco para decir si se violó un derecho."),
    ("claim_status", "unverified"): (
        N("Dossier", "No independent origin has yet confirmed or contradicted the claim."),
        "Ningún origen independiente ha confirmado ni contradicho aún la afirmación."),
    ("claim_status", "corroborated"): (
        N("Dossier", "At least one origin independent of the claim's own (another speaker, another first source) "
                     "supports it."),
        "Al menos un origen independiente del de la afirmación (otra persona, otra fuente primera) la respalda."),
    ("claim_status", "contested"): (
        N("Dossier", "Credible information contradicts the claim and the contradiction is not resolved."),
        "Información creíble contradice la afirmación y la contradicción no está resuelta."),
    ("claim_status", "refuted"): (
        N("Dossier", "Credible independent information shows the claim to be false."),
        "Información independiente y creíble muestra que la afirmación es falsa."),
    ("degree", "carried_out"): (
        N("Dossier", "The actor is reported to have done the act directly."),
        "Se reporta que el actor realizó el acto directamente."),
    ("degree", "ordered"): (
        N("Dossier", "The actor is reported to have ordered or directed the act, without necessarily carrying "
                     "it out."),
        "Se reporta que el actor ordenó o dirigió el acto, sin necesariamente realizarlo."),
    ("degree", "acquiesced"): (
        N("Dossier", "The actor is reported to have known of the act and let it happen when able to prevent it."),
        "Se reporta que el actor supo del acto y lo dejó ocurrir pudiendo impedirlo."),
    ("degree", "suspected"): (
        N("Dossier", "The documenter suspects the actor's part on indirect information; no source asserts it."),
        "Quien documenta sospecha la participación del actor por información indirecta; ninguna fuente la "
        "afirma."),
    ("degree", "alleged"): (
        N("Dossier", "A source asserts the actor's part; it is not established."),
        "Una fuente afirma la participación del actor; no está establecida."),
    ("degree", "unknown"): (
        N("Dossier", "The actor's part in the incident is not known."),
        "Se desconoce la participación del actor en el hecho."),
    ("role", "perpetrator"): (
        N("Dossier", "The actor is reported to have committed the act that may be a violation."),
        "Se reporta que el actor cometió el acto que puede ser una violación."),
    ("role", "victim"): (
        N("Dossier", "A person or group whose rights the act is reported to have harmed."),
        "Persona o grupo cuyos derechos se reporta que el acto afectó."),
    ("role", "witness"): (
        N("Dossier", "Someone who saw or heard the incident and gave an account of it."),
        "Alguien que vio u oyó el hecho y dio cuenta de él."),
    ("role", "participant"): (
        N("Dossier", "Took part in the incident, without being its author or its victim."),
        "Tomó parte en el hecho, sin ser su autor ni su víctima."),
    ("role", "detained"): (
        N("Dossier", "Deprived of liberty in the incident, by whoever held them."),
        "Privado de la libertad en el hecho, por quien lo retuvo."),
    ("role", "detaining"): (
        N("Dossier", "Held others in the incident, lawfully or not."),
        "Retuvo a otros en el hecho, legalmente o no."),
    ("role", "spokesperson"): (
        N("Dossier", "Spoke publicly about the incident; not otherwise part of it."),
        "Habló públicamente del hecho; no tomó parte en él de otra forma."),
    ("role", "target"): (
        N("Dossier", "Was aimed at by the act, whether or not harmed."),
        "Fue objetivo del acto, haya sido afectado o no."),
    ("role", "other"): (
        N("Dossier", "Part in the incident recorded but not one of the roles above."),
        "Participación registrada que no corresponde a ninguno de los papeles anteriores."),
    ("stance", ""): (
        N("Dossier", "The accused party's position is not known: it was not sought or not found."),
        "No se conoce la posición de la parte señalada: no se buscó o no se encontró."),
    ("stance", "denies"): (
        N("Dossier", "The accused party has denied the claim."),
        "La parte señalada negó la afirmación."),
    ("stance", "acknowledges"): (
        N("Dossier", "The accused party has acknowledged what the claim says, in whole or in part."),
        "La parte señalada reconoció lo que dice la afirmación, total o parcialmente."),
    ("stance", "no_comment"): (
        N("Dossier", "The accused party was asked and declined to answer."),
        "Se consultó a la parte señalada y no quiso responder."),
    ("stance", "not_asked"): (
        N("Dossier", "The accused party has not been asked for its position."),
        "No se ha consultado a la parte señalada."),
}

#: the right an incident type concerns, when an act of that type can violate one
#: (ICCPR articles). Indicative: the legal qualification is the lawyer's.
RIGHTS: dict[str, tuple[str, str]] = {
    "detention": (N("Dossier", "Liberty and security of person (ICCPR art. 9)"),
                  "Libertad y seguridad personales (PIDCP art. 9)"),
    "arrest": (N("Dossier", "Liberty and security of person (ICCPR art. 9)"),
               "Libertad y seguridad personales (PIDCP art. 9)"),
    "killing": (N("Dossier", "Life (ICCPR art. 6)"), "Vida (PIDCP art. 6)"),
    "attack": (N("Dossier", "Life and physical integrity (ICCPR arts. 6, 7)"),
               "Vida e integridad personal (PIDCP arts. 6, 7)"),
    "armed_clash": (N("Dossier", "Life and physical integrity (ICCPR arts. 6, 7)"),
                    "Vida e integridad personal (PIDCP arts. 6, 7)"),
    "abduction": (N("Dossier", "Liberty; freedom from enforced disappearance (ICCPR art. 9; ICPPED)"),
                  "Libertad; no ser sometido a desaparición forzada (PIDCP art. 9; CIPPDF)"),
    "threat": (N("Dossier", "Security of person (ICCPR art. 9)"), "Seguridad personal (PIDCP art. 9)"),
    "displacement": (N("Dossier", "Freedom of movement and residence (ICCPR art. 12)"),
                     "Libertad de circulación y residencia (PIDCP art. 12)"),
    "protest": (N("Dossier", "Peaceful assembly (ICCPR art. 21)"), "Reunión pacífica (PIDCP art. 21)"),
    "seizure": (N("Dossier", "Property and due process (ICCPR art. 14)"),
                "Propiedad y debido proceso (PIDCP art. 14)"),
}

#: the vocabularies the methodology defines, in order, with every term
#: (scales) or only the terms the dossier uses (roles, degrees, stances)
DEFINED = (("violation_status", True), ("reliability", True), ("credibility", True), ("claim_status", True),
           ("role", False), ("degree", False), ("stance", False))


def localised(lang: str, english: str, spanish: str) -> str:
    """``english`` in ``lang``: the installed translator first, then the built-in Spanish."""
    if lang == "en":
        return english
    translated = translate("Dossier", english)
    if translated != english:
        return translated
    return spanish if lang == "es" else english


def definition(lang: str, vocabulary: str, key: str, own: str = "") -> str:
    """One sentence saying what ``key`` means; the case's own description wins."""
    if own.strip():
        return own.strip()
    found = DEFINITIONS.get((vocabulary, key))
    return localised(lang, *found) if found else ""


def right_concerned(lang: str, incident_type: str) -> str:
    found = RIGHTS.get(incident_type)
    return localised(lang, *found) if found else ""


def definitions(lang: str, scales: dict[str, list[tuple[str, str, str]]],
                used: dict[str, set[str]]) -> dict[str, list[Definition]]:
    """Each defined vocabulary's terms as (label, meaning), from ``scales``
    (vocabulary -> [(key, label, own description)] in the dossier's language);
    vocabularies marked partial keep only the keys in ``used``."""
    out: dict[str, list[Definition]] = {}
    for vocabulary, every in DEFINED:
        terms = [(key, label, own) for key, label, own in scales.get(vocabulary, [])
                 if every or key in used.get(vocabulary, set())]
        rows = [Definition(label or key, definition(lang, vocabulary, key, own)) for key, label, own in terms]
        if rows:
            out[vocabulary] = rows
    return out
