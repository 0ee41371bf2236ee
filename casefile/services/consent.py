"""Who an item may go to, and when: the rules that read the consent recorded on
a source or an evidence item (``model/consent.py``), asked by every shared
output through the redaction engine's withheld set (``redaction/withheld.py``).

- "none": the item is used inside the organisation only; no shared file
  holds it.
- "not before" a date: no shared file holds it until that day.
- The organisation's own shared reports and exports (a partner, the public)
  may use anything else, an item whose consent was never recorded included:
  that is how cases were kept before consent was.
- A handover to a named recipient (a UN mechanism, a court) is stricter, as
  informed consent is: the item's consent must be recorded, must be "named"
  with the recipient among those named, or "publication" (any use); and the
  recipient must not be among those it is never to go to.

Recipients are matched by name as the matcher matches names: accents, case
and spacing aside ("Fiscalía General" is "fiscalia general").
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import InvalidInput
from ..i18n import translate
from ..model import PartialDate
from .redaction.normalise import fold

_SEPARATORS = re.compile(r"[\n,;]+")


def names(text: str | None) -> list[str]:
    """The recipients a consent field lists (one per line, or separated by commas)."""
    return [name.strip() for name in _SEPARATORS.split(text or "") if name.strip()]


def _among(recipient: str, listed: str | None) -> bool:
    wanted = " ".join(fold(recipient).split())
    return any(" ".join(fold(name).split()) == wanted for name in names(listed))


def refusal(item, recipient: str | None, today: date) -> str | None:
    """Why ``item``'s consent (a source or evidence row) does not let it go to
    ``recipient`` today, in words; None if it may. ``recipient`` None: the
    organisation's own shared reports and exports."""
    consent = item.consent or ""
    if consent == "none":
        return translate("Consent", "consent refused: not to be used outside the organisation")
    later = _date(item.consent_not_before)
    if later is not None and later.first_day() > today:
        return translate("Consent", "not to be shared before {date}").format(date=later.iso())
    if recipient is None:
        return None
    if _among(recipient, item.consent_not_to):
        return translate("Consent", "never to {recipient}").format(recipient=recipient)
    if consent == "":
        return translate("Consent", "no consent recorded")
    if consent == "reports":
        return translate("Consent", "consent covers the organisation's reports only")
    if consent == "named" and not _among(recipient, item.consent_to):
        return translate("Consent", "{recipient} is not among those named").format(recipient=recipient)
    return None


def check_recipient(recipient: str) -> str:
    """A recipient as given on the command line or in the window, or one line why not."""
    recipient = " ".join(recipient.split())
    if not recipient:
        raise InvalidInput(translate("Consent", "name the recipient (a mechanism or court), e.g. --for IIIM"))
    return recipient


def _date(value: str | None) -> PartialDate | None:
    try:
        return PartialDate.from_iso(value)
    except InvalidInput:
        return None  # a date the record check would have refused: not a restriction anyone set
