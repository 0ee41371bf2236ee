"""Redaction: the one engine every shared output goes through.

- ``normalise``: how text is folded before it is compared;
- ``secrets``: what is looked for (name variants, contact parts, titles);
- ``matcher``: one compiled matcher per export, replacing in the original text;
- ``withheld``: which records a shared profile leaves out;
- ``profile``: :class:`Redactor`, the rules every output asks;
- ``interchange``: the rules applied to a JSON interchange document;
- ``report``: every replacement and near miss, for the documenter to review.
"""

from .matcher import Hit, Matcher, NearMiss, Secret
from .normalise import fold
from .profile import COUNTED, PROFILES, Redactor, check_profile, safe_extension

__all__ = ["COUNTED", "PROFILES", "Hit", "Matcher", "NearMiss", "Redactor", "Secret", "check_profile", "fold",
           "safe_extension"]
