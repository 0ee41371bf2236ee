"""Fixed texts of the findings, the methodology's standard of proof,
limitations and protection, caveats and evidence collection details.

Kept apart from ``labels.py`` so that file stays readable; ``labels`` merges
these into its tables, and they are read the same way (``labels.findings``).
"""

from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP as N

TEXT: dict[str, str] = {
    # Findings
    "findings": N("Dossier", "Findings"),
    "findings_intro": N("Dossier", "What this dossier alleges, how far each allegation is corroborated, and what "
                                   "is not known. Independent origins are counted by origin, never by "
                                   "repetition: claims first said in the same outlet or by the same person count "
                                   "once. The incident sections give the details and the sources."),
    "allegations": N("Dossier", "Allegations"),
    "allegation": N("Dossier", "Allegation"),
    "allegation_who": N("Dossier", "Who"),
    "when_where": N("Dossier", "When and where"),
    "status_basis": N("Dossier", "Status, right concerned, basis"),
    "origins_head": N("Dossier", "Independent origins"),
    "by_actors": N("Dossier", "By: {names}"),
    "affected": N("Dossier", "Affected: {names}"),
    "actor_part": N("Dossier", "{name} ({part})"),
    "right": N("Dossier", "Right concerned: {right}"),
    "right_none": N("Dossier", "Right concerned: not assessed"),
    "basis": N("Dossier", "Basis: {what}"),
    "basis_none": N("Dossier", "Basis: no claim or evidence recorded"),
    "basis_claims": N("Dossier", "claims {codes}"),
    "basis_evidence": N("Dossier", "evidence {codes}"),
    "origins_n": N("Dossier", "{n} (claims: {claims})"),
    "origins_none": N("Dossier", "none recorded"),
    "gaps": N("Dossier", "Information gaps"),
    "gap_undated": N("Dossier", "Date not known: {codes}."),
    "gap_approximate": N("Dossier", "Date approximate or known only to the month or year: {codes}."),
    "gap_place": N("Dossier", "Place known only to the state or country, or not recorded: {codes}."),
    "gap_not_located": N("Dossier", "Original not located (known only as relayed by another source): {codes}."),
    "gap_origin_unknown": N("Dossier", "Where the claim was first said is not recorded: {codes}."),
    "gap_single": N("Dossier", "Resting on a single origin (no independent corroboration): {codes}."),
    "gap_no_claim": N("Dossier", "No claim recorded: {codes}."),
    "gap_unidentified": N("Dossier", "Responsible party unidentified: {codes}."),
    "gap_no_responsible": N("Dossier", "Possible violation with no responsible party recorded: {codes}."),
    "gap_stance": N("Dossier", "Stance of the accused not known: {codes}."),
    "gap_unverified": N("Dossier", "Claims not verified: {codes}."),
    "gap_no_evidence": N("Dossier", "No evidence item: {codes}."),
    "gap_none": N("Dossier", "No gap found in the recorded data."),
    # Methodology
    "standard_head": N("Dossier", "Standard of proof"),
    "standard": N("Dossier", "Findings are stated to the standard of \u201creasonable grounds to believe\u201d, "
                             "as used by UN commissions of inquiry and fact-finding missions: a reliable and "
                             "consistent body of information on which a reasonable and ordinarily prudent person "
                             "would believe that the incident occurred as described. It is lower than the proof "
                             "required for a criminal conviction, and this dossier does not establish individual "
                             "criminal responsibility."),
    "rights_note": N("Dossier", "The right concerned is derived from the incident's type and is indicative; "
                                "the legal qualification of the facts is for the reader."),
    "definitions": N("Dossier", "Definitions"),
    "role_scale": N("Dossier", "Role in an incident"),
    "degree_scale": N("Dossier", "Degree of involvement"),
    "stance_scale": N("Dossier", "Stance of the accused"),
    "term": N("Dossier", "Term"),
    "limitations": N("Dossier", "Limitations"),
    "lim_single_source": N("Dossier", "All {n} claims were read in a single source: {source}."),
    "lim_main_source": N("Dossier", "{n} of {total} claims were read in a single source: {source}."),
    "lim_secondary": N("Dossier", "{n} of {total} claims are known only at second hand: the source read is not "
                                  "where they were first said."),
    "lim_no_field": N("Dossier", "No field verification is recorded: no interview, testimony, photo or video "
                                 "source, and no evidence item collected by the team."),
    "lim_no_url": N("Dossier", "No address (URL) recorded for: {codes}."),
    "lim_no_access": N("Dossier", "No access date recorded for: {codes}."),
    "lim_none": N("Dossier", "No limitation found in the recorded data."),
    "protection": N("Dossier", "Consent and do no harm"),
    "protect_intro": N("Dossier", "Information was recorded to document violations, not to expose the people who "
                                  "gave it. Shared versions of this dossier name protected people and confidential "
                                  "sources only by pseudonym, never carry their contact details, and show images "
                                  "re-encoded without embedded metadata. Before passing it on, weigh the risk to "
                                  "every person named against the purpose of sharing."),
    "protect_people": N("Dossier", "Protected people: {n}, shown only under a pseudonym outside the documenting "
                                   "team."),
    "protect_sources": N("Dossier", "Confidential sources: {n}, shown only under a pseudonym; their contact "
                                    "details are never shared."),
    "protect_consent": N("Dossier", "Consent to share is not recorded person by person in this case: confirm it "
                                    "before the dossier goes further."),
    "grades_head": N("Dossier", "Why each source got its grade"),
    "reason": N("Dossier", "Reason"),
    "not_recorded": N("Dossier", "not recorded"),
    "caveats": N("Dossier", "Caveats"),
    "why_grade": N("Dossier", "Why this grade"),
    # Evidence, as the Berkeley Protocol asks
    "created": N("Dossier", "Created or captured"),
    "collected_by": N("Dossier", "Collected by"),
    "collection_tool": N("Dossier", "Collected with"),
    "preservation": N("Dossier", "How preserved"),
    "from_where": N("Dossier", "From (URL or device)"),
    # A capture app's proof (services.evidence.capture.WORDS, in the dossier's language)
    "capture": N("Dossier", "Capture app's proof"),
    "capture_verified": N("Dossier", "{app}: signature verified over the stored bytes"),
    "capture_signer": N("Dossier", " (key {key}, signed {at})"),
    "capture_mismatch": N("Dossier", "{app}: DOES NOT MATCH: {problems}"),
    "capture_unchecked": N("Dossier", "{app}: signed, not checked ({why})"),
    "capture_no_verifier": N("Dossier", "GnuPG's gpgv was not installed where the file was taken in"),
    "capture_no_key": N("Dossier", "the proof came without the phone's public key"),
    "capture_unsigned_same": N("Dossier", "{app}: not signed; the hash it recorded matches the stored bytes"),
    "capture_unsigned": N("Dossier", "{app}: not signed; it recorded no hash to compare"),
    "capture_hash_differs": N("Dossier", "the file's SHA-256 is not the one the app recorded at capture ({sha})"),
    "capture_bad_media": N("Dossier", "the signature does not hold over the file's bytes"),
    "capture_bad_metadata": N("Dossier", "the signature of the capture metadata does not hold"),
    "capture_signers_differ": N("Dossier", "the file and its metadata were signed by different keys"),
    "capture_manifest_hash": N("Dossier", "the file's bytes are not the ones its manifest signed"),
    "capture_failure": N("Dossier", "{code} ({explanation})"),
    "custody_intro": N("Dossier", "Handling of the file: acquired, imported, exported, transferred, verified."),
    "analysis": N("Dossier", "Analysis"),
    "analysis_intro": N("Dossier", "What the documenter linked the item to, and how: an assessment, not a "
                                   "handling of the file."),
    "linked_events": N("Dossier", "Links made and removed"),
}

ES: dict[str, str] = {
    "findings": "Hallazgos",
    "findings_intro": "Lo que este dossier alega, hasta qué punto se corrobora cada alegación y lo que no se sabe. "
                      "Los orígenes independientes se cuentan por origen, nunca por repetición: las afirmaciones "
                      "dichas por primera vez en el mismo medio o por la misma persona cuentan una vez. Las "
                      "secciones de cada hecho dan los detalles y las fuentes.",
    "allegations": "Alegaciones", "allegation": "Alegación", "allegation_who": "Quién",
    "when_where": "Cuándo y dónde", "status_basis": "Estado, derecho concernido, fundamento",
    "origins_head": "Orígenes independientes", "by_actors": "Por: {names}", "affected": "Afectados: {names}",
    "actor_part": "{name} ({part})", "right": "Derecho concernido: {right}",
    "right_none": "Derecho concernido: sin valorar", "basis": "Fundamento: {what}",
    "basis_none": "Fundamento: ninguna afirmación ni evidencia registrada", "basis_claims": "afirmaciones {codes}",
    "basis_evidence": "evidencias {codes}", "origins_n": "{n} (afirmaciones: {claims})",
    "origins_none": "ninguno registrado", "gaps": "Lagunas de información",
    "gap_undated": "Fecha desconocida: {codes}.",
    "gap_approximate": "Fecha aproximada o conocida solo por mes o año: {codes}.",
    "gap_place": "Lugar conocido solo por estado o país, o no registrado: {codes}.",
    "gap_not_located": "Original no localizado (solo se conoce por otra fuente que lo retoma): {codes}.",
    "gap_origin_unknown": "No se registró dónde se dijo por primera vez: {codes}.",
    "gap_single": "Descansan en un solo origen (sin corroboración independiente): {codes}.",
    "gap_no_claim": "Sin afirmaciones registradas: {codes}.",
    "gap_unidentified": "Responsable no identificado: {codes}.",
    "gap_no_responsible": "Posible violación sin responsable registrado: {codes}.",
    "gap_stance": "Se desconoce la postura del señalado: {codes}.",
    "gap_unverified": "Afirmaciones sin verificar: {codes}.", "gap_no_evidence": "Sin evidencias: {codes}.",
    "gap_none": "No se encontraron lagunas en los datos registrados.",
    "standard_head": "Estándar de prueba",
    "standard": "Los hallazgos se formulan con el estándar de \u201cmotivos razonables para creer\u201d, el que "
                "usan las comisiones de investigación y misiones de determinación de los hechos de la ONU: un "
                "conjunto de información fiable y coherente a partir del cual una persona razonable y prudente "
                "creería que el hecho ocurrió como se describe. Es menor que la prueba exigida para una condena "
                "penal, y este dossier no establece responsabilidad penal individual.",
    "rights_note": "El derecho concernido se deduce del tipo de hecho y es orientativo; la calificación jurídica "
                   "de los hechos corresponde al lector.",
    "definitions": "Definiciones", "role_scale": "Papel en un hecho", "degree_scale": "Grado de participación",
    "stance_scale": "Postura del señalado", "term": "Término", "limitations": "Limitaciones",
    "lim_single_source": "Las {n} afirmaciones se leyeron en una sola fuente: {source}.",
    "lim_main_source": "{n} de {total} afirmaciones se leyeron en una sola fuente: {source}.",
    "lim_secondary": "{n} de {total} afirmaciones se conocen solo de segunda mano: la fuente leída no es donde "
                     "se dijeron por primera vez.",
    "lim_no_field": "No hay verificación de campo registrada: ninguna fuente de entrevista, testimonio, foto o "
                    "video, ni evidencia recolectada por el equipo.",
    "lim_no_url": "Sin dirección (URL) registrada: {codes}.",
    "lim_no_access": "Sin fecha de consulta registrada: {codes}.",
    "lim_none": "No se encontraron limitaciones en los datos registrados.",
    "protection": "Consentimiento y acción sin daño",
    "protect_intro": "La información se registró para documentar violaciones, no para exponer a quienes la "
                     "dieron. Las versiones compartidas de este dossier nombran a las personas protegidas y a las "
                     "fuentes confidenciales solo con seudónimo, nunca llevan sus datos de contacto y muestran "
                     "imágenes recodificadas sin metadatos. Antes de transmitirlo, sopese el riesgo para cada "
                     "persona nombrada frente al propósito de compartirlo.",
    "protect_people": "Personas protegidas: {n}; fuera del equipo de documentación aparecen solo con seudónimo.",
    "protect_sources": "Fuentes confidenciales: {n}; aparecen solo con seudónimo y sus datos de contacto nunca se "
                       "comparten.",
    "protect_consent": "El consentimiento para compartir no está registrado persona por persona en este "
                       "expediente: confírmelo antes de que el dossier vaya más lejos.",
    "grades_head": "Por qué cada fuente recibió su calificación", "reason": "Motivo",
    "not_recorded": "no registrado", "caveats": "Salvedades", "why_grade": "Motivo de la calificación",
    "created": "Creado o capturado", "collected_by": "Recolectado por", "collection_tool": "Recolectado con",
    "preservation": "Cómo se preservó", "from_where": "Procedencia (URL o dispositivo)",
    "capture": "Prueba de la aplicación de captura",
    "capture_verified": "{app}: firma verificada sobre los bytes guardados",
    "capture_signer": " (clave {key}, firmado el {at})",
    "capture_mismatch": "{app}: NO COINCIDE: {problems}",
    "capture_unchecked": "{app}: firmado, sin comprobar ({why})",
    "capture_no_verifier": "gpgv de GnuPG no estaba instalado donde se incorporó el archivo",
    "capture_no_key": "la prueba llegó sin la clave pública del teléfono",
    "capture_unsigned_same": "{app}: sin firma; el hash que registró coincide con los bytes guardados",
    "capture_unsigned": "{app}: sin firma; no registró ningún hash que comparar",
    "capture_hash_differs": "el SHA-256 del archivo no es el que la aplicación registró al capturarlo ({sha})",
    "capture_bad_media": "la firma no es válida sobre los bytes del archivo",
    "capture_bad_metadata": "la firma de los metadatos de captura no es válida",
    "capture_signers_differ": "el archivo y sus metadatos fueron firmados con claves distintas",
    "capture_manifest_hash": "los bytes del archivo no son los que firmó su manifiesto",
    "capture_failure": "{code} ({explanation})",
    "custody_intro": "Manejo del archivo: adquirido, importado, exportado, transferido, verificado.",
    "analysis": "Análisis",
    "analysis_intro": "Con qué vinculó quien documenta el elemento, y cómo: una valoración, no un manejo del "
                      "archivo.",
    "linked_events": "Vínculos hechos y retirados",
}
