"""Every fixed text of the dossier, in one place.

A dossier's language is chosen per export and may differ from the window's.
English texts are written here once, marked with ``QT_TRANSLATE_NOOP`` so
pyside6-lupdate extracts them into the "Dossier" context. For another language
the installed Qt translator is asked first (``casefile.i18n.translate``); if it
has nothing, the small built-in table below is used (Spanish for now).
"""

from __future__ import annotations

from ..errors import CasefileError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model.dates import PartialDate, describe
from . import wording

TEXT: dict[str, str] = {
    # Cover and page furniture
    "dossier": QT_TRANSLATE_NOOP("Dossier", "Case dossier"),
    "marking_full": QT_TRANSLATE_NOOP("Dossier", "CONFIDENTIAL"),
    "marking_partner": QT_TRANSLATE_NOOP("Dossier", "PARTNER - RESTRICTED"),
    "marking_public": QT_TRANSLATE_NOOP("Dossier", "PUBLIC - REDACTED"),
    "note_full": QT_TRANSLATE_NOOP("Dossier", "Full dossier: every record, including protected identities and "
                                   "contact details. Keep it within the documenting team."),
    "note_partner": QT_TRANSLATE_NOOP("Dossier", "Partner dossier: protected people and confidential sources "
                                      "appear under pseudonyms; contact details and confidential records are "
                                      "left out."),
    "note_public": QT_TRANSLATE_NOOP("Dossier", "Public dossier: protected people and confidential sources "
                                     "appear under pseudonyms; contact details, confidential records and "
                                     "claims resting only on them are left out."),
    "organisation": QT_TRANSLATE_NOOP("Dossier", "Organisation"),
    "date_head": QT_TRANSLATE_NOOP("Dossier", "Date"),
    "profile": QT_TRANSLATE_NOOP("Dossier", "Profile"),
    "profile_full": QT_TRANSLATE_NOOP("Dossier", "Full"),
    "profile_partner": QT_TRANSLATE_NOOP("Dossier", "Partner"),
    "profile_public": QT_TRANSLATE_NOOP("Dossier", "Public"),
    "audit_head": QT_TRANSLATE_NOOP("Dossier", "Audit head"),
    "audit_head_note": QT_TRANSLATE_NOOP("Dossier", "The audit head is a SHA-256 hash that commits to the "
                                         "case's whole recorded history when this dossier was made."),
    "signed_by": QT_TRANSLATE_NOOP("Dossier", "Signed by"),
    "signed_reason": QT_TRANSLATE_NOOP("Dossier", "Issued by the documenter"),
    "signed_note": QT_TRANSLATE_NOOP("Dossier", "This file carries its documenter's digital signature (PAdES). "
                                     "A PDF reader that shows signatures, or \u201ccasefile check-signature "
                                     "FILE\u201d, tells whether anything changed after it was signed; compare "
                                     "the key with the one the documenter gave you."),
    "scope": QT_TRANSLATE_NOOP("Dossier", "Scope"),
    "scope_all": QT_TRANSLATE_NOOP("Dossier", "Whole case"),
    "scope_incidents": QT_TRANSLATE_NOOP("Dossier", "Chosen incidents: {codes}"),
    "scope_tag": QT_TRANSLATE_NOOP("Dossier", "Incidents tagged \u201c{tag}\u201d"),
    "scope_between": QT_TRANSLATE_NOOP("Dossier", "Incidents between {start} and {end}"),
    "scope_from": QT_TRANSLATE_NOOP("Dossier", "Incidents from {start}"),
    "scope_to": QT_TRANSLATE_NOOP("Dossier", "Incidents up to {end}"),
    "made_with": QT_TRANSLATE_NOOP("Dossier", "Made with Casefile"),
    "page_of": QT_TRANSLATE_NOOP("Dossier", "Page {page} of {pages}"),
    "subject": QT_TRANSLATE_NOOP("Dossier", "Case dossier ({marking})"),
    # Sections
    "contents": QT_TRANSLATE_NOOP("Dossier", "Contents"),
    "summary": QT_TRANSLATE_NOOP("Dossier", "Summary"),
    "chronology": QT_TRANSLATE_NOOP("Dossier", "Chronology"),
    "undated": QT_TRANSLATE_NOOP("Dossier", "Undated incidents"),
    "heading_continued": QT_TRANSLATE_NOOP("Dossier", "{heading} (continued)"),
    "incidents": QT_TRANSLATE_NOOP("Dossier", "Incidents"),
    "claims_register": QT_TRANSLATE_NOOP("Dossier", "Claims register"),
    "actors": QT_TRANSLATE_NOOP("Dossier", "Actors"),
    "places": QT_TRANSLATE_NOOP("Dossier", "Places"),
    "sources": QT_TRANSLATE_NOOP("Dossier", "Sources"),
    "evidence_annex": QT_TRANSLATE_NOOP("Dossier", "Evidence annex"),
    "methodology": QT_TRANSLATE_NOOP("Dossier", "Methodology"),
    "manifest": QT_TRANSLATE_NOOP("Dossier", "Manifest"),
    "withheld": QT_TRANSLATE_NOOP("Dossier", "Withheld from this dossier"),
    # Summary
    "about_case": QT_TRANSLATE_NOOP("Dossier", "About the case"),
    "in_dossier": QT_TRANSLATE_NOOP("Dossier", "In this dossier"),
    "records": QT_TRANSLATE_NOOP("Dossier", "Records"),
    "number": QT_TRANSLATE_NOOP("Dossier", "Number"),
    "period": QT_TRANSLATE_NOOP("Dossier", "Period covered"),
    "by_type": QT_TRANSLATE_NOOP("Dossier", "Incidents by type"),
    "by_status": QT_TRANSLATE_NOOP("Dossier", "Incidents by violation status"),
    "evidence_items": QT_TRANSLATE_NOOP("Dossier", "Evidence items"),
    "claims": QT_TRANSLATE_NOOP("Dossier", "Claims"),
    # Incidents
    "code": QT_TRANSLATE_NOOP("Dossier", "Code"),
    "incident": QT_TRANSLATE_NOOP("Dossier", "Incident"),
    "when": QT_TRANSLATE_NOOP("Dossier", "When"),
    "where": QT_TRANSLATE_NOOP("Dossier", "Where"),
    "place": QT_TRANSLATE_NOOP("Dossier", "Place"),
    "type": QT_TRANSLATE_NOOP("Dossier", "Type"),
    "violation_status": QT_TRANSLATE_NOOP("Dossier", "Violation status"),
    "fatalities": QT_TRANSLATE_NOOP("Dossier", "Reported fatalities"),
    "tags": QT_TRANSLATE_NOOP("Dossier", "Tags"),
    "related": QT_TRANSLATE_NOOP("Dossier", "Related incidents"),
    "link_out": QT_TRANSLATE_NOOP("Dossier", "{relation}: {code} {title}"),
    "until": QT_TRANSLATE_NOOP("Dossier", "{start} to {end}"),
    "precision": QT_TRANSLATE_NOOP("Dossier", "location precision: {precision}"),
    "place_unknown": QT_TRANSLATE_NOOP("Dossier", "place not recorded"),
    "who": QT_TRANSLATE_NOOP("Dossier", "Actors involved"),
    "actor": QT_TRANSLATE_NOOP("Dossier", "Actor"),
    "role": QT_TRANSLATE_NOOP("Dossier", "Role"),
    "degree": QT_TRANSLATE_NOOP("Dossier", "Degree"),
    "head_count": QT_TRANSLATE_NOOP("Dossier", "Head count"),
    "about_n": QT_TRANSLATE_NOOP("Dossier", "about {n}"),
    "evidence": QT_TRANSLATE_NOOP("Dossier", "Evidence"),
    "credibility": QT_TRANSLATE_NOOP("Dossier", "Credibility"),
    "status": QT_TRANSLATE_NOOP("Dossier", "Status"),
    "stance": QT_TRANSLATE_NOOP("Dossier", "Stance of the accused"),
    "claimant": QT_TRANSLATE_NOOP("Dossier", "Claimant"),
    "source": QT_TRANSLATE_NOOP("Dossier", "Source"),
    "chain": QT_TRANSLATE_NOOP("Dossier", "Chain of attribution"),
    "claimed_on": QT_TRANSLATE_NOOP("Dossier", "Claimed on"),
    "about": QT_TRANSLATE_NOOP("Dossier", "About"),
    "notes": QT_TRANSLATE_NOOP("Dossier", "Notes"),
    "none": QT_TRANSLATE_NOOP("Dossier", "None in this dossier."),
    "unknown_claimant": QT_TRANSLATE_NOOP("Dossier", "claimant not recorded"),
    "original_not_located": QT_TRANSLATE_NOOP("Dossier", "original not located"),
    "origin_not_located": QT_TRANSLATE_NOOP("Dossier", "{origin} (original not located)"),
    "translated_by": QT_TRANSLATE_NOOP("Dossier", "{kind}, by {who}"),
    "quote_is": QT_TRANSLATE_NOOP("Dossier", "Quote: {kind}"),
    "chain_review": QT_TRANSLATE_NOOP("Dossier", "(carried over from the source's citation; not yet reviewed)"),
    "no_preview": QT_TRANSLATE_NOOP("Dossier", "no preview"),
    "continued": QT_TRANSLATE_NOOP("Dossier", "(continued below the table, [{n}])"),
    # Claims register
    "assessments": QT_TRANSLATE_NOOP("Dossier", "Assessments"),
    "by_claim": QT_TRANSLATE_NOOP("Dossier", "claim {code}"),
    "register_intro": QT_TRANSLATE_NOOP("Dossier", "For each claim: the sources and other claims that support "
                                        "it, contradict it, or merely repeat it (same origin, which is not "
                                        "corroboration)."),
    # Actors, places, sources
    "name": QT_TRANSLATE_NOOP("Dossier", "Name"),
    "category": QT_TRANSLATE_NOOP("Dossier", "Category"),
    "aliases": QT_TRANSLATE_NOOP("Dossier", "Aliases"),
    "relations": QT_TRANSLATE_NOOP("Dossier", "Relations"),
    "contact": QT_TRANSLATE_NOOP("Dossier", "Contact"),
    "description": QT_TRANSLATE_NOOP("Dossier", "Description"),
    "protected": QT_TRANSLATE_NOOP("Dossier", "Protected: shown as \u201c{pseudonym}\u201d in shared dossiers"),
    "location": QT_TRANSLATE_NOOP("Dossier", "Location"),
    "coordinates": QT_TRANSLATE_NOOP("Dossier", "Coordinates"),
    "precision_head": QT_TRANSLATE_NOOP("Dossier", "Precision"),
    "title": QT_TRANSLATE_NOOP("Dossier", "Title"),
    "kind": QT_TRANSLATE_NOOP("Dossier", "Kind"),
    "outlet": QT_TRANSLATE_NOOP("Dossier", "Outlet"),
    "author": QT_TRANSLATE_NOOP("Dossier", "Author"),
    "published": QT_TRANSLATE_NOOP("Dossier", "Published"),
    "accessed": QT_TRANSLATE_NOOP("Dossier", "Accessed"),
    "reliability": QT_TRANSLATE_NOOP("Dossier", "Reliability"),
    "address": QT_TRANSLATE_NOOP("Dossier", "Address"),
    "language": QT_TRANSLATE_NOOP("Dossier", "Language"),
    "cites": QT_TRANSLATE_NOOP("Dossier", "Cites"),
    "cited_by": QT_TRANSLATE_NOOP("Dossier", "Cited by"),
    "confidential": QT_TRANSLATE_NOOP("Dossier", "Confidential: shown as \u201c{pseudonym}\u201d in shared "
                                      "dossiers"),
    # Evidence annex
    "file": QT_TRANSLATE_NOOP("Dossier", "File"),
    "media_type": QT_TRANSLATE_NOOP("Dossier", "Type"),
    "size": QT_TRANSLATE_NOOP("Dossier", "Size"),
    "sha256": QT_TRANSLATE_NOOP("Dossier", "SHA-256"),
    "captured": QT_TRANSLATE_NOOP("Dossier", "Captured"),
    "camera": QT_TRANSLATE_NOOP("Dossier", "Camera"),
    "gps": QT_TRANSLATE_NOOP("Dossier", "GPS position"),
    "dimensions": QT_TRANSLATE_NOOP("Dossier", "Dimensions"),
    "duration": QT_TRANSLATE_NOOP("Dossier", "Duration"),
    "seconds": QT_TRANSLATE_NOOP("Dossier", "{n} s"),
    "document": QT_TRANSLATE_NOOP("Dossier", "Document properties"),
    "intake": QT_TRANSLATE_NOOP("Dossier", "Intake"),
    "intake_by": QT_TRANSLATE_NOOP("Dossier", "{at} by {who}"),
    "obtained": QT_TRANSLATE_NOOP("Dossier", "How obtained"),
    "origin": QT_TRANSLATE_NOOP("Dossier", "Origin"),
    "derived_from": QT_TRANSLATE_NOOP("Dossier", "Working copy of"),
    "linked_to": QT_TRANSLATE_NOOP("Dossier", "Linked to"),
    "note": QT_TRANSLATE_NOOP("Dossier", "Note"),
    "custody": QT_TRANSLATE_NOOP("Dossier", "Chain of custody"),
    "time_utc": QT_TRANSLATE_NOOP("Dossier", "Time (UTC)"),
    "handler": QT_TRANSLATE_NOOP("Dossier", "Who"),
    "action": QT_TRANSLATE_NOOP("Dossier", "Action"),
    "hash_seen": QT_TRANSLATE_NOOP("Dossier", "Hash observed"),
    "custody_received": QT_TRANSLATE_NOOP("Dossier", "{action} (per sender)"),
    "hidden": QT_TRANSLATE_NOOP("Dossier", "withheld"),
    # Methodology
    "method_intro": QT_TRANSLATE_NOOP("Dossier", "Sources are graded for reliability and claims for credibility "
                                      "separately, after the Admiralty system: a reliable source can carry a "
                                      "doubtful claim, and the reverse. Dates are recorded only as precisely as "
                                      "they are known (a year, a month or a day, possibly approximate), and "
                                      "places with the precision of their location."),
    "method_assess": QT_TRANSLATE_NOOP("Dossier", "A claim is corroborated only by independent support: a source "
                                       "that repeats another (same origin) adds no weight, and is listed as "
                                       "repeating."),
    "method_evidence": QT_TRANSLATE_NOOP("Dossier", "Each evidence file was hashed (SHA-256) when it was taken "
                                         "in and is kept unaltered; images in this dossier are re-encoded "
                                         "previews without embedded metadata."),
    "reliability_scale": QT_TRANSLATE_NOOP("Dossier", "Source reliability"),
    "credibility_scale": QT_TRANSLATE_NOOP("Dossier", "Claim credibility"),
    "status_scale": QT_TRANSLATE_NOOP("Dossier", "Claim status"),
    "violation_scale": QT_TRANSLATE_NOOP("Dossier", "Violation status"),
    "grade": QT_TRANSLATE_NOOP("Dossier", "Grade"),
    "meaning": QT_TRANSLATE_NOOP("Dossier", "Meaning"),
    # Manifest and withheld page
    "manifest_intro": QT_TRANSLATE_NOOP("Dossier", "To check a delivered evidence file against this dossier, "
                                        "compute its SHA-256 (for example with sha256sum) and compare it with "
                                        "the value listed here."),
    "provenance": QT_TRANSLATE_NOOP("Dossier", "Where the records came from"),
    "provenance_intro": QT_TRANSLATE_NOOP("Dossier", "Records not listed here were recorded in this copy of the "
                                          "case. These came in bundles from other documenters' copies, each "
                                          "bundle signed with the key shown."),
    "received_from": QT_TRANSLATE_NOOP("Dossier", "Received from"),
    "signing_key": QT_TRANSLATE_NOOP("Dossier", "Key"),
    "received_on": QT_TRANSLATE_NOOP("Dossier", "Received"),
    "unnamed": QT_TRANSLATE_NOOP("Dossier", "(no name given)"),
    "withheld_intro": QT_TRANSLATE_NOOP("Dossier", "To protect people and sources, the following were left out "
                                        "of this dossier or shown only under a pseudonym. Only counts are "
                                        "given."),
    "withheld_incident": QT_TRANSLATE_NOOP("Dossier", "Confidential incidents"),
    "withheld_source": QT_TRANSLATE_NOOP("Dossier", "Confidential sources"),
    "withheld_claim": QT_TRANSLATE_NOOP("Dossier", "Claims resting only on confidential records"),
    "withheld_evidence": QT_TRANSLATE_NOOP("Dossier", "Evidence items"),
    "withheld_contact": QT_TRANSLATE_NOOP("Dossier", "Contact details"),
    "withheld_pseudonym": QT_TRANSLATE_NOOP("Dossier", "People and sources shown under a pseudonym"),
    "withheld_detail": QT_TRANSLATE_NOOP("Dossier", "Identifying details of protected people"),
    "withheld_notes": QT_TRANSLATE_NOOP("Dossier", "Internal notes"),
    "withheld_place": QT_TRANSLATE_NOOP("Dossier", "Places used only by withheld records"),
    "withheld_actor": QT_TRANSLATE_NOOP("Dossier", "Actors named only in withheld records"),
    "withheld_consent": QT_TRANSLATE_NOOP("Dossier", "Sources and evidence items whose consent does not cover "
                                                     "this dossier's readers (counted above too)"),
    "withheld_replaced": QT_TRANSLATE_NOOP("Dossier", "Passages of text replaced in place (by a pseudonym or "
                                           "\u201c[withheld]\u201d)"),
    "withheld_nothing": QT_TRANSLATE_NOOP("Dossier", "Nothing was withheld."),
    "withheld_faces_blurred": QT_TRANSLATE_NOOP("Dossier", "Images showing people's faces, blurred"),
    "withheld_faces_omitted": QT_TRANSLATE_NOOP("Dossier", "Images showing people's faces, left out"),
}

BUILTIN: dict[str, dict[str, str]] = {
    "es": {
        "dossier": "Dossier del expediente",
        "marking_full": "CONFIDENCIAL",
        "marking_partner": "SOCIOS - RESTRINGIDO",
        "marking_public": "PÚBLICO - VERSIÓN TESTADA",
        "note_full": "Dossier completo: todos los registros, con identidades protegidas y datos de contacto. "
                     "Manténgalo dentro del equipo de documentación.",
        "note_partner": "Dossier para socios: las personas protegidas y las fuentes confidenciales aparecen con "
                        "seudónimo; se omiten los datos de contacto y los registros confidenciales.",
        "note_public": "Dossier público: las personas protegidas y las fuentes confidenciales aparecen con "
                       "seudónimo; se omiten los datos de contacto, los registros confidenciales y las "
                       "afirmaciones que solo descansan en ellos.",
        "organisation": "Organización", "date_head": "Fecha", "profile": "Perfil",
        "profile_full": "Completo", "profile_partner": "Socios", "profile_public": "Público",
        "audit_head": "Huella del historial",
        "signed_by": "Firmado por",
        "signed_reason": "Emitido por quien documentó",
        "signed_note": "Este archivo lleva la firma digital de quien lo documentó (PAdES). Un lector de PDF que "
                       "muestre firmas, o \u201ccasefile check-signature ARCHIVO\u201d, indica si algo cambió "
                       "después de la firma; compare la clave con la que le dio quien documentó.",
        "audit_head_note": "La huella del historial es un hash SHA-256 que vincula todo el historial "
                           "registrado del expediente en el momento de hacer este dossier.",
        "scope": "Alcance", "scope_all": "Todo el expediente", "scope_incidents": "Hechos elegidos: {codes}",
        "scope_tag": "Hechos con la etiqueta \u201c{tag}\u201d",
        "scope_between": "Hechos entre {start} y {end}", "scope_from": "Hechos desde {start}",
        "scope_to": "Hechos hasta {end}", "made_with": "Elaborado con Casefile",
        "page_of": "Página {page} de {pages}", "subject": "Dossier del expediente ({marking})",
        "contents": "Índice", "summary": "Resumen", "chronology": "Cronología", "incidents": "Hechos",
        "undated": "Hechos sin fecha", "heading_continued": "{heading} (continuación)",
        "claims_register": "Registro de afirmaciones", "actors": "Actores", "places": "Lugares",
        "sources": "Fuentes", "evidence_annex": "Anexo de evidencias", "methodology": "Metodología",
        "manifest": "Manifiesto", "withheld": "Omitido en este dossier",
        "about_case": "Sobre el expediente", "in_dossier": "En este dossier", "records": "Registros",
        "number": "Número", "period": "Periodo", "by_type": "Hechos por tipo",
        "by_status": "Hechos por estado de la violación", "evidence_items": "Evidencias",
        "claims": "Afirmaciones", "code": "Código", "incident": "Hecho", "when": "Cuándo",
        "where": "Dónde", "place": "Lugar", "type": "Tipo", "violation_status": "Estado de la violación",
        "fatalities": "Víctimas mortales reportadas", "tags": "Etiquetas", "related": "Hechos relacionados",
        "link_out": "{relation}: {code} {title}",
        "until": "{start} a {end}", "precision": "precisión de la ubicación: {precision}",
        "place_unknown": "lugar no registrado", "who": "Actores involucrados", "actor": "Actor",
        "role": "Papel", "degree": "Grado", "head_count": "Número de personas", "about_n": "unos {n}",
        "evidence": "Evidencias", "credibility": "Credibilidad", "status": "Estado",
        "stance": "Postura del señalado", "claimant": "Quien afirma", "source": "Fuente",
        "chain": "Cadena de atribución", "claimed_on": "Fecha de la afirmación", "about": "Sobre",
        "notes": "Notas", "none": "Ninguno en este dossier.", "unknown_claimant": "autor no registrado",
        "original_not_located": "original no localizado", "origin_not_located": "{origin} (original no localizado)",
        "translated_by": "{kind}, de {who}", "quote_is": "Cita: {kind}",
        "chain_review": "(tomada de la cita de la fuente; aún sin revisar)",
        "no_preview": "sin vista previa", "assessments": "Valoraciones", "by_claim": "afirmación {code}",
        "continued": "(continúa bajo la tabla, [{n}])",
        "register_intro": "Para cada afirmación: las fuentes y otras afirmaciones que la respaldan, la "
                          "contradicen o solo la repiten (mismo origen, lo que no es corroboración).",
        "name": "Nombre", "category": "Categoría", "aliases": "Alias", "relations": "Relaciones",
        "contact": "Contacto", "description": "Descripción",
        "protected": "Protegido: aparece como \u201c{pseudonym}\u201d en dossiers compartidos",
        "location": "Ubicación", "coordinates": "Coordenadas", "precision_head": "Precisión", "title": "Título", "kind": "Clase",
        "outlet": "Medio", "author": "Autor", "published": "Publicado", "accessed": "Consultado",
        "reliability": "Confiabilidad", "address": "Dirección", "language": "Idioma", "cites": "Cita",
        "cited_by": "Citada por",
        "confidential": "Confidencial: aparece como \u201c{pseudonym}\u201d en dossiers compartidos",
        "file": "Archivo", "media_type": "Tipo", "size": "Tamaño", "sha256": "SHA-256", "captured": "Captura",
        "camera": "Cámara", "gps": "Posición GPS", "dimensions": "Dimensiones", "duration": "Duración",
        "seconds": "{n} s", "document": "Propiedades del documento", "intake": "Ingreso",
        "intake_by": "{at} por {who}", "obtained": "Cómo se obtuvo", "origin": "Origen",
        "derived_from": "Copia de trabajo de", "linked_to": "Vinculada a", "note": "Nota",
        "custody": "Cadena de custodia", "time_utc": "Hora (UTC)", "handler": "Quién", "action": "Acción",
        "hash_seen": "Hash observado", "hidden": "omitido",
        "custody_received": "{action} (según remitente)",
        "method_intro": "La confiabilidad de las fuentes y la credibilidad de las afirmaciones se califican por "
                        "separado, según el sistema del Almirantazgo: una fuente confiable puede transmitir una "
                        "afirmación dudosa, y al revés. Las fechas se registran solo con la precisión con que se "
                        "conocen (año, mes o día, quizá aproximados), y los lugares con la precisión de su "
                        "ubicación.",
        "method_assess": "Una afirmación solo se corrobora con respaldo independiente: una fuente que repite "
                         "otra (mismo origen) no añade peso y figura como repetición.",
        "method_evidence": "Al ingresar cada archivo de evidencia se calculó su SHA-256, y el archivo se conserva "
                           "sin cambios; las imágenes de este dossier son vistas previas recodificadas sin metadatos.",
        "reliability_scale": "Confiabilidad de la fuente", "credibility_scale": "Credibilidad de la afirmación",
        "status_scale": "Estado de la afirmación", "violation_scale": "Estado de la violación",
        "grade": "Grado", "meaning": "Significado",
        "manifest_intro": "Para comprobar un archivo de evidencia entregado, calcule su SHA-256 (por ejemplo con "
                          "sha256sum) y compárelo con el valor de esta lista.",
        "provenance": "Procedencia de los registros",
        "provenance_intro": "Los registros que no figuran aquí se registraron en esta copia del expediente. Estos "
                            "llegaron en paquetes desde las copias de otros documentadores, cada paquete firmado con "
                            "la clave indicada.",
        "received_from": "Recibido de",
        "signing_key": "Clave",
        "received_on": "Recibido",
        "unnamed": "(sin nombre)",
        "withheld_intro": "Para proteger a personas y fuentes, lo siguiente se omitió en este dossier o "
                          "aparece solo con seudónimo. Solo se dan cantidades.",
        "withheld_incident": "Hechos confidenciales", "withheld_source": "Fuentes confidenciales",
        "withheld_claim": "Afirmaciones que solo descansan en registros confidenciales",
        "withheld_evidence": "Evidencias", "withheld_contact": "Datos de contacto",
        "withheld_pseudonym": "Personas y fuentes con seudónimo",
        "withheld_detail": "Datos identificativos de personas protegidas",
        "withheld_notes": "Notas internas", "withheld_nothing": "No se omitió nada.",
        "withheld_place": "Lugares usados solo por registros omitidos",
        "withheld_actor": "Actores nombrados solo en registros omitidos",
        "withheld_consent": "Fuentes y evidencias cuyo consentimiento no alcanza a los lectores de este dossier "
                            "(también contadas arriba)",
        "withheld_replaced": "Pasajes de texto sustituidos en su lugar (por un seudónimo o \u201c[reservado]\u201d)",
        "withheld_faces_blurred": "Imágenes en que se ven rostros, difuminadas",
        "withheld_faces_omitted": "Imágenes en que se ven rostros, omitidas",
    },
}

TEXT.update(wording.TEXT)
BUILTIN["es"].update(wording.ES)

_MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre")


class Labels:
    """The dossier's fixed texts in one language: ``labels.summary``."""

    def __init__(self, lang: str = "en"):
        self.lang = (lang or "en").lower()[:2]
        self._cache: dict[str, str] = {}

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._cache[key]
        except KeyError:
            pass
        try:
            text = TEXT[key]
        except KeyError:
            raise AttributeError(key) from None
        if self.lang != "en":
            translated = translate("Dossier", text)
            text = translated if translated != text else BUILTIN.get(self.lang, {}).get(key, text)
        self._cache[key] = text
        return text

    def date(self, iso: str | None, qualifier: str = "exact") -> str:
        """A partial date in words: "about August 2013", "5 de agosto de 2013"."""
        try:
            value = PartialDate.from_iso(iso)
        except CasefileError:
            return iso or ""
        if self.lang != "es":
            return describe(value, qualifier)
        if value is None or qualifier == "unknown":
            return "fecha desconocida"
        if value.day and value.month:
            text = f"{value.day} de {_MONTHS_ES[value.month - 1]} de {value.year}"
        elif value.month:
            text = f"{_MONTHS_ES[value.month - 1]} de {value.year}"
        else:
            text = str(value.year)
        return f"hacia {text}" if qualifier == "approximate" else text

    def today(self, day) -> str:
        return self.date(day.isoformat())

    def marking(self, profile: str) -> str:
        return getattr(self, f"marking_{profile}")
