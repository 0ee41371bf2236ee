"""A server case made by an earlier Casefile is brought to this one's format by
the same migrations a laptop's case takes, all or nothing, its members and keys
kept; before that, commands on it are told, in one line, how."""

from __future__ import annotations

import psycopg

from casefile.cli import main
from casefile.services import keys, records, verify
from casefile.store import migrate
from casefile.store.server.address import ServerAddress
from casefile.store.server.transfer import pull
from tests.conftest import OWNER_PASSPHRASE

# What formats 8 and 9 added (migrations 0008, 0009), taken off again: the case as Casefile at format 7 left it.
CONSENT = ", ".join(f"DROP COLUMN {c}" for c in ("consent", "consent_to", "consent_not_to", "consent_not_before",
                                                   "consent_given", "consent_recorded_by"))
TO_FORMAT_7 = f"""
    ALTER TABLE case_guerrero.source {CONSENT};
    ALTER TABLE case_guerrero.evidence {CONSENT};
    DROP INDEX case_guerrero.ix_exchange_item_row;
    DROP INDEX case_guerrero.ix_exchange_item_seq;
    ALTER TABLE case_guerrero.exchange_item DROP COLUMN tbl, DROP COLUMN row_key, DROP COLUMN seq;
    ALTER TABLE case_guerrero.exchange_replica DROP COLUMN observed;
    ALTER TABLE case_guerrero.exchange_peer DROP COLUMN clean;
    UPDATE case_guerrero.alembic_version SET version_num = '0007';
"""


def test_a_case_at_an_earlier_format_is_upgraded_and_works_after(sample_on_server, pg_server, pg_database, tmp_path,
                                                               capsys):
    url = sample_on_server
    assert main(["sync", str(tmp_path / "sample.casefile"), url]) == 0  # the exchange tables hold rows
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        assert admin.execute("SELECT count(*) FROM case_guerrero.exchange_item").fetchone()[0] > 0
        admin.execute(TO_FORMAT_7)
    capsys.readouterr()
    assert main(["info", url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"casefile server upgrade {ServerAddress.parse(url)}" in err

    assert main(["server", "upgrade", url]) == 0
    assert f"from format 7 to {migrate.head_version()}" in capsys.readouterr().out
    assert main(["server", "upgrade", url]) == 0  # again: nothing to do
    assert f"already at format {migrate.head_version()}" in capsys.readouterr().out
    with psycopg.connect(pg_server.url(pg_database)) as admin:
        schemas = {name for (name,) in admin.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'case_guerrero%'")}
        assert schemas == {"case_guerrero", "case_guerrero_partner"}  # the old one gone
        assert admin.execute("SELECT count(*) FROM case_guerrero.exchange_item").fetchone()[0] > 0  # rows kept

    key = keys.load_key(OWNER_PASSPHRASE)  # the case's key is still sealed to its owner
    copy = pull(ServerAddress.parse(url), tmp_path / "after.casefile", key)
    try:
        assert list(verify.verify(copy)) == []  # every row sealed as it stands after the upgrade
        incident = records.get(copy, "incident", 1)
        assert incident["title"]
    finally:
        copy.close()
    assert main(["verify", url]) == 0
    assert main(["sync", str(tmp_path / "sample.casefile"), url]) == 0  # the laptop and the server meet again
    assert main(["add-evidence", url, str(tmp_path / "sample.casefile")]) == 0  # and the case takes changes
