"""A case on a PostgreSQL server is named by an address:
``postgresql://[USER@]HOST[:PORT]/DATABASE?case=NAME``.

Each case lives in a schema of its own (``case_NAME``), so that one database
holds a team's cases side by side, and membership is granted per case: each
case has one group role per role a member can hold (``DATABASE_NAME_editor``...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ...errors import CasefileError
from ...i18n import translate

SCHEMES = ("postgresql", "postgres")
_NAME = re.compile(r"[a-z][a-z0-9_]{0,23}")
#: what a member may do, least to most; the group role's suffix
ROLES = ("partner", "reader", "analyst", "editor", "owner")


def is_server_address(text: str) -> bool:
    return text.split(":", 1)[0].lower() in SCHEMES and "://" in text


@dataclass(frozen=True)
class ServerAddress:
    url: URL          # the database, without ``case``; the driver chosen
    case: str | None  # the case's name, or None for the server as a whole

    @classmethod
    def parse(cls, text: str, *, case_required: bool = True) -> ServerAddress:
        try:
            url = make_url(text)
        except ArgumentError:
            raise CasefileError(translate("Errors", "{address} is not a server address "
                                          "(postgresql://HOST/DATABASE?case=NAME).").format(address=text)) from None
        if url.get_backend_name() not in SCHEMES or not url.database:
            raise CasefileError(translate("Errors", "{address} is not a server address "
                                          "(postgresql://HOST/DATABASE?case=NAME).").format(address=text))
        case = url.query.get("case")
        if isinstance(case, tuple):
            case = case[-1]
        if case is None and case_required:
            raise CasefileError(translate("Errors", "{address} names no case: add ?case=NAME.").format(
                address=url.render_as_string(hide_password=True)))
        if case is not None and not _NAME.fullmatch(case):
            raise CasefileError(translate(
                "Errors", "A case's name on a server is 1 to 24 lower-case letters, digits or _, starting with a "
                          "letter: {name!r} is not.").format(name=case))
        if not _NAME.fullmatch(url.database):
            raise CasefileError(translate(
                "Errors", "Casefile uses databases named with 1 to 24 lower-case letters, digits or _, starting "
                          "with a letter: {name!r} is not.").format(name=url.database))
        return cls(url.set(drivername="postgresql+psycopg").difference_update_query(["case"]), case)

    @property
    def schema(self) -> str:
        assert self.case is not None
        return f"case_{self.case}"

    def role(self, name: str) -> str:
        """The group role of a role in this case (roles are the server's, not the database's)."""
        assert self.case is not None and name in ROLES
        return f"{self.url.database}_{self.case}_{name}"

    def __str__(self) -> str:
        shown = self.url.set(drivername="postgresql").render_as_string(hide_password=True)
        return shown + (f"?case={self.case}" if self.case else "")


def q(name: str) -> str:
    """An identifier, quoted (names are checked on parsing; quoting is the second fence)."""
    return '"' + name.replace('"', '""') + '"'
