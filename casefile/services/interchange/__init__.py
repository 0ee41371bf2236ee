"""The interchange format ``casefile-interchange/4``: a whole case as JSON.

The format is documented in ``resources/schema/README.md`` and defined by the
JSON Schema beside it. This module holds what export and import share: the
schema, a fast validator compiled from it, and how errors are named. The work
itself is in ``export``, ``importer`` and ``plan``. Older formats are brought
up to this one before they are checked (``upgrade``).

Why a compiled validator: ``jsonschema`` needs about 12 s for 100,000
incidents, longer than writing them. The compiled checks below answer only
"valid or not" per record, in a fraction of that; a record they reject is then
explained by ``jsonschema`` itself, so messages come from the reference
implementation and the schema file stays the single definition.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import cache

from ...errors import InvalidInput
from ...i18n import translate
from ...resources import resource

FORMAT = "casefile-interchange/4"
#: older formats still read: each is brought up to FORMAT before it is checked
OLDER_FORMATS = ("casefile-interchange/1", "casefile-interchange/2", "casefile-interchange/3")
SCHEMA_FILE = ("schema", "casefile-interchange-4.schema.json")

#: record sections in the order they are written and imported
RECORD_SECTIONS = ("places", "actors", "incidents", "sources", "claims", "assessments", "evidence")
LINK_SECTIONS = ("evidence_links", "custody", "withhold_marks")
SECTIONS = ("vocabularies", *RECORD_SECTIONS, *LINK_SECTIONS)

#: section -> table / record kind
KIND = {"places": "place", "actors": "actor", "incidents": "incident", "sources": "source",
        "claims": "claim", "assessments": "assessment", "evidence": "evidence"}
#: schema definition for one entry of each array section
DEFINITION = {"places": "place", "actors": "actor", "incidents": "incident", "sources": "source",
              "claims": "claim", "assessments": "assessment", "evidence": "evidence",
              "evidence_links": "evidence_link", "custody": "custody_event", "withhold_marks": "withhold_mark"}


#: problems listed before an import stops looking
LIMIT = 20


class ImportRefused(InvalidInput):
    """The file was refused; nothing in the case changed. ``problems`` lists
    every problem found (up to a limit), the message names the first."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        first = problems[0]
        if len(problems) > 1:
            first = translate("Interchange", "{problem} (and {n} more problems)").format(
                problem=first, n=len(problems) - 1 if len(problems) < LIMIT else f"{len(problems) - 1}+")
        super().__init__(first)


@cache
def schema() -> dict:
    return json.loads(resource(*SCHEMA_FILE).read_text(encoding="utf-8"))


def record_label(section: str, index: int, entry) -> str:
    """``incidents[3] (INC-0004)``: how an error names a record."""
    label = f"{section}[{index}]"
    code = entry.get("code") if isinstance(entry, dict) else None
    if isinstance(code, str) and len(code) <= 16 and code.isprintable():
        label += f" ({code})"
    return label


def field_path(parts) -> str:
    """("involvements", 0, "role") -> ``involvements[0].role``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


# -- the fast validator ---------------------------------------------------------

Check = Callable[[object], bool]
_IGNORED = {"$schema", "$id", "title", "description", "$comment", "default", "examples"}


#: free text: anything but NUL and unpaired surrogates (the schema's "text" pattern)
TEXT_PATTERN = "^[^\\u0000\\ud800-\\udfff]*$"
_KNOWN = {"$ref", "type", "properties", "required", "additionalProperties", "items", "maxItems", "maxLength",
          "minLength", "pattern", "enum", "const", "minimum", "maximum", "anyOf", "maxProperties", "propertyNames",
          "$defs"}
_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "null": (type(None),),
          "object": (dict,), "array": (list,)}


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda v: a(v) and b(v)
    return lambda v: all(c(v) for c in checks)


class _Compiler:
    """Turns the schema into closures returning True when valid: one closure
    per schema node, specialised for the common shapes (a bounded string, an
    optional reference), because 100,000 records make millions of calls.
    Refuses any keyword it does not implement, so it can never silently
    accept what the schema forbids."""

    def __init__(self, root: dict):
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if pointer not in self.refs:
            name = pointer.removeprefix("#/$defs/")
            self.refs[pointer] = lambda v: self.refs[pointer](v)  # while compiling a recursive definition
            self.refs[pointer] = self.compile(self.root["$defs"][name])
        return self.refs[pointer]

    def compile(self, node: dict) -> Check:
        unknown = set(node) - _IGNORED - _KNOWN
        if unknown:
            raise ValueError(f"schema keyword not supported by the fast validator: {sorted(unknown)}")
        checks: list[Check] = []
        if "$ref" in node:
            checks.append(self.ref(node["$ref"]))
        if "anyOf" in node:
            options = [self.compile(n) for n in node["anyOf"]]
            nulls = [n for n in node["anyOf"] if n == {"type": "null"}]
            if len(options) == 2 and nulls:  # the usual "X or null"
                other = options[1] if node["anyOf"][0] in nulls else options[0]
                checks.append(lambda v: v is None or other(v))
            else:
                checks.append(lambda v: any(o(v) for o in options))
        if "const" in node:
            const = node["const"]
            checks.append(lambda v: type(v) is type(const) and v == const)
        if "enum" in node:
            allowed = node["enum"]
            if all(type(a) is str for a in allowed):
                members = frozenset(allowed)
                checks.append(lambda v: type(v) is str and v in members)
            else:
                checks.append(lambda v: any(type(v) is type(a) and v == a for a in allowed))
        if "type" in node:
            checks.append(self._typed(node))
        else:
            checks.extend(self._untyped(node))
        return _all(checks)

    def _typed(self, node: dict) -> Check:
        """A type and the keywords that apply to it, in one closure."""
        names = node["type"] if isinstance(node["type"], list) else [node["type"]]
        for name in names:
            if name not in _TYPES:
                raise ValueError(f"unsupported type {name}")
        nullable = "null" in names
        names = [n for n in names if n != "null"]
        if len(names) != 1:
            kinds = tuple(t for n in names for t in _TYPES[n])
            rest = _all(list(self._untyped(node)))
            return lambda v: (nullable and v is None) or (type(v) in kinds and rest(v))
        name = names[0]
        if name == "string":
            most, least = node.get("maxLength", math.inf), node.get("minLength", 0)
            search = re.compile(node["pattern"]).search if "pattern" in node else None
            if node.get("pattern") == TEXT_PATTERN:  # most strings: ASCII needs only the NUL test
                def text(v, search=search):
                    if type(v) is not str:
                        return nullable and v is None
                    if not least <= len(v) <= most:
                        return False
                    return "\x00" not in v if v.isascii() else search(v) is not None
                return text
            if search is None:
                return lambda v: (least <= len(v) <= most) if type(v) is str else (nullable and v is None)
            return lambda v: (least <= len(v) <= most and search(v) is not None) if type(v) is str \
                else (nullable and v is None)
        if name in ("integer", "number"):
            low, high = node.get("minimum", -math.inf), node.get("maximum", math.inf)
            if name == "integer":
                return lambda v: (low <= v <= high) if type(v) is int else (nullable and v is None)
            return lambda v: (low <= v <= high and math.isfinite(v)) \
                if isinstance(v, int | float) and type(v) is not bool else (nullable and v is None)
        if name == "boolean":
            return lambda v: type(v) is bool or (nullable and v is None)
        rest = _all(list(self._untyped(node)))
        kind = _TYPES[name][0]
        return lambda v: (type(v) is kind and rest(v)) or (nullable and v is None)

    def _untyped(self, node: dict):
        """Keyword checks that pass values of other types (JSON Schema's rule)."""
        if "maxLength" in node or "minLength" in node:
            most, least = node.get("maxLength", math.inf), node.get("minLength", 0)
            yield lambda v: type(v) is not str or least <= len(v) <= most
        if "pattern" in node:
            search = re.compile(node["pattern"]).search
            yield lambda v: type(v) is not str or search(v) is not None
        if "minimum" in node or "maximum" in node:
            low, high = node.get("minimum", -math.inf), node.get("maximum", math.inf)
            yield lambda v: type(v) not in (int, float) or low <= v <= high
        if "items" in node or "maxItems" in node:
            item = self.compile(node.get("items", {}))
            most = node.get("maxItems", math.inf)
            yield lambda v: type(v) is not list or (len(v) <= most and all(map(item, v)))
        yield from self._object(node)

    def _object(self, node):
        if "properties" in node or "additionalProperties" in node or "required" in node:
            props = {k: self.compile(s) for k, s in node.get("properties", {}).items()}
            extra = node.get("additionalProperties", True)
            extra_check = None if isinstance(extra, bool) else self.compile(extra)
            allow_extra = extra is not False
            required = tuple(node.get("required", ()))

            def check_object(v):
                if type(v) is not dict:
                    return True
                for key in required:
                    if key not in v:
                        return False
                for key, value in v.items():
                    check = props.get(key)
                    if check is None:
                        if not allow_extra or (extra_check is not None and not extra_check(value)):
                            return False
                    elif not check(value):
                        return False
                return True

            yield check_object
        if "maxProperties" in node:
            most = node["maxProperties"]
            yield lambda v: type(v) is not dict or len(v) <= most
        if "propertyNames" in node:
            name_check = self.compile(node["propertyNames"])
            yield lambda v: type(v) is not dict or all(name_check(k) for k in v)


@cache
def fast_checks() -> dict[str, Check]:
    """Compiled checks: one per array section entry, and one for the document
    with its record arrays left out."""
    root = schema()
    compiler = _Compiler(root)
    checks = {section: compiler.ref(f"#/$defs/{name}") for section, name in DEFINITION.items()}
    checks["document"] = compiler.compile(_document_schema())
    return checks


@cache
def _document_schema() -> dict:
    """The top level, with each array section accepting any array: entries
    are checked one by one so an error can name its record."""
    root = dict(schema())
    props = dict(root["properties"])
    for section in DEFINITION:
        props[section] = {"type": "array", "maxItems": root["properties"][section]["maxItems"]}
    root["properties"] = props
    return root


def explain(section: str | None, entry) -> str:
    """Ask jsonschema why an entry (or the top level, section None) fails:
    ``field: message`` for the first error found."""
    from jsonschema import Draft202012Validator

    root = schema()
    if section is None:
        sub = _document_schema()
    else:
        sub = {"$defs": root["$defs"], "$ref": f"#/$defs/{DEFINITION[section]}"}
    errors = sorted(Draft202012Validator(sub).iter_errors(entry), key=lambda e: list(e.absolute_path))
    if not errors:
        return translate("Interchange", "does not match the interchange schema")
    error = errors[0]
    while error.context:  # anyOf: the most specific reason, not "must be null" of "X or null"
        reasons = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        error = sorted(reasons or error.context, key=lambda e: len(e.absolute_path))[-1]
    where = field_path(error.absolute_path)
    message = _short(error)
    return f"{where}: {message}" if where else message


def _pattern_messages() -> dict[str, str]:
    defs = schema()["$defs"]
    return {
        defs["text"]["pattern"]: translate("Interchange", "contains a NUL byte or an invalid character"),
        defs["partial_date"]["pattern"]: translate("Interchange", "not a date (use 2013, 2013-08 or 2013-08-05)"),
        defs["timestamp"]["pattern"]: translate("Interchange", "not a time (use 2013-08-05T14:00:00Z)"),
        defs["uuid"]["pattern"]: translate("Interchange", "not a UUID"),
        defs["sha256"]["pattern"]: translate("Interchange", "not a SHA-256 hash"),
        defs["key"]["pattern"]: translate("Interchange", "not a vocabulary key"),
    }


def _short(error) -> str:
    """A one-line reason that never echoes a huge or hostile value."""
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        return translate("Interchange", "{field}: missing").format(field=missing)
    if kind == "additionalProperties":
        return translate("Interchange", "unknown field")
    if kind == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return translate("Interchange", "must be {type}").format(type=expected)
    if kind == "maxLength":
        return translate("Interchange", "too long (at most {n} characters)").format(n=error.validator_value)
    if kind == "minLength":
        return translate("Interchange", "must not be empty")
    if kind == "pattern":
        return _pattern_messages().get(error.validator_value) or translate("Interchange", "not in the expected form")
    if kind in ("enum", "const"):
        return translate("Interchange", "not one of the allowed values")
    if kind in ("minimum", "maximum"):
        return translate("Interchange", "out of range")
    if kind in ("maxItems", "maxProperties"):
        return translate("Interchange", "too many entries")
    return translate("Interchange", "does not match the interchange schema")


def upgrade(document: dict) -> dict:
    """An older document as FORMAT. Formats 3 and 4 only added fields
    (caveats, grade reasons, collection details, "shows faces"; consent),
    which default to empty, so a format-2 or 3 document needs nothing but its
    new name."""
    if document.get("format") == "casefile-interchange/1":
        document = upgrade_format_1(document)
    return dict(document, format=FORMAT)


def upgrade_format_1(document: dict) -> dict:
    """A ``casefile-interchange/1`` document as format 2, the way a case of
    that time is upgraded (``store/migrations/versions/0005_claim_chain.py``):
    a source's single ``cites`` becomes its first citation, and each claim's
    chain is seeded from its source's old chain, marked for review. Entries
    of an unexpected shape are left for the schema check to refuse."""
    document = dict(document, format="casefile-interchange/2")
    sources = document.get("sources")
    cites: dict[str, str] = {}
    if isinstance(sources, list):
        upgraded = []
        for entry in sources:
            if isinstance(entry, dict) and "cites" in entry:
                cited = entry["cites"]
                entry = dict(entry, cites=[] if cited is None else [{"source": cited}])
                if isinstance(cited, str) and isinstance(entry.get("uuid"), str):
                    cites[entry["uuid"]] = cited
            upgraded.append(entry)
        document["sources"] = upgraded
    claims = document.get("claims")
    if isinstance(claims, list):
        upgraded = []
        for entry in claims:
            source = entry.get("source") if isinstance(entry, dict) else None
            chain = chain_of(cites, source) if isinstance(source, str) else []
            if chain:
                entry = dict(entry, origin=chain[-1], origin_status="located", chain_review=True,
                             relayed_by=[{"source": s} for s in reversed(chain[:-1])])
            upgraded.append(entry)
        document["claims"] = upgraded
    return document


def chain_of(cites: dict, start) -> list:
    """The sources cited from ``start`` onwards, nearest first, stopping at a loop."""
    chain, seen = [], {start}
    node = cites.get(start)
    while node is not None and node not in seen:
        chain.append(node)
        seen.add(node)
        node = cites.get(node)
    return chain
