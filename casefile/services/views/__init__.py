"""Figures of a case, described once and drawn by the window (Qt) and the
dossier (ReportLab): ``figure`` (the shared vocabulary), ``timeline``,
``linkchart`` and ``map``. No Qt, no ReportLab here."""
