"""The PDF dossier (ReportLab Platypus, no Qt).

``write_dossier(case, out_path, profile=..., ...)`` is the one entry point used
by the command line and the window. Modules: ``data`` reads the scope and
applies the profile (``services/redaction.py``), ``story`` and ``annex`` lay
out the sections, ``template`` holds page furniture, ``labels`` every fixed
text, ``text`` escaping and right-to-left handling, ``images`` previews.
"""

from .writer import DossierCancelled, DossierResult, write_dossier

__all__ = ["DossierCancelled", "DossierResult", "write_dossier"]
