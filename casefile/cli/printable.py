"""Record text made safe for a terminal.

Case data can come from anyone (an imported file, an evidence file's name).
Printed raw, an ESC, OSC or CSI sequence retitles, clears or rewrites the
terminal, and a bidi override reorders what follows it. Every command prints
data through ``printable`` (or ``json_text``), which shows such characters as
visible escapes: ``\\x1b``, ``\\u202e``.
"""

from __future__ import annotations

import json
import re

# C0 and DEL, C1 (which holds the 8-bit CSI and OSC), the bidi embeddings and
# overrides (U+202A-202E), the isolates (U+2066-2069), and the line and
# paragraph separators that some terminals honour.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control and bidi character shown as an escape."""
    return _UNSAFE.sub(_escape, str(text))


def one_line(text: object) -> str:
    """Whitespace (line breaks, tabs) folded to single spaces, then made printable."""
    return printable(" ".join(str(text).split()))


# What ``json.dumps(ensure_ascii=False)`` leaves raw: it escapes C0 itself.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(data, **options) -> str:
    """JSON for a terminal: C0 is escaped by ``json.dumps`` already; DEL, C1
    and bidi characters (which can only stand inside strings) are escaped too,
    so the text still parses to the same data."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(data, ensure_ascii=False, **options))
