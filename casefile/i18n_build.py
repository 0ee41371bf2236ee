"""Extract, compile and find Casefile's translations, with Qt's own tools.

    python -m casefile.i18n_build            compile every .ts into a .qm next to it
    python -m casefile.i18n_build --update   re-extract the strings of casefile/**/*.py
                                             into the .ts files (keeps translations)
    python -m casefile.i18n_build --check    list unfinished messages; exit 1 if any
    python -m casefile.i18n_build --todo es todo.tsv   unfinished messages as a table to fill
    python -m casefile.i18n_build --fill es todo.tsv   put the filled table into the .ts

Translators can use Qt Linguist (``uv run pyside6-linguist resources/translations/
casefile_es.ts``) or any spreadsheet on the ``--todo`` table: one message a line,
``context<TAB>source<TAB>translation``; plural messages (source with ``%n``) take
their forms separated by `` || ``; ``\n`` and ``\t`` stand for line breaks and tabs.

The sources are ``resources/translations/casefile_<lang>.ts``; the compiled
``.qm`` files are built, never committed. ``pyside6-lupdate`` extracts
``self.tr("...")`` in Qt code and ``translate("Context", "...")`` in the Qt-free
core. This module imports no Qt (the CLI uses it before deciding whether Qt is
needed at all): it runs the ``lupdate``/``lrelease`` programs shipped inside the
PySide6 wheel as subprocesses.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from .resources import resource

PREFIX = "casefile_"
SOURCE_LANGUAGE = "en"
PACKAGE_DIR = Path(__file__).resolve().parent


def translations_dir() -> Path:
    return resource("translations")


def ts_files() -> list[Path]:
    folder = translations_dir()
    return sorted(folder.glob(f"{PREFIX}*.ts")) if folder.is_dir() else []


def available_languages() -> list[str]:
    """Languages Casefile speaks: English (the source) plus every shipped translation,
    from the ``.ts`` sources in a checkout or the ``.qm`` files in a bundle."""
    folder = translations_dir()
    names = {p.stem[len(PREFIX):] for p in ts_files()}
    if folder.is_dir():
        names |= {p.stem[len(PREFIX):] for p in folder.glob(f"{PREFIX}*.qm")}
    return [SOURCE_LANGUAGE, *sorted(names - {SOURCE_LANGUAGE})]


def match_language(tags: list[str]) -> str | None:
    """The first of ``tags`` (``es_MX``, ``es-419``, ``en``...) we have a translation for."""
    available = available_languages()
    for tag in tags:
        base = tag.replace("-", "_").split("_")[0].split(".")[0].split("@")[0].lower()
        if base in ("c", "posix"):
            return SOURCE_LANGUAGE
        if base in available:
            return base
    return None


def environment_language() -> str:
    """The language the environment asks for, read the way Qt reads it on Unix
    (``LANGUAGE`` first, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), without Qt."""
    tags: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        tags += [tag for tag in value.split(":") if tag]
    if not tags and sys.platform == "win32":  # no POSIX variables: ask Windows
        import locale

        tags = [locale.getlocale()[0] or ""]
    return match_language(tags) or SOURCE_LANGUAGE


def tool(name: str) -> Path | None:
    """``lupdate`` or ``lrelease``: the copy inside the PySide6 wheel, else one on PATH."""
    spec = importlib.util.find_spec("PySide6")  # locates the package without loading Qt
    suffix = ".exe" if sys.platform == "win32" else ""
    if spec and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / f"{name}{suffix}"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    return Path(found) if found else None


def _run(args: list[str | Path], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


# ``tr = QCoreApplication.translate`` or ``T = QT_TRANSLATE_NOOP`` are handy in code but
# invisible to lupdate (it would read ``tr("Ctx", "text")`` as QObject.tr with a comment).
ALIAS = re.compile(r"^[ \t]*(\w+)[ \t]*=[ \t]*((?:QCoreApplication\.)?translate|QT_TRANSLATE_NOOP3?)[ \t]*(?:#.*)?$",
                   re.MULTILINE)


IMPORT_ALIAS = re.compile(r"\b(translate|QT_TRANSLATE_NOOP3?)[ \t]+as[ \t]+(\w+)")


# ``def _tr(text): return QCoreApplication.translate("Links", text)``: a module's helper
# that fixes the context; lupdate would skip ``_tr("Actor involved…")`` altogether.
HELPER = re.compile(r"^def[ \t]+(\w+)\([ \t]*(\w+)[^)\n]*\)[^:\n]*:[ \t]*\n[ \t]+return[ \t]+"
                    r"((?:QCoreApplication\.)?translate)\([ \t]*(\"[^\"\n]*\"|'[^'\n]*')[ \t]*,[ \t]*\2[ \t]*\)",
                    re.MULTILINE)


def expand_aliases(text: str) -> str:
    """Spell out local aliases of the translate functions (``T = QT_TRANSLATE_NOOP``,
    ``import QT_TRANSLATE_NOOP as T``, a ``def _tr(text)`` helper with a fixed context)
    so lupdate extracts their strings with the right context (same lines, so locations
    stay true)."""
    aliases = set(ALIAS.findall(text)) | {(name, target) for target, name in IMPORT_ALIAS.findall(text)}
    for name, target in aliases:
        if name != target.rsplit(".", 1)[-1]:
            text = re.sub(rf"(?<![\w.]){re.escape(name)}\(", f"{target}(", text)
    for name, _argument, target, context in HELPER.findall(text):
        text = re.sub(rf"(?<![\w.])(?<!def ){re.escape(name)}\(", f"{target}({context}, ", text)
    return text


def update(languages: list[str] | None = None) -> list[Path]:
    """Re-extract every translatable string into the ``.ts`` files (creating
    ``casefile_<lang>.ts`` for each new language); translations already made are kept,
    strings no longer in the code are dropped. lupdate reads a mirror of the package
    with aliases expanded, laid out like the checkout so file locations match."""
    lupdate = tool("lupdate")
    if lupdate is None:
        raise RuntimeError("pyside6-lupdate not found: install the PySide6 wheel")
    folder = translations_dir()
    targets = {p.stem[len(PREFIX):]: p for p in ts_files()}
    for language in languages or []:
        targets.setdefault(language, folder / f"{PREFIX}{language}.ts")
    root = PACKAGE_DIR.parent
    with tempfile.TemporaryDirectory(prefix="casefile-lupdate-") as mirror_dir:
        mirror = Path(mirror_dir)
        sources = [p.relative_to(root) for p in source_files()]
        for source in sources:
            (mirror / source).parent.mkdir(parents=True, exist_ok=True)
            (mirror / source).write_text(expand_aliases((root / source).read_text(encoding="utf-8")),
                                         encoding="utf-8")
        for language, ts in sorted(targets.items()):
            mirrored = mirror / ts.resolve().relative_to(root)
            mirrored.parent.mkdir(parents=True, exist_ok=True)
            if ts.is_file():
                shutil.copy(ts, mirrored)
            # English needs only its plural forms ("%n file(s)" -> "1 file", "2 files")
            plurals = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
            result = _run([lupdate, *sources, "-no-obsolete", "-locations", "relative", *plurals,
                           "-source-language", SOURCE_LANGUAGE, "-target-language", language,
                           "-ts", mirrored], cwd=mirror)
            if result.returncode != 0:
                raise RuntimeError(f"lupdate failed for {ts.name}: {result.stderr.strip()}")
            shutil.copy(mirrored, ts)
    return sorted(targets.values())


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile one ``.ts``; the ``.qm`` appears whole or not at all."""
    lrelease = tool("lrelease")
    if lrelease is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".qm", dir=qm.parent)
    os.close(handle)
    try:
        result = _run([lrelease, "-silent", ts, "-qm", temporary])
        if result.returncode != 0 or os.path.getsize(temporary) == 0:
            return False
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a .qm is public data
        os.replace(temporary, qm)
        return True
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def build(out_dir: Path | None = None) -> list[Path]:
    """Compile every ``.ts`` (into ``out_dir``, default next to the sources)."""
    built = []
    for ts in ts_files():
        qm = (out_dir or ts.parent) / f"{ts.stem}.qm"
        if not compile_ts(ts, qm):
            raise RuntimeError(f"lrelease could not compile {ts.name}")
        built.append(qm)
    return built


def _fresh(qm: Path, ts: Path | None) -> bool:
    return qm.is_file() and (ts is None or qm.stat().st_mtime >= ts.stat().st_mtime)


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("casefile", appauthor=False)) / "translations"


def ensure_qm(language: str) -> Path | None:
    """An up-to-date ``casefile_<language>.qm``, compiling it on the first run from
    source (next to the ``.ts``, else in the user cache). ``None`` means: speak
    English (no such translation, or no ``lrelease`` to build it)."""
    folder = translations_dir()
    source = folder / f"{PREFIX}{language}.ts"
    ts = source if source.is_file() else None
    beside = folder / f"{PREFIX}{language}.qm"
    cached = cache_dir() / beside.name
    for qm in (beside, cached):
        if _fresh(qm, ts):
            return qm
    if ts is None:
        return None
    for qm in (beside, cached):
        try:
            if compile_ts(ts, qm):
                return qm
        except OSError:  # read-only install: try the cache next
            continue
    return None


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
            if not forms:
                forms = [translation.text or "" if translation is not None else ""]
            if kind == "unfinished" or not all(form.strip() for form in forms):
                missing.append((name, message.findtext("source", "")))
    return missing


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _uncell(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m.group(1), m.group(1)), text)


def write_todo(ts: Path, out: Path) -> int:
    """The unfinished messages of ``ts`` as a three-column table; returns how many."""
    rows = [f"{_cell(context)}\t{_cell(source)}\t" for context, source in unfinished(ts)]
    out.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    return len(rows)


def fill(ts: Path, table: Path) -> int:
    """Put the translations of a filled ``--todo`` table into ``ts``; returns how many.
    lupdate then rewrites the file in its own layout."""
    wanted = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].strip():
            wanted[(_uncell(parts[0]), _uncell(parts[1]))] = _uncell(parts[2])
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            text = wanted.get((name, message.findtext("source", "")))
            if text is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                for form in text.split(" || "):
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m casefile.i18n_build", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="re-extract strings into the .ts files")
    parser.add_argument("--new", metavar="LANG", action="append", default=[],
                        help="with --update: start casefile_LANG.ts")
    parser.add_argument("--check", action="store_true", help="list unfinished messages, exit 1 if any")
    parser.add_argument("--out", type=Path, help="compile the .qm files into this folder")
    parser.add_argument("--todo", nargs=2, metavar=("LANG", "TSV"), help="write unfinished messages to TSV")
    parser.add_argument("--fill", nargs=2, metavar=("LANG", "TSV"), help="put a filled TSV into the .ts")
    args = parser.parse_args(argv)
    try:
        if args.todo or args.fill:
            language, table = args.todo or args.fill
            ts = translations_dir() / f"{PREFIX}{language}.ts"
            if not ts.is_file():
                raise RuntimeError(f"no {ts.name}: start it with --update --new {language}")
            if args.todo:
                print(f"{write_todo(ts, Path(table))} unfinished messages written to {table}")
            else:
                print(f"{fill(ts, Path(table))} translations put into {ts.name}")
                update()  # lupdate's own layout, so diffs stay small
                print(f"{len(unfinished(ts))} still unfinished")
            return 0
        if args.update:
            for ts in update(args.new):
                print(f"updated {ts} ({len(unfinished(ts))} unfinished)")
            return 0
        if args.check:
            status = 0
            for ts in ts_files():
                missing = unfinished(ts)
                status = status or int(bool(missing))
                print(f"{ts.name}: {len(missing)} unfinished")
                for context, source in missing:
                    print(f"  [{context}] {source!r}")
            return status
        for qm in build(args.out):
            print(f"built {qm}")
        return 0
    except RuntimeError as error:
        print(f"i18n_build: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
