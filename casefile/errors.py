"""Errors a user can cause and understand. Each carries one line of text.

The CLI prints ``str(error)`` on stderr and exits 1; the window shows it in a
message box. Anything else is a bug and may show a traceback.
"""


class CasefileError(Exception):
    """A problem the user can act on; ``str()`` is one translated line."""


class NotACasefile(CasefileError):
    pass


class NewerFormat(CasefileError):
    pass


class DamagedCase(CasefileError):
    pass


class CaseLocked(CasefileError):
    pass


class WrongPassphrase(CasefileError):
    pass


class RecordNotFound(CasefileError):
    pass


class InvalidInput(CasefileError):
    """Bad user data; names the record and field when known."""

    def __init__(self, message: str, record: str | None = None, field: str | None = None):
        self.record = record
        self.field = field
        where = ": ".join(p for p in (record, field) if p)
        super().__init__(f"{where}: {message}" if where else message)
