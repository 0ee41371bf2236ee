"""The editable fields of each record kind and how a typed value is checked.

One table drives both the services' validation and the window's editors, so a
rule (a protected person needs a pseudonym, a latitude lies within +-90) is
written once. Labels are marked for translation and translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import InvalidInput
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model import PartialDate


@dataclass(frozen=True)
class Field:
    name: str
    label_text: str
    #: line, text, date, vocab, grade, bool, int, float, ref
    type: str = "line"
    vocabulary: str = ""
    ref_kind: str = ""
    required: bool = False
    #: the qualifier field that goes with a date
    qualifier: str = ""

    @property
    def label(self) -> str:
        return translate("Fields", self.label_text)


F = Field
T = QT_TRANSLATE_NOOP

#: what a source, or whoever gave an evidence item, agreed to (``services/consent.py`` reads it)
CONSENT = (
    F("consent", T("Fields", "Consent"), "vocab", "consent"),
    F("consent_to", T("Fields", "Consent: to whom"), "text"),
    F("consent_not_to", T("Fields", "Never to"), "text"),
    F("consent_not_before", T("Fields", "Not to be shared before"), "date"),
    F("consent_given", T("Fields", "Consent given on"), "date"),
    F("consent_recorded_by", T("Fields", "Consent recorded by")),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "incident": (
        F("title", T("Fields", "Title"), required=True),
        F("start_date", T("Fields", "Start"), "date", qualifier="start_qualifier"),
        F("start_qualifier", T("Fields", "Start is"), "vocab", "date_qualifier"),
        F("end_date", T("Fields", "End"), "date", qualifier="end_qualifier"),
        F("end_qualifier", T("Fields", "End is"), "vocab", "date_qualifier"),
        F("place_id", T("Fields", "Place"), "ref", ref_kind="place"),
        F("incident_type", T("Fields", "Type"), "vocab", "incident_type"),
        F("violation_status", T("Fields", "Violation"), "vocab", "violation_status"),
        F("fatalities", T("Fields", "Fatalities reported"), "int"),
        F("confidential", T("Fields", "Confidential"), "bool"),
        F("description", T("Fields", "Description"), "text"),
        F("caveats", T("Fields", "Caveats for the reader"), "text"),
        F("notes", T("Fields", "Notes"), "text"),
    ),
    "actor": (
        F("name", T("Fields", "Name"), required=True),
        F("category", T("Fields", "Category"), "vocab", "actor_category"),
        F("actor_type", T("Fields", "Actor type"), "vocab", "actor_type"),
        F("protected", T("Fields", "Protected person"), "bool"),
        F("pseudonym", T("Fields", "Pseudonym")),
        F("aliases", T("Fields", "Aliases (one per line)"), "text"),
        F("contact", T("Fields", "Contact (never shared)"), "text"),
        F("description", T("Fields", "Description"), "text"),
        F("caveats", T("Fields", "Caveats for the reader"), "text"),
    ),
    "place": (
        F("name", T("Fields", "Name"), required=True),
        F("municipality", T("Fields", "Municipality")),
        F("state", T("Fields", "State")),
        F("country", T("Fields", "Country")),
        F("latitude", T("Fields", "Latitude"), "float"),
        F("longitude", T("Fields", "Longitude"), "float"),
        F("precision", T("Fields", "Precision"), "vocab", "place_precision"),
        F("description", T("Fields", "Description"), "text"),
        F("caveats", T("Fields", "Caveats for the reader"), "text"),
    ),
    "source": (
        F("title", T("Fields", "Title"), required=True),
        F("source_kind", T("Fields", "Kind"), "vocab", "source_kind"),
        F("outlet", T("Fields", "Outlet")),
        F("author", T("Fields", "Author")),
        F("published", T("Fields", "Published"), "date"),
        F("url", T("Fields", "URL")),
        F("language", T("Fields", "Language")),
        F("accessed", T("Fields", "Accessed"), "date"),
        F("reliability", T("Fields", "Reliability"), "grade", "reliability"),
        F("reliability_reason", T("Fields", "Why this grade"), "text"),
        F("confidential", T("Fields", "Confidential source"), "bool"),
        F("pseudonym", T("Fields", "Pseudonym")),
        F("contact", T("Fields", "Contact (never shared)"), "text"),
        *CONSENT,
        F("caveats", T("Fields", "Caveats for the reader"), "text"),
        F("notes", T("Fields", "Notes"), "text"),
    ),
    "claim": (
        F("summary", T("Fields", "What is claimed"), "text", required=True),
        F("quote", T("Fields", "Quote"), "text"),
        F("quote_kind", T("Fields", "The quote is"), "vocab", "quote_kind"),
        F("translated_by", T("Fields", "Translated by"), "vocab", "translated_by"),
        F("claimant_id", T("Fields", "Claimant"), "ref", ref_kind="actor"),
        F("claimed_on", T("Fields", "Claimed on"), "date"),
        F("origin_status", T("Fields", "First said"), "vocab", "origin_status"),
        F("origin_id", T("Fields", "First said in (origin)"), "ref", ref_kind="source"),
        F("source_id", T("Fields", "Read in (source)"), "ref", ref_kind="source"),
        F("chain_review", T("Fields", "Chain of attribution to review"), "bool"),
        F("credibility", T("Fields", "Credibility"), "grade", "credibility"),
        F("credibility_reason", T("Fields", "Why this grade"), "text"),
        F("status", T("Fields", "Status"), "vocab", "claim_status"),
        F("stance", T("Fields", "Stance of the accused"), "vocab", "stance"),
        F("caveats", T("Fields", "Caveats for the reader"), "text"),
        F("notes", T("Fields", "Notes"), "text"),
    ),
    "evidence": (
        F("title", T("Fields", "Title")),
        F("obtained_how", T("Fields", "How obtained"), "text"),
        F("origin", T("Fields", "Origin (URL, device, person)")),
        F("collected_by", T("Fields", "Collected by")),
        F("collection_tool", T("Fields", "Collected with (tool)")),
        F("preservation", T("Fields", "How preserved"), "text"),
        F("confidential", T("Fields", "Confidential"), "bool"),
        F("shows_faces", T("Fields", "Shows people's faces"), "bool"),
        *CONSENT,
        F("caveats", T("Fields", "Caveats for the reader"), "text"),
        F("note", T("Fields", "Note"), "text"),
    ),
}

#: fields set by the window but not shown as form rows
HIDDEN_FIELDS = {
    "claim": {"quote_start": "int", "quote_end": "int"},
    "source": {"text": "text"},
}



def field(kind: str, name: str) -> Field:
    for f in FIELDS[kind]:
        if f.name == name:
            return f
    if name in HIDDEN_FIELDS.get(kind, {}):
        return Field(name, name, HIDDEN_FIELDS[kind][name])
    raise InvalidInput(translate("Records", "no such field"), field=name)


def clean_value(kind: str, name: str, value, vocabularies: dict[str, set[str]]):
    """Turn what was typed into what is stored, or raise InvalidInput naming the field."""
    f = field(kind, name)
    label = f.label

    def bad(message: str):
        return InvalidInput(message, field=label)

    if f.type in ("line", "text"):
        value = "" if value is None else str(value)
        if f.required and not value.strip():
            raise bad(translate("Records", "cannot be empty"))
        return value.strip() if f.type == "line" else value
    if f.type == "date":
        if value is None or isinstance(value, PartialDate):
            return value.iso() if value else None
        try:
            parsed = PartialDate.parse(str(value))
        except InvalidInput as e:
            raise bad(str(e)) from None
        return parsed.iso() if parsed else None
    if f.type in ("vocab", "grade"):
        key = "" if value is None else str(value)
        allowed = vocabularies.get(f.vocabulary, set())
        if key not in allowed and key != "":
            raise bad(translate("Records", "“{value}” is not one of the choices").format(value=key))
        if key == "" and f.vocabulary in ("reliability", "credibility", "date_qualifier", "claim_status",
                                          "violation_status", "actor_category", "place_precision",
                                          "source_kind"):
            raise bad(translate("Records", "choose one of the choices"))
        return int(key) if f.vocabulary == "credibility" else key
    if f.type == "bool":
        return bool(value)
    if f.type in ("int", "ref"):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            raise bad(translate("Records", "must be a whole number")) from None
        if number < 0:
            raise bad(translate("Records", "cannot be negative"))
        return number
    if f.type == "float":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            real = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
        except ValueError:
            raise bad(translate("Records", "must be a number such as 16.97")) from None
        limit = 90 if name == "latitude" else 180
        if not -limit <= real <= limit:
            raise bad(translate("Records", "must lie between -{limit} and {limit}").format(limit=limit))
        return real
    raise bad(translate("Records", "cannot be edited"))


def check_record(kind: str, row: dict) -> None:
    """Rules across fields, checked on the record as it would be stored."""
    if kind == "actor" and row.get("protected") and not (row.get("pseudonym") or "").strip():
        raise InvalidInput(translate("Records", "a protected person needs a pseudonym before anything is shared"),
                           field=translate("Fields", "Pseudonym"))
    if kind == "source" and row.get("confidential") and not (row.get("pseudonym") or "").strip():
        raise InvalidInput(translate("Records", "a confidential source needs a pseudonym"),
                           field=translate("Fields", "Pseudonym"))
    if kind == "incident":
        start, end = PartialDate.from_iso(row.get("start_date")), PartialDate.from_iso(row.get("end_date"))
        if start is not None and end is not None and end.last_day() < start.first_day():
            raise InvalidInput(translate("Records", "the end comes before the start"), field=translate("Fields", "End"))
