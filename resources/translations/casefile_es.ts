<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../casefile/ui/actions.py" line="+103"/>
        <source>&amp;New Case…</source>
        <translation>&amp;Nuevo expediente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Case…</source>
        <translation>&amp;Abrir expediente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;Sample Case</source>
        <translation>Abrir el expediente de &amp;ejemplo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close Case</source>
        <translation>&amp;Cerrar expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Record</source>
        <translation>Nuevo &amp;registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a record of the kind shown in the list</source>
        <translation>Agregar un registro del tipo que muestra la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Record…</source>
        <translation>&amp;Eliminar registro…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter the List</source>
        <translation>&amp;Filtrar la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search Everything…</source>
        <translation>&amp;Buscar en todo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Incidents</source>
        <translation>&amp;Hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actors</source>
        <translation>A&amp;ctores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Places</source>
        <translation>&amp;Lugares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sources</source>
        <translation>&amp;Fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Claims</source>
        <translation>Afir&amp;maciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Evidence</source>
        <translation>&amp;Evidencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Claim from Selection</source>
        <translation>&amp;Afirmación desde la selección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a claim carrying the selected passage as its quote</source>
        <translation>Crear una afirmación con el pasaje seleccionado como cita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Incident from Selection</source>
        <translation>&amp;Hecho desde la selección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make an incident titled and dated by the selected passage</source>
        <translation>Crear un hecho con el título y la fecha del pasaje seleccionado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link the &amp;Mention…</source>
        <translation>Vincular la &amp;mención…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the actor or place named at the cursor to the claim being written, or make one from the selected words</source>
        <translation>Vincular el actor o lugar nombrado en el cursor a la afirmación que se está redactando, o crear uno con las palabras seleccionadas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find in Text…</source>
        <translation>&amp;Buscar en el texto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find words in the open source&apos;s text, with or without accents</source>
        <translation>Buscar palabras en el texto de la fuente abierta, con o sin acentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Load Text from File…</source>
        <translation>&amp;Cargar texto desde un archivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the open source&apos;s text with a .txt, .html or .pdf file</source>
        <translation>Reemplazar el texto de la fuente abierta con un archivo .txt, .html o .pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add Saved &amp;Web Page…</source>
        <translation>Añadir página &amp;web guardada…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take in a saved web page (HTML, MHTML or WARC) as the open source&apos;s evidence: its address, the day it was saved and its text fill what the source lacks</source>
        <translation>Incorporar una página web guardada (HTML, MHTML o WARC) como evidencia de la fuente abierta: su dirección, el día en que se guardó y su texto completan lo que falta a la fuente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;List</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeline</source>
        <translation>Línea de &amp;tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The listed incidents on a time axis</source>
        <translation>Los hechos de la lista en un eje temporal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lin&amp;k Chart</source>
        <translation>&amp;Gráfico de vínculos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The listed records with the people, claims and sources linked to them</source>
        <translation>Los registros de la lista con las personas, afirmaciones y fuentes vinculadas a ellos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the View as S&amp;VG…</source>
        <translation>Exportar la vista como S&amp;VG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the View as &amp;PNG…</source>
        <translation>Exportar la vista como &amp;PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Casefile</source>
        <translation>&amp;Acerca de Casefile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File</source>
        <extracomment>menu key -&gt; (title, ids in order; None is a separator)</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Source</source>
        <translation>&amp;Fuente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/screen_lock.py" line="+218"/>
        <source>&amp;Lock Case</source>
        <translation>&amp;Bloquear expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the case and ask for the passphrase again</source>
        <translation>Cerrar el expediente y volver a pedir la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/file_commands.py" line="+95"/>
        <source>&amp;Export Dossier…</source>
        <translation>E&amp;xportar dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a PDF dossier of the case</source>
        <translation>Escribir un dossier en PDF del expediente</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case&apos;s tamper-evident history</source>
        <translation>El historial del expediente, protegido contra alteraciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;Passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/evidence/panel.py" line="+568"/>
        <source>Add &amp;Evidence Files…</source>
        <translation>A&amp;gregar archivos de evidencia…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take files into the case as evidence (several at once)</source>
        <translation>Ingresar archivos al expediente como evidencia (varios a la vez)</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/dialogs/shortcuts.py" line="+163"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every shortcut of the window, read from its actions</source>
        <translation>Todos los atajos de la ventana, leídos de sus acciones</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/file_commands.py" line="-22"/>
        <source>&amp;Redaction Preview…</source>
        <translation>Vista p&amp;revia del testado…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before sharing: what a partner or public export replaces, and what it may miss</source>
        <translation>Antes de compartir: qué sustituye una exportación para socios o pública, y qué se le puede escapar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send Chan&amp;ges…</source>
        <translation>Enviar ca&amp;mbios…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a signed bundle of this case&apos;s changes for a colleague&apos;s copy</source>
        <translation>Escribir un paquete firmado con los cambios de este expediente para la copia de un colega</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rece&amp;ive Changes…</source>
        <translation>Rec&amp;ibir cambios…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge a colleague&apos;s bundle into this case</source>
        <translation>Fusionar el paquete de un colega en este expediente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;view Conflicts…</source>
        <translation>Re&amp;visar conflictos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values changed differently on two copies</source>
        <translation>Valores cambiados de forma distinta en dos copias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documenter &amp;Key…</source>
        <translation>Clave de &amp;documentador…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key&apos;s fingerprint, and the colleagues&apos; keys you trust</source>
        <translation>La huella de su clave y las claves de colegas en las que confía</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/views/map_actions.py" line="+55"/>
        <source>&amp;Map</source>
        <translation>&amp;Mapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The listed incidents&apos; places on a map (offline)</source>
        <translation>Los lugares de los hechos listados en un mapa (sin conexión)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add Map &amp;Tiles…</source>
        <translation>Agregar &amp;teselas de mapa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import an .mbtiles file of raster map tiles for the map view</source>
        <translation>Importar un archivo .mbtiles de teselas de mapa (imágenes) para la vista de mapa</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/file_commands.py" line="+9"/>
        <source>Open Server C&amp;ase…</source>
        <translation>Abrir expediente del servid&amp;or…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work on a case kept on the team&apos;s PostgreSQL server</source>
        <translation>Trabajar en un expediente guardado en el servidor PostgreSQL del equipo</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Han&amp;dover…</source>
        <translation>Entre&amp;ga…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand evidence over to a court or UN mechanism, as consent allows</source>
        <translation>Entregar evidencias a un tribunal o mecanismo de la ONU, según lo permita el consentimiento</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../casefile/ui/case/history.py" line="+109"/>
        <source>#</source>
        <extracomment>fields that name a record: the summary of a creation shows the first present</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <location filename="../../casefile/services/evidence/capture.py" line="+409"/>
        <source>{app}: signature verified over the stored bytes</source>
        <extracomment>the types whose files may carry a C2PA manifest a C2PA failure that says the bytes are not the ones signed errors that say a manifest is there but does not hold (c2pa-python&apos;s error classes) not a failure of the file: the signer&apos;s certificate is on no trust list this computer has what a check concludes: the signature holds over these very bytes; something does not match; nothing signed to check (the stated hash was compared); or signed, but this computer could not check it the sentences a check is told in; the dossier keeps its own, in its language (``dossier.wording``: the same keys, with ``capture_`` before them)</extracomment>
        <translation>{app}: firma verificada sobre los bytes guardados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (key {key}, signed {at})</source>
        <translation> (clave {key}, firmado el {at})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: DOES NOT MATCH: {problems}</source>
        <translation>{app}: NO COINCIDE: {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: signed, not checked ({why})</source>
        <translation>{app}: firmado, sin comprobar ({why})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GnuPG&apos;s gpgv is not installed on this computer</source>
        <translation>gpgv de GnuPG no está instalado en este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the proof came without the phone&apos;s public key</source>
        <translation>la prueba llegó sin la clave pública del teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: not signed; the hash it recorded matches the stored bytes</source>
        <translation>{app}: sin firma; el hash que registró coincide con los bytes guardados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: not signed; it recorded no hash to compare</source>
        <translation>{app}: sin firma; no registró ningún hash que comparar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file&apos;s SHA-256 is not the one the app recorded at capture ({sha})</source>
        <translation>el SHA-256 del archivo no es el que la aplicación registró al capturarlo ({sha})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature does not hold over the file&apos;s bytes</source>
        <translation>la firma no es válida sobre los bytes del archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature of the capture metadata does not hold</source>
        <translation>la firma de los metadatos de captura no es válida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file and its metadata were signed by different keys</source>
        <translation>el archivo y sus metadatos fueron firmados con claves distintas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file&apos;s bytes are not the ones its manifest signed</source>
        <translation>los bytes del archivo no son los que firmó su manifiesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code} ({explanation})</source>
        <translation>{code} ({explanation})</translation>
    </message>
</context>
<context>
    <name>Case</name>
    <message>
        <location filename="../../casefile/store/case.py" line="+193"/>
        <source>{name} is in an older format: making a backup copy of it first…</source>
        <translation>{name} tiene un formato anterior: primero se hace una copia de seguridad…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updating {name} to this Casefile&apos;s format…</source>
        <translation>Actualizando {name} al formato de esta versión de Casefile…</translation>
    </message>
</context>
<context>
    <name>CaseLocker</name>
    <message>
        <location filename="../../casefile/ui/screen_lock.py" line="-34"/>
        <source>Casefile locked this case.</source>
        <extracomment>what counts as the documenter being at the keyboard</extracomment>
        <translation>Casefile bloqueó este expediente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case locked</source>
        <translation>Expediente bloqueado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Casefile locked {name}. It is not encrypted: anyone with this computer can still read the file.</source>
        <translation>Casefile bloqueó {name}. No está cifrado: cualquiera que tenga esta computadora todavía puede leer el archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reopen</source>
        <translation>&amp;Volver a abrir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Casefile</source>
        <translation>Casefile</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../casefile/ui/case/panes.py" line="+85"/>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter the list</source>
        <translation>Filtrar la lista</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a record in the list, or press Ctrl+Shift+N to add one.</source>
        <translation>Elija un registro de la lista, o presione Ctrl+Mayús+N para agregar uno.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Filter {kind} (Ctrl+F)</source>
        <translation>Filtrar {kind} (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{kind}: {shown:,} of {total:,}</source>
        <translation>{kind}: {shown:,} de {total:,}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {total:,}</source>
        <translation>{kind}: {total:,}</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/passphrase.py" line="+291"/>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new passphrase for this case. The whole file is re-encrypted; backups made before keep the old passphrase.</source>
        <translation>Elija una nueva frase de contraseña para este expediente. Todo el archivo se vuelve a cifrar; los respaldos anteriores conservan la frase de contraseña anterior.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C&amp;hange passphrase</source>
        <translation>C&amp;ambiar la frase de contraseña</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Re-encrypting the case…</source>
        <translation>Volviendo a cifrar el expediente…</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../casefile/cli/__init__.py" line="+37"/>
        <source>Offline case files for human-rights documentation. Without a command, opens the window.</source>
        <extracomment>The modules that register the sub-commands, in the order ``--help`` lists them. Imported only when the arguments may name a command: the window needs none of them (0.1 s of imports at its start). What a sub-command&apos;s name looks like (``add-evidence``); a case&apos;s path, with a dot or a separator in it, never does.</extracomment>
        <translation>Expedientes sin conexión para documentar violaciones de derechos humanos. Sin un comando, abre la ventana.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open the Casefile window.</source>
        <translation>Abre la ventana de Casefile.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case file to open</source>
        <translation>expediente que se abrirá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open a fresh copy of the sample case</source>
        <translation>abrir una copia nueva del expediente de ejemplo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>render the window to PNG and exit</source>
        <translation>guardar la ventana como PNG y salir</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>casefile: interrupted</source>
        <translation>casefile: interrumpido</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/case_commands.py" line="+19"/>
        <source>create a case file</source>
        <translation>crear un expediente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your name, recorded in the history</source>
        <translation>su nombre, que queda registrado en el historial</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>counts per record type, format, encryption, audit head</source>
        <translation>cantidad por tipo de registro, formato, cifrado y cabeza del historial</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>full-text search across all records</source>
        <translation>búsqueda de texto en todos los registros</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>check file integrity, evidence hashes and the audit chain</source>
        <translation>verificar la integridad del archivo, las huellas de las evidencias y la cadena del historial</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>created {path} ({kind})</source>
        <translation>se creó {path} ({kind})</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../casefile/cli/server_commands.py" line="+177"/>
        <source>encrypted</source>
        <translation>cifrado</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>the history, newest first: every change, or a record&apos;s (its links and custody too)</source>
        <translation>el historial, lo más reciente primero: cada cambio, o los de un registro (también sus vínculos y su custodia)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a record&apos;s code, or the start of codes</source>
        <translation>el código de un registro, o el comienzo de códigos</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../casefile/cli/server_commands.py" line="+0"/>
        <source>not encrypted</source>
        <translation>sin cifrar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documenter</source>
        <translation>Documentador(a)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incidents</source>
        <translation>Hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actors</source>
        <translation>Actores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claims</source>
        <translation>Afirmaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encrypted</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Audit head</source>
        <translation>Huella del historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts to review</source>
        <translation>Conflictos por revisar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no matches</source>
        <translation>sin resultados</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the evidence checks are not recorded in its custody</source>
        <translation>las comprobaciones de las evidencias no quedan registradas en su custodia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} problem(s) found</source>
        <translation>se encontraron {n} problema(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ok: file, evidence and history verify</source>
        <translation>correcto: el archivo, las evidencias y el historial se verificaron</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no entries</source>
        <translation>ninguna entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the history&apos;s chain is broken at #{seq}: {why}</source>
        <translation>la cadena del historial está rota en el n.º {seq}: {why}</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/common.py" line="+21"/>
        <source>read the passphrase from file F (else $CASEFILE_PASSPHRASE, else a prompt)</source>
        <translation>leer la frase de contraseña del archivo F (si no, de $CASEFILE_PASSPHRASE; si no, se pregunta)</translation>
    </message>
    <message>
        <location filename="../../casefile/services/security.py" line="+40"/>
        <source>passphrase file {file} is too large to hold a passphrase</source>
        <translation>el archivo de frase de contraseña {file} es demasiado grande para contener una frase de contraseña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read passphrase file {file}: {why}</source>
        <translation>no se puede leer el archivo de frase de contraseña {file}: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>passphrase file {file} is empty</source>
        <translation>el archivo de frase de contraseña {file} está vacío</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Passphrase: </source>
        <translation>Frase de contraseña: </translation>
    </message>
    <message>
        <location filename="../../casefile/cli/common.py" line="+36"/>
        <source>no space left on device: {path} cannot record this export in its history, so nothing was written; free some space and try again</source>
        <translation>no queda espacio en el dispositivo: {path} no puede registrar esta exportación en su historial, así que no se escribió nada; libere espacio y vuelva a intentarlo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>note: {path} cannot be changed here ({why}): {what}</source>
        <translation>nota: {path} no se puede modificar aquí ({why}): {what}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no space left on device</source>
        <translation>no queda espacio en el dispositivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>read your key&apos;s passphrase from F (else $CASEFILE_KEY_PASSPHRASE, else a prompt)</source>
        <translation>leer la frase de contraseña de su clave desde F (si no, de $CASEFILE_KEY_PASSPHRASE; si no, se pregunta)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Passphrase of your key: </source>
        <translation>Frase de contraseña de su clave: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>your key needs its passphrase: --key-passphrase-file F or $CASEFILE_KEY_PASSPHRASE</source>
        <translation>su clave necesita su frase de contraseña: --key-passphrase-file F o $CASEFILE_KEY_PASSPHRASE</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/evidence_commands.py" line="+20"/>
        <source>take files in as evidence (hashed, stored inside the case, with chain of custody)</source>
        <translation>ingresar archivos como evidencia (con su huella, guardados dentro del expediente y con cadena de custodia)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>link each file to this incident, claim, source or actor</source>
        <translation>vincular cada archivo a este hecho, afirmación, fuente o actor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>how the files relate to --link</source>
        <translation>qué relación tienen los archivos con --link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>how the files were obtained</source>
        <translation>cómo se obtuvieron los archivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>where from: URL, device or person</source>
        <translation>de dónde provienen: URL, dispositivo o persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the files are working copies (crop, redaction) of this evidence</source>
        <translation>los archivos son copias de trabajo (recorte, tachado) de esta evidencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the pictures show people&apos;s faces: blurred or left out in partner and public exports</source>
        <translation>las imágenes muestran rostros de personas: se difuminan u omiten en las exportaciones para socios y públicas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>write an evidence file&apos;s original bytes (hash checked on the way out)</source>
        <translation>escribir los bytes originales de una evidencia (se comprueba la huella al salir)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file to write, or a folder to write it into under its original name</source>
        <translation>el archivo que se escribirá, o una carpeta donde escribirlo con su nombre original</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../casefile/cli/team_commands.py" line="+39"/>
        <source>replace an existing file</source>
        <translation>reemplazar un archivo existente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--link and --relation go together</source>
        <translation>--link y --relation se usan juntos</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>note: {code} has the same content as {other} (stored once)</source>
        <translation>nota: {code} tiene el mismo contenido que {other} (se guarda una sola vez)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>note: {code}: {warning}</source>
        <translation>nota: {code}: {warning}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>this export is not recorded in the custody of {code}</source>
        <translation>esta exportación no queda registrada en la custodia de {code}</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/exchange_commands.py" line="+32"/>
        <source>import interchange JSON into a case (all or nothing)</source>
        <translation>importar JSON de intercambio a un expediente (todo o nada)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>export the case as interchange JSON, a PDF dossier or CSV</source>
        <translation>exportar el expediente como JSON de intercambio, dossier en PDF o CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file to write (for csv: a folder)</source>
        <translation>el archivo que se escribirá (para csv: una carpeta)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partner and public show protected people and confidential sources only by pseudonym</source>
        <translation>partner y public muestran a las personas protegidas y las fuentes confidenciales solo con seudónimo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pdf: only these incidents, comma-separated (INC-0001,INC-0003)</source>
        <translation>pdf: solo estos hechos, separados por comas (INC-0001,INC-0003)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pdf: only incidents with this tag</source>
        <translation>pdf: solo los hechos con esta etiqueta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pdf: only incidents from this date (2013, 2013-08, 5 Aug 2013)</source>
        <translation>pdf: solo los hechos desde esta fecha (2013, 2013-08, 5 ago 2013)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pdf: only incidents up to this date</source>
        <translation>pdf: solo los hechos hasta esta fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language of the dossier and of CSV labels</source>
        <translation>idioma del dossier y de los encabezados CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pdf: archival PDF/A-2b (fonts embedded, XMP metadata, sRGB output intent)</source>
        <translation>pdf: PDF/A-2b de archivo (fuentes incrustadas, metadatos XMP, intención de salida sRGB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pdf, partner and public: pictures marked as showing faces are blurred (blur, the default) or left out and counted (omit)</source>
        <translation>pdf, partner y public: las imágenes marcadas como que muestran rostros se difuminan (blur, el valor predeterminado) u omiten y se cuentan (omit)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pdf: sign the dossier with your documenter key (PAdES; the cover says by whom)</source>
        <translation>pdf: firmar el dossier con su clave de documentador (PAdES; la portada indica quién lo firma)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replace existing files</source>
        <translation>reemplazar los archivos existentes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hand evidence over to a court or UN mechanism: a BagIt bag of originals, their records and custody, and the dossier, signed; only what consent covers for that recipient</source>
        <translation>entregar evidencias a un tribunal o mecanismo de la ONU: una bolsa BagIt con los originales, sus registros y su cadena de custodia, y el dossier, firmados; solo lo que el consentimiento cubre para ese destinatario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the bag&apos;s folder (new; it must not exist)</source>
        <translation>la carpeta de la bolsa (nueva; no debe existir)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>who receives it, as consent names recipients (IIIM, ICC, ...)</source>
        <translation>quién la recibe, como el consentimiento nombra a los destinatarios (IIIM, CPI, ...)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only these incidents and what they link to, comma-separated (INC-0001,INC-0003)</source>
        <translation>solo estos hechos y lo vinculado a ellos, separados por comas (INC-0001,INC-0003)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>language of the dossier</source>
        <translation>idioma del dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>write the sample case to OUT</source>
        <translation>escribir el expediente de ejemplo en OUT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replace an existing file (never a case)</source>
        <translation>reemplazar un archivo existente (nunca un expediente)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>imported {name}: {counts}</source>
        <translation>se importó {name}: {counts}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--incidents, --tag, --from and --to apply to --format pdf only</source>
        <translation>--incidents, --tag, --from y --to solo se aplican a --format pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--pdfa applies to --format pdf only</source>
        <translation>--pdfa solo se aplica a --format pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--sign applies to --format pdf only</source>
        <translation>--sign solo se aplica a --format pdf</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>wrote {path}: {counts}</source>
        <translation>se escribió {path}: {counts}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>wrote {n} CSV files to {path} ({profile})</source>
        <translation>se escribieron {n} archivos CSV en {path} ({profile})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; {n} records withheld</source>
        <translation>; {n} registros reservados</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PDF dossiers are not available in this build</source>
        <translation>los dossiers en PDF no están disponibles en esta versión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>wrote {path} ({profile})</source>
        <translation>se escribió {path} ({profile})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wrote {path} ({profile}, {pages} pages)</source>
        <translation>se escribió {path} ({profile}, {pages} páginas)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+28"/>
        <source>note: {warning}</source>
        <translation>nota: {warning}</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>the dossier&apos;s sha256:{sha} is not recorded in its history</source>
        <translation>el sha256:{sha} del dossier no queda registrado en su historial</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>wrote {path} for {recipient}: the dossier, the signed history head, and evidence files with their records and custody: {items} ({size})</source>
        <translation>se escribió {path} para {recipient}: el dossier, la huella del historial firmada y archivos de evidencia con sus registros y su custodia: {items} ({size})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>left out: {code} ({why})</source>
        <translation>omitido: {code} ({why})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>created {path} with the sample case: {counts}</source>
        <translation>se creó {path} con el expediente de ejemplo: {counts}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>places</source>
        <extracomment>what an import or export counted, by section, named in the user&apos;s language</extracomment>
        <translation>lugares</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>actors</source>
        <translation>actores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incidents</source>
        <translation>hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sources</source>
        <translation>fuentes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>claims</source>
        <translation>afirmaciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>assessments</source>
        <translation>valoraciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence</source>
        <translation>evidencias</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evidence links</source>
        <translation>vínculos de evidencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custody</source>
        <translation>registros de custodia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vocabulary terms</source>
        <translation>términos de vocabulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withhold marks</source>
        <translation>marcas de reserva</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/security_commands.py" line="+24"/>
        <source>change the passphrase of an encrypted case</source>
        <translation>cambiar la frase de contraseña de un expediente cifrado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>write an encrypted copy of a plain case</source>
        <translation>escribir una copia cifrada de un expediente sin cifrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the new, encrypted case file</source>
        <translation>el nuevo expediente, cifrado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check that a history head written down elsewhere (a dossier cover) still stands</source>
        <translation>comprobar que una cabeza del historial anotada en otro lugar (la portada de un dossier) sigue siendo válida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audit head hash</source>
        <translation>el hash de la cabeza del historial</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>who signed a PDF dossier, and whether anything changed after</source>
        <translation>quién firmó un dossier en PDF y si algo cambió después</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>read the new passphrase from file F (else $CASEFILE_NEW_PASSPHRASE, else a prompt)</source>
        <translation>leer la nueva frase de contraseña del archivo F (si no, de $CASEFILE_NEW_PASSPHRASE; si no, se pregunta)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New passphrase: </source>
        <translation>Nueva frase de contraseña: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase again: </source>
        <translation>Repita la nueva frase de contraseña: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the two passphrases differ; nothing was changed</source>
        <translation>las dos frases de contraseña no coinciden; no se cambió nada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the new passphrase is empty; nothing was changed</source>
        <translation>la nueva frase de contraseña está vacía; no se cambió nada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no new passphrase: give --new-passphrase-file F or set CASEFILE_NEW_PASSPHRASE</source>
        <translation>falta la nueva frase de contraseña: indique --new-passphrase-file F o defina CASEFILE_NEW_PASSPHRASE</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>passphrase changed ({n} backup(s) re-encrypted too)</source>
        <translation>se cambió la frase de contraseña (también se volvieron a cifrar {n} respaldo(s))</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>wrote {out} (encrypted); {case} is unchanged: delete it yourself when sure</source>
        <translation>se escribió {out} (cifrado); {case} no cambió: bórrelo usted cuando esté seguro(a)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot read {path}: {why}</source>
        <translation>no se puede leer {path}: {why}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is not signed</source>
        <translation>{path} no está firmado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>intact</source>
        <translation>intacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ALTERED after signing</source>
        <translation>ALTERADO después de la firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing added after</source>
        <translation>no se agregó nada después</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CHANGED after signing (bytes added)</source>
        <translation>MODIFICADO después de la firma (se agregaron bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trusted key</source>
        <translation>clave de confianza</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>key not in your trusted keys</source>
        <translation>la clave no está entre sus claves de confianza</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>signed by {name}, key {fp}, at {when}: {facts}</source>
        <translation>firmado por {name}, clave {fp}, el {when}: {facts}</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/progress.py" line="+40"/>
        <source>{name}: {percent}% ({done} of {total})</source>
        <translation>{name}: {percent} % ({done} de {total})</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/redaction_commands.py" line="+15"/>
        <source>before sharing: every replacement a partner or public export makes, and every near miss</source>
        <translation>antes de compartir: cada sustitución que hace una exportación partner o public, y cada coincidencia parcial</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>print the report as JSON</source>
        <translation>imprimir el informe en JSON</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Redaction report ({profile}): {n} replacements, {m} near misses</source>
        <translation>Informe de testado ({profile}): {n} sustituciones, {m} coincidencias parciales</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replaced:</source>
        <translation>Sustituido:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  {record} {field}: {kind} “{matched}” -&gt; “{replacement}” ({owner})</source>
        <translation>  {record} {field}: {kind} “{matched}” -&gt; “{replacement}” ({owner})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Near misses (left as they are; mark them to withhold them):</source>
        <translation>Coincidencias parciales (se dejan como están; márquelas para reservarlas):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  {record} {field}: {kind} “{matched}” looks like {owner}</source>
        <translation>  {record} {field}: {kind} “{matched}” se parece a {owner}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withheld ({kind}): {codes}</source>
        <translation>Reservados ({kind}): {codes}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mark a passage of a record&apos;s text to be withheld from partner and public exports</source>
        <translation>marcar un pasaje del texto de un registro para reservarlo en las exportaciones partner y public</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>title, description, summary, quote, ...</source>
        <translation>el campo: title, description, summary, quote, ...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>remove the mark instead</source>
        <translation>quitar la marca en lugar de ponerla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mark evidence pictures as showing people&apos;s faces: blurred or left out in partner and public exports</source>
        <translation>marcar imágenes de evidencia como que muestran rostros de personas: se difuminan u omiten en las exportaciones para socios y públicas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>clear the mark instead</source>
        <translation>quitar la marca en su lugar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{code} {field}: no such mark</source>
        <translation>{code} {field}: no existe esa marca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} {field}: mark removed</source>
        <translation>{code} {field}: se quitó la marca</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} {field}: “{passage}” will be withheld from shared exports</source>
        <translation>{code} {field}: “{passage}” se reservará en las exportaciones compartidas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{code}: no longer marked as showing faces</source>
        <translation>{code}: ya no está marcada como que muestra rostros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code}: shows faces (blurred or left out in shared exports)</source>
        <translation>{code}: muestra rostros (se difumina u omite en las exportaciones compartidas)</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/team_commands.py" line="-21"/>
        <source>show your documenter key (made on first use), export it, or trust a colleague&apos;s</source>
        <translation>mostrar su clave de documentador (se crea al usarla por primera vez), exportarla o confiar en la de un colega</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your name, when the key is made</source>
        <translation>su nombre, cuando se crea la clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write your public key to FILE (PEM)</source>
        <translation>escribir su clave pública en FILE (PEM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add a colleague&apos;s public key to your trusted keys</source>
        <translation>agregar la clave pública de un colega a sus claves de confianza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name to remember a trusted key by</source>
        <translation>el nombre con el que se recordará una clave de confianza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replace an existing FILE</source>
        <translation>reemplazar un FILE existente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>write the case&apos;s changes for another copy of it, signed</source>
        <translation>escribir los cambios del expediente para otra copia de él, firmados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only what this peer (fingerprint or name) or bundle has not acknowledged</source>
        <translation>solo lo que este par (huella de la clave o nombre) o paquete no ha confirmado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partner and public carry only what that profile may show, without evidence files</source>
        <translation>partner y public solo llevan lo que ese perfil puede mostrar, sin archivos de evidencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encrypt to this recipient&apos;s public key (repeat for several)</source>
        <translation>cifrar con la clave pública de este destinatario (repetir para varios)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>merge a bundle into the case (all or nothing; conflicts go to the review queue)</source>
        <translation>fusionar un paquete en el expediente (todo o nada; los conflictos pasan a la cola de revisión)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>what was sent to and received from whom</source>
        <translation>qué se envió a quién y qué se recibió de quién</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the review queue: values changed differently on two copies</source>
        <translation>la cola de revisión: valores cambiados de forma distinta en dos copias</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>settle a conflict by keeping one value</source>
        <translation>resolver un conflicto conservando uno de los valores</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a digest of the case&apos;s content by identity (equal on copies that hold the same records, links and evidence)</source>
        <translation>un resumen criptográfico del contenido del expediente por identidad (igual en las copias que tienen los mismos registros, vínculos y evidencias)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>trusted {fp} {name}</source>
        <translation>se marcó como de confianza: {fp} {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>wrote {path}</source>
        <translation>se escribió {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} {fp} {name}</source>
        <translation>{what} {fp} {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made key</source>
        <translation>clave creada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>key</source>
        <translation>clave</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>wrote {path} ({profile}, signed {fp}): {records} records, {links} links, {deleted} deletions, {files} evidence files{sealed}</source>
        <translation>se escribió {path} ({profile}, firmado {fp}): {records} registros, {links} vínculos, {deleted} eliminaciones, {files} archivos de evidencia{sealed}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, encrypted to {n} recipients</source>
        <translation>, cifrado para {n} destinatarios</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+40"/>
        <source>trusted</source>
        <translation>de confianza</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>not in your trusted keys</source>
        <translation>no está entre sus claves de confianza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merged {path}, signed by {name} {fp} ({trust}): {created} created, {updated} updated, {deleted} deleted, {conflicts} with conflicts</source>
        <translation>se fusionó {path}, firmado por {name} {fp} ({trust}): {created} creados, {updated} actualizados, {deleted} eliminados, {conflicts} con conflictos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>received redacted ({profile}): its records are marked so</source>
        <translation>recibido testado ({profile}): sus registros quedan marcados así</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/server_commands.py" line="-162"/>
        <source>prepare a PostgreSQL server for a team&apos;s cases, add members</source>
        <translation>preparar un servidor PostgreSQL para los expedientes de un equipo, añadir miembros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>make the Casefile catalogue in a database (once)</source>
        <translation>crear el catálogo de Casefile en una base de datos (una vez)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give a database login a role in one case</source>
        <translation>dar a un usuario de la base de datos un rol en un expediente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the member&apos;s PostgreSQL login role (made with createuser)</source>
        <translation>el usuario PostgreSQL del miembro (creado con createuser)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the member&apos;s public key (&apos;casefile key --export&apos;): the case&apos;s key is sealed to it, so that they can read the case&apos;s words; needed for every role but partner. You open the case&apos;s key with your own key.</source>
        <translation>la clave pública del miembro (&apos;casefile key --export&apos;): la clave del expediente se sella para ella, para que pueda leer sus textos; necesaria para todos los roles salvo socio. Usted abre la clave del expediente con su propia clave.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bring a case on the server to this Casefile&apos;s format (as the role that pushed it, with an owner&apos;s key)</source>
        <translation>llevar un expediente del servidor al formato de este Casefile (como el rol que lo subió, con la clave de un propietario)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>upload a laptop case to the server as a new case</source>
        <translation>subir un expediente del portátil al servidor como expediente nuevo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>exchange changes between a laptop case and its copy on the server (the same merge as bundles; conflicts to the review queue)</source>
        <translation>intercambiar cambios entre un expediente del portátil y su copia en el servidor (la misma fusión que los paquetes; los conflictos, a la cola de revisión)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>make a laptop copy of a case on the server</source>
        <translation>hacer una copia en el portátil de un expediente del servidor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>encrypt the copy (the passphrase from --new-passphrase-file, $CASEFILE_NEW_PASSPHRASE or a prompt)</source>
        <translation>cifrar la copia (la frase de paso de --new-passphrase-file, $CASEFILE_NEW_PASSPHRASE o una pregunta)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{address} is ready for Casefile cases</source>
        <translation>{address} está lista para expedientes de Casefile</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a partner gets no key to the case (a partner reads the partner view); leave out --public-key</source>
        <translation>un socio no recibe la clave del expediente (un socio lee la vista para socios); quite --public-key</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a {role} needs the case&apos;s key to read it: give their public key with --public-key KEY.pem (&apos;casefile key --export&apos; writes it)</source>
        <translation>el rol {role} necesita la clave del expediente para leerlo: indique su clave pública con --public-key CLAVE.pem (&apos;casefile key --export&apos; la escribe)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{login} is now {role} in {address}</source>
        <translation>{login} es ahora {role} en {address}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{address} is already at format {version}</source>
        <translation>{address} ya está en el formato {version}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>upgraded {address} from format {was} to {now}</source>
        <translation>{address} actualizado del formato {was} al {now}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>pushed {case} to {address} ({rows} rows)</source>
        <translation>{case} subido a {address} ({rows} filas)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sync exchanges a laptop case with the server: {case} is on a server itself</source>
        <translation>sync intercambia un expediente del portátil con el servidor: {case} ya está en un servidor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>synced {case} with {address}: sent {sent} created, updated or deleted; received {received}; {conflicts} with conflicts (see &apos;casefile conflicts&apos;)</source>
        <translation>{case} sincronizado con {address}: enviados {sent} creados, cambiados o borrados; recibidos {received}; {conflicts} con conflictos (véase &apos;casefile conflicts&apos;)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../casefile/cli/team_commands.py" line="+3"/>
        <source>conflict: {code} {field} (see &apos;casefile conflicts&apos;)</source>
        <translation>conflicto: {code} {field} (vea &apos;casefile conflicts&apos;)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>wrote {path} ({kind}) from {address}</source>
        <translation>escrito {path} ({kind}) desde {address}</translation>
    </message>
    <message>
        <location filename="../../casefile/cli/team_commands.py" line="+27"/>
        <source>no peers yet</source>
        <translation>todavía no hay pares</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{fp}  {name}  {trust}  received {received} (last {rat}), sent {sent} (last {sat})</source>
        <translation>{fp}  {name}  {trust}  recibidos {received} (último {rat}), enviados {sent} (último {sat})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>untrusted</source>
        <translation>sin confianza</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no conflicts</source>
        <translation>no hay conflictos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{id}  {code}  {field}: here {here} | theirs {theirs} (from {fp})</source>
        <translation>{id}  {code}  {field}: aquí {here} | de ellos {theirs} (de {fp})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>kept {which} for {code} {field}</source>
        <translation>se conservó {which} para {code} {field}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../casefile/ui/commands.py" line="+105"/>
        <source>“{change}” could not be undone: {error}</source>
        <translation>No se pudo deshacer “{change}”: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{change}” could not be redone: {error}</source>
        <translation>No se pudo rehacer “{change}”: {error}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Create {kind}</source>
        <translation>Crear {kind}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Edit {fields}</source>
        <translation>Editar {fields}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Delete {label}</source>
        <translation>Eliminar {label}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add link</source>
        <translation>Agregar vínculo</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Remove link</source>
        <translation>Quitar vínculo</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Withdraw {code}</source>
        <translation>Retirar {code}</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>incident</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>actor</source>
        <translation>actor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>place</source>
        <translation>lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>claim</source>
        <translation>afirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evidence</source>
        <translation>evidencia</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../../casefile/services/consent.py" line="+49"/>
        <source>consent refused: not to be used outside the organisation</source>
        <translation>consentimiento negado: no se usa fuera de la organización</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not to be shared before {date}</source>
        <translation>no se comparte antes del {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never to {recipient}</source>
        <translation>nunca a {recipient}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no consent recorded</source>
        <translation>no hay consentimiento registrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>consent covers the organisation&apos;s reports only</source>
        <translation>el consentimiento cubre solo los informes de la organización</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{recipient} is not among those named</source>
        <translation>{recipient} no está entre los nombrados</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>name the recipient (a mechanism or court), e.g. --for IIIM</source>
        <translation>nombre al destinatario (un mecanismo o tribunal), p. ej. --for IIIM</translation>
    </message>
</context>
<context>
    <name>CustodyModel</name>
    <message>
        <location filename="../../casefile/ui/evidence/panel.py" line="-505"/>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256 seen</source>
        <translation>SHA-256 observado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../casefile/ui/editors/fields.py" line="+197"/>
        <source>e.g. 2013, Aug 2013, 5 de agosto de 2013</source>
        <translation>p. ej. 2013, ago 2013, 5 de agosto de 2013</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{words} — to the {precision}</source>
        <translation>{words} — con precisión de {precision}</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../casefile/model/dates.py" line="+45"/>
        <source>year out of range</source>
        <translation>año fuera de rango</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a day needs a month</source>
        <translation>un día necesita un mes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>month must be 1 to 12</source>
        <translation>el mes debe ser del 1 al 12</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no such day in that month</source>
        <translation>ese mes no tiene ese día</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not a date: use 2013, 2013-08 or 2013-08-05</source>
        <translation>no es una fecha: use 2013, 2013-08 o 2013-08-05</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>not a date: try 2013, Aug 2013 or 5 de agosto de 2013</source>
        <translation>no es una fecha: pruebe 2013, ago 2013 o 5 de agosto de 2013</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>date unknown</source>
        <translation>fecha desconocida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{day} {month} {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{month} {year}</source>
        <translation>{month} de {year}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>about {date}</source>
        <translation>hacia {date}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../casefile/ui/dialogs/__init__.py" line="+35"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Casefile</source>
        <translation>Casefile</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Opening {name}</source>
        <translation>Abriendo {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open Case</source>
        <translation>Abrir expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case files (*.casefile);;All files (*)</source>
        <translation>Expedientes (*.casefile);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add Saved Web Page</source>
        <translation>Añadir página web guardada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved web pages (*.html *.htm *.mhtml *.mht *.warc *.warc.gz);;All files (*)</source>
        <translation>Páginas web guardadas (*.html *.htm *.mhtml *.mht *.warc *.warc.gz);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load Source Text</source>
        <translation>Cargar el texto de la fuente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texts (*.txt *.html *.htm *.pdf);;All files (*)</source>
        <translation>Textos (*.txt *.html *.htm *.pdf);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>Dossier</name>
    <message>
        <location filename="../../casefile/dossier/data.py" line="+140"/>
        <source>no such incident: {codes}</source>
        <translation>no existe el hecho: {codes}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no incident matches the chosen scope</source>
        <translation>ningún hecho corresponde al alcance elegido</translation>
    </message>
    <message>
        <location filename="../../casefile/dossier/labels.py" line="+19"/>
        <source>Case dossier</source>
        <translation>Dossier del expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CONFIDENTIAL</source>
        <translation>CONFIDENCIAL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PARTNER - RESTRICTED</source>
        <translation>SOCIOS - RESTRINGIDO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PUBLIC - REDACTED</source>
        <translation>PÚBLICO - VERSIÓN TESTADA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full dossier: every record, including protected identities and contact details. Keep it within the documenting team.</source>
        <translation>Dossier completo: todos los registros, con identidades protegidas y datos de contacto. Manténgalo dentro del equipo de documentación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partner dossier: protected people and confidential sources appear under pseudonyms; contact details and confidential records are left out.</source>
        <translation>Dossier para socios: las personas protegidas y las fuentes confidenciales aparecen con seudónimo; se omiten los datos de contacto y los registros confidenciales.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public dossier: protected people and confidential sources appear under pseudonyms; contact details, confidential records and claims resting only on them are left out.</source>
        <translation>Dossier público: las personas protegidas y las fuentes confidenciales aparecen con seudónimo; se omiten los datos de contacto, los registros confidenciales y las afirmaciones que solo descansan en ellos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full</source>
        <translation>Completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>Socios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public</source>
        <translation>Público</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit head</source>
        <translation>Huella del historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audit head is a SHA-256 hash that commits to the case&apos;s whole recorded history when this dossier was made.</source>
        <translation>La huella del historial es un hash SHA-256 que vincula todo el historial registrado del expediente en el momento de hacer este dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued by the documenter</source>
        <translation>Emitido por quien documentó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file carries its documenter&apos;s digital signature (PAdES). A PDF reader that shows signatures, or “casefile check-signature FILE”, tells whether anything changed after it was signed; compare the key with the one the documenter gave you.</source>
        <translation>Este archivo lleva la firma digital de quien lo documentó (PAdES). Un lector de PDF que muestre firmas, o “casefile check-signature ARCHIVO”, indica si algo cambió después de la firma; compare la clave con la que le dio quien documentó.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole case</source>
        <translation>Todo el expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen incidents: {codes}</source>
        <translation>Hechos elegidos: {codes}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents tagged “{tag}”</source>
        <translation>Hechos con la etiqueta “{tag}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents between {start} and {end}</source>
        <translation>Hechos entre {start} y {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents from {start}</source>
        <translation>Hechos desde {start}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents up to {end}</source>
        <translation>Hechos hasta {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made with Casefile</source>
        <translation>Elaborado con Casefile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case dossier ({marking})</source>
        <translation>Dossier del expediente ({marking})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chronology</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undated incidents</source>
        <translation>Hechos sin fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{heading} (continued)</source>
        <translation>{heading} (continuación)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents</source>
        <translation>Hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims register</source>
        <translation>Registro de afirmaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actors</source>
        <translation>Actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence annex</source>
        <translation>Anexo de evidencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Methodology</source>
        <translation>Metodología</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifest</source>
        <translation>Manifiesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withheld from this dossier</source>
        <translation>Omitido en este dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About the case</source>
        <translation>Sobre el expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this dossier</source>
        <translation>En este dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period covered</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents by type</source>
        <translation>Hechos por tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents by violation status</source>
        <translation>Hechos por estado de la violación</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+134"/>
        <source>Evidence items</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Claims</source>
        <translation>Afirmaciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+104"/>
        <source>Violation status</source>
        <translation>Estado de la violación</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Reported fatalities</source>
        <translation>Víctimas mortales reportadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related incidents</source>
        <translation>Hechos relacionados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{relation}: {code} {title}</source>
        <translation>{relation}: {code} {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location precision: {precision}</source>
        <translation>precisión de la ubicación: {precision}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place not recorded</source>
        <translation>lugar no registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actors involved</source>
        <translation>Actores involucrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>Grado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head count</source>
        <translation>Número de personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about {n}</source>
        <translation>unos {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credibility</source>
        <translation>Credibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/dossier/wording.py" line="+63"/>
        <source>Stance of the accused</source>
        <translation>Postura del señalado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimant</source>
        <translation>Quien afirma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain of attribution</source>
        <translation>Cadena de atribución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimed on</source>
        <translation>Fecha de la afirmación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None in this dossier.</source>
        <translation>Ninguno en este dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claimant not recorded</source>
        <translation>autor no registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>original not located</source>
        <translation>original no localizado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{origin} (original not located)</source>
        <translation>{origin} (original no localizado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind}, by {who}</source>
        <translation>{kind}, de {who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote: {kind}</source>
        <translation>Cita: {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(carried over from the source&apos;s citation; not yet reviewed)</source>
        <translation>(tomada de la cita de la fuente; aún sin revisar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no preview</source>
        <translation>sin vista previa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(continued below the table, [{n}])</source>
        <translation>(continúa bajo la tabla, [{n}])</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assessments</source>
        <translation>Valoraciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claim {code}</source>
        <translation>afirmación {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For each claim: the sources and other claims that support it, contradict it, or merely repeat it (same origin, which is not corroboration).</source>
        <translation>Para cada afirmación: las fuentes y otras afirmaciones que la respaldan, la contradicen o solo la repiten (mismo origen, lo que no es corroboración).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations</source>
        <translation>Relaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected: shown as “{pseudonym}” in shared dossiers</source>
        <translation>Protegido: aparece como “{pseudonym}” en dossiers compartidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinates</source>
        <translation>Coordenadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reliability</source>
        <translation>Confiabilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cites</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cited by</source>
        <translation>Citada por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidential: shown as “{pseudonym}” in shared dossiers</source>
        <translation>Confidencial: aparece como “{pseudonym}” en dossiers compartidos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured</source>
        <translation>Captura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS position</source>
        <translation>Posición GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensions</source>
        <translation>Dimensiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document properties</source>
        <translation>Propiedades del documento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{at} by {who}</source>
        <translation>{at} por {who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How obtained</source>
        <translation>Cómo se obtuvo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origin</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working copy of</source>
        <translation>Copia de trabajo de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked to</source>
        <translation>Vinculada a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain of custody</source>
        <translation>Cadena de custodia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/dossier/wording.py" line="-42"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash observed</source>
        <translation>Hash observado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{action} (per sender)</source>
        <translation>{action} (según remitente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withheld</source>
        <translation>omitido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources are graded for reliability and claims for credibility separately, after the Admiralty system: a reliable source can carry a doubtful claim, and the reverse. Dates are recorded only as precisely as they are known (a year, a month or a day, possibly approximate), and places with the precision of their location.</source>
        <translation>La confiabilidad de las fuentes y la credibilidad de las afirmaciones se califican por separado, según el sistema del Almirantazgo: una fuente confiable puede transmitir una afirmación dudosa, y al revés. Las fechas se registran solo con la precisión con que se conocen (año, mes o día, quizá aproximados), y los lugares con la precisión de su ubicación.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A claim is corroborated only by independent support: a source that repeats another (same origin) adds no weight, and is listed as repeating.</source>
        <translation>Una afirmación solo se corrobora con respaldo independiente: una fuente que repite otra (mismo origen) no añade peso y figura como repetición.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each evidence file was hashed (SHA-256) when it was taken in and is kept unaltered; images in this dossier are re-encoded previews without embedded metadata.</source>
        <translation>Al ingresar cada archivo de evidencia se calculó su SHA-256, y el archivo se conserva sin cambios; las imágenes de este dossier son vistas previas recodificadas sin metadatos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source reliability</source>
        <translation>Confiabilidad de la fuente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim credibility</source>
        <translation>Credibilidad de la afirmación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim status</source>
        <translation>Estado de la afirmación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To check a delivered evidence file against this dossier, compute its SHA-256 (for example with sha256sum) and compare it with the value listed here.</source>
        <translation>Para comprobar un archivo de evidencia entregado, calcule su SHA-256 (por ejemplo con sha256sum) y compárelo con el valor de esta lista.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the records came from</source>
        <translation>Procedencia de los registros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records not listed here were recorded in this copy of the case. These came in bundles from other documenters&apos; copies, each bundle signed with the key shown.</source>
        <translation>Los registros que no figuran aquí se registraron en esta copia del expediente. Estos llegaron en paquetes desde las copias de otros documentadores, cada paquete firmado con la clave indicada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received from</source>
        <translation>Recibido de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no name given)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To protect people and sources, the following were left out of this dossier or shown only under a pseudonym. Only counts are given.</source>
        <translation>Para proteger a personas y fuentes, lo siguiente se omitió en este dossier o aparece solo con seudónimo. Solo se dan cantidades.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confidential incidents</source>
        <translation>Hechos confidenciales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidential sources</source>
        <translation>Fuentes confidenciales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims resting only on confidential records</source>
        <translation>Afirmaciones que solo descansan en registros confidenciales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact details</source>
        <translation>Datos de contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People and sources shown under a pseudonym</source>
        <translation>Personas y fuentes con seudónimo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifying details of protected people</source>
        <translation>Datos identificativos de personas protegidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places used only by withheld records</source>
        <translation>Lugares usados solo por registros omitidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actors named only in withheld records</source>
        <translation>Actores nombrados solo en registros omitidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources and evidence items whose consent does not cover this dossier&apos;s readers (counted above too)</source>
        <translation>Fuentes y evidencias cuyo consentimiento no alcanza a los lectores de este dossier (también contadas arriba)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passages of text replaced in place (by a pseudonym or “[withheld]”)</source>
        <translation>Pasajes de texto sustituidos en su lugar (por un seudónimo o “[reservado]”)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was withheld.</source>
        <translation>No se omitió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images showing people&apos;s faces, blurred</source>
        <translation>Imágenes en que se ven rostros, difuminadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images showing people&apos;s faces, left out</source>
        <translation>Imágenes en que se ven rostros, omitidas</translation>
    </message>
    <message>
        <location filename="../../casefile/dossier/writer.py" line="+91"/>
        <location line="+57"/>
        <source>Dossier cancelled; nothing was written.</source>
        <extracomment>the codes of the records it shows, by kind (a handover holds the same records) the sources and evidence items in scope left out for their consent: (code, why)</extracomment>
        <translation>Se canceló el dossier; no se escribió nada.</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Reading the case</source>
        <translation>Leyendo el expediente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preparing images</source>
        <translation>Preparando las imágenes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name}, key {fingerprint}</source>
        <translation>{name}, clave {fingerprint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the documenter</source>
        <translation>el documentador</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Laying out pages</source>
        <translation>Componiendo las páginas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Signing</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dossier written</source>
        <translation>Dossier escrito</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>some characters have no font on this computer and print as empty boxes; for Chinese, Japanese or Korean install a TrueType font such as WenQuanYi Zen Hei (Debian: fonts-wqy-zenhei)</source>
        <translation>algunos caracteres no tienen fuente en esta computadora y se imprimen como cuadros vacíos; para chino, japonés o coreano instale una fuente TrueType como WenQuanYi Zen Hei (Debian: fonts-wqy-zenhei)</translation>
    </message>
    <message>
        <location filename="../../casefile/dossier/methodology.py" line="+23"/>
        <source>The information meets the standard of proof: independent origins agree and nothing credible contradicts them.</source>
        <translation>La información alcanza el estándar de prueba: orígenes independientes coinciden y nada creíble los contradice.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credible information points to a violation, but it does not yet meet the standard of proof (for example, a single origin).</source>
        <translation>Información creíble apunta a una violación, pero aún no alcanza el estándar de prueba (por ejemplo, un solo origen).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The facts reported could amount to a violation; too little is known to call it likely.</source>
        <translation>Los hechos denunciados podrían constituir una violación; se sabe demasiado poco para considerarla probable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What is known points away from a violation, or credible information contradicts it.</source>
        <translation>Lo que se sabe indica que no hubo violación, o información creíble la contradice.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not assessed: too little is known to say whether a right was violated.</source>
        <translation>Sin evaluar: se sabe demasiado poco para determinar si se violó un derecho.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No independent origin has yet confirmed or contradicted the claim.</source>
        <translation>Ningún origen independiente ha confirmado ni contradicho aún la afirmación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least one origin independent of the claim&apos;s own (another speaker, another first source) supports it.</source>
        <translation>Al menos un origen independiente del de la propia afirmación (otro declarante, otra fuente primaria) la respalda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credible information contradicts the claim and the contradiction is not resolved.</source>
        <translation>Información creíble contradice la afirmación y la contradicción no está resuelta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credible independent information shows the claim to be false.</source>
        <translation>Información independiente y creíble demuestra que la afirmación es falsa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The actor is reported to have done the act directly.</source>
        <translation>Se informa que el actor realizó el acto directamente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The actor is reported to have ordered or directed the act, without necessarily carrying it out.</source>
        <translation>Se informa que el actor ordenó o dirigió el acto, sin necesariamente ejecutarlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The actor is reported to have known of the act and let it happen when able to prevent it.</source>
        <translation>Se informa que el actor conocía el acto y lo permitió pudiendo impedirlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The documenter suspects the actor&apos;s part on indirect information; no source asserts it.</source>
        <translation>El documentador sospecha la participación del actor a partir de información indirecta; ninguna fuente la afirma.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A source asserts the actor&apos;s part; it is not established.</source>
        <translation>Una fuente afirma la participación del actor; no está establecida.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The actor&apos;s part in the incident is not known.</source>
        <translation>Se desconoce la participación del actor en el hecho.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The actor is reported to have committed the act that may be a violation.</source>
        <translation>Se informa que el actor cometió el acto que puede constituir una violación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A person or group whose rights the act is reported to have harmed.</source>
        <translation>Persona o grupo cuyos derechos, según se informa, fueron vulnerados por el acto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone who saw or heard the incident and gave an account of it.</source>
        <translation>Alguien que vio u oyó el hecho y dio su relato.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Took part in the incident, without being its author or its victim.</source>
        <translation>Participó en el hecho, sin ser su autor ni su víctima.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deprived of liberty in the incident, by whoever held them.</source>
        <translation>Privado de la libertad en el hecho, por quienquiera que lo haya retenido.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held others in the incident, lawfully or not.</source>
        <translation>Retuvo a otras personas en el hecho, legalmente o no.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spoke publicly about the incident; not otherwise part of it.</source>
        <translation>Se pronunció públicamente sobre el hecho; no participó en él de otro modo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Was aimed at by the act, whether or not harmed.</source>
        <translation>Fue el objetivo del acto, haya resultado dañado o no.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Part in the incident recorded but not one of the roles above.</source>
        <translation>Participación en el hecho registrada, pero que no corresponde a ninguno de los roles anteriores.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accused party&apos;s position is not known: it was not sought or not found.</source>
        <translation>Se desconoce la posición de la parte acusada: no se buscó o no se encontró.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accused party has denied the claim.</source>
        <translation>La parte acusada negó la afirmación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accused party has acknowledged what the claim says, in whole or in part.</source>
        <translation>La parte acusada reconoció lo que dice la afirmación, en todo o en parte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accused party was asked and declined to answer.</source>
        <translation>Se consultó a la parte acusada y se negó a responder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accused party has not been asked for its position.</source>
        <translation>No se ha consultado a la parte acusada sobre su posición.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Liberty and security of person (ICCPR art. 9)</source>
        <extracomment>the right an incident type concerns, when an act of that type can violate one (ICCPR articles). Indicative: the legal qualification is the lawyer&apos;s.</extracomment>
        <translation>Libertad y seguridad personales (PIDCP art. 9)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Life (ICCPR art. 6)</source>
        <translation>Vida (PIDCP art. 6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Life and physical integrity (ICCPR arts. 6, 7)</source>
        <translation>Vida e integridad física (PIDCP arts. 6, 7)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liberty; freedom from enforced disappearance (ICCPR art. 9; ICPPED)</source>
        <translation>Libertad; protección contra la desaparición forzada (PIDCP art. 9; CIPPDF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Security of person (ICCPR art. 9)</source>
        <translation>Seguridad personal (PIDCP art. 9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freedom of movement and residence (ICCPR art. 12)</source>
        <translation>Libertad de circulación y de residencia (PIDCP art. 12)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peaceful assembly (ICCPR art. 21)</source>
        <translation>Reunión pacífica (PIDCP art. 21)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property and due process (ICCPR art. 14)</source>
        <translation>Propiedad y debido proceso (PIDCP art. 14)</translation>
    </message>
    <message>
        <location filename="../../casefile/dossier/wording.py" line="-7"/>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this dossier alleges, how far each allegation is corroborated, and what is not known. Independent origins are counted by origin, never by repetition: claims first said in the same outlet or by the same person count once. The incident sections give the details and the sources.</source>
        <translation>Lo que este dossier alega, hasta qué punto se corrobora cada alegación y lo que no se sabe. Los orígenes independientes se cuentan por origen, nunca por repetición: las afirmaciones dichas por primera vez en el mismo medio o por la misma persona cuentan una vez. Las secciones de cada hecho dan los detalles y las fuentes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Allegations</source>
        <translation>Alegaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegation</source>
        <translation>Alegación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When and where</source>
        <translation>Cuándo y dónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status, right concerned, basis</source>
        <translation>Estado, derecho concernido, fundamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Independent origins</source>
        <translation>Orígenes independientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By: {names}</source>
        <translation>Por: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affected: {names}</source>
        <translation>Afectados: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({part})</source>
        <translation>{name} ({part})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right concerned: {right}</source>
        <translation>Derecho concernido: {right}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right concerned: not assessed</source>
        <translation>Derecho concernido: sin valorar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis: {what}</source>
        <translation>Fundamento: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis: no claim or evidence recorded</source>
        <translation>Fundamento: ninguna afirmación ni evidencia registrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claims {codes}</source>
        <translation>afirmaciones {codes}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence {codes}</source>
        <translation>evidencias {codes}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} (claims: {claims})</source>
        <translation>{n} (afirmaciones: {claims})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none recorded</source>
        <translation>ninguno registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information gaps</source>
        <translation>Lagunas de información</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date not known: {codes}.</source>
        <translation>Fecha desconocida: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date approximate or known only to the month or year: {codes}.</source>
        <translation>Fecha aproximada o conocida solo por mes o año: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place known only to the state or country, or not recorded: {codes}.</source>
        <translation>Lugar conocido solo por estado o país, o no registrado: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original not located (known only as relayed by another source): {codes}.</source>
        <translation>Original no localizado (solo se conoce por otra fuente que lo retoma): {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the claim was first said is not recorded: {codes}.</source>
        <translation>No se registró dónde se dijo por primera vez: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resting on a single origin (no independent corroboration): {codes}.</source>
        <translation>Descansan en un solo origen (sin corroboración independiente): {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No claim recorded: {codes}.</source>
        <translation>Sin afirmaciones registradas: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible party unidentified: {codes}.</source>
        <translation>Responsable no identificado: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible violation with no responsible party recorded: {codes}.</source>
        <translation>Posible violación sin responsable registrado: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stance of the accused not known: {codes}.</source>
        <translation>Se desconoce la postura del señalado: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims not verified: {codes}.</source>
        <translation>Afirmaciones sin verificar: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No evidence item: {codes}.</source>
        <translation>Sin evidencias: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No gap found in the recorded data.</source>
        <translation>No se encontraron lagunas en los datos registrados.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard of proof</source>
        <translation>Estándar de prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings are stated to the standard of “reasonable grounds to believe”, as used by UN commissions of inquiry and fact-finding missions: a reliable and consistent body of information on which a reasonable and ordinarily prudent person would believe that the incident occurred as described. It is lower than the proof required for a criminal conviction, and this dossier does not establish individual criminal responsibility.</source>
        <translation>Los hallazgos se formulan con el estándar de “motivos razonables para creer”, el que usan las comisiones de investigación y misiones de determinación de los hechos de la ONU: un conjunto de información fiable y coherente a partir del cual una persona razonable y prudente creería que el hecho ocurrió como se describe. Es menor que la prueba exigida para una condena penal, y este dossier no establece responsabilidad penal individual.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The right concerned is derived from the incident&apos;s type and is indicative; the legal qualification of the facts is for the reader.</source>
        <translation>El derecho concernido se deduce del tipo de hecho y es orientativo; la calificación jurídica de los hechos corresponde al lector.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Definitions</source>
        <translation>Definiciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role in an incident</source>
        <translation>Papel en un hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree of involvement</source>
        <translation>Grado de participación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Term</source>
        <translation>Término</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limitations</source>
        <translation>Limitaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All {n} claims were read in a single source: {source}.</source>
        <translation>Las {n} afirmaciones se leyeron en una sola fuente: {source}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} of {total} claims were read in a single source: {source}.</source>
        <translation>{n} de {total} afirmaciones se leyeron en una sola fuente: {source}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} of {total} claims are known only at second hand: the source read is not where they were first said.</source>
        <translation>{n} de {total} afirmaciones se conocen solo de segunda mano: la fuente leída no es donde se dijeron por primera vez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No field verification is recorded: no interview, testimony, photo or video source, and no evidence item collected by the team.</source>
        <translation>No hay verificación de campo registrada: ninguna fuente de entrevista, testimonio, foto o video, ni evidencia recolectada por el equipo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No address (URL) recorded for: {codes}.</source>
        <translation>Sin dirección (URL) registrada: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No access date recorded for: {codes}.</source>
        <translation>Sin fecha de consulta registrada: {codes}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No limitation found in the recorded data.</source>
        <translation>No se encontraron limitaciones en los datos registrados.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent and do no harm</source>
        <translation>Consentimiento y acción sin daño</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information was recorded to document violations, not to expose the people who gave it. Shared versions of this dossier name protected people and confidential sources only by pseudonym, never carry their contact details, and show images re-encoded without embedded metadata. Before passing it on, weigh the risk to every person named against the purpose of sharing.</source>
        <translation>La información se registró para documentar violaciones, no para exponer a quienes la dieron. Las versiones compartidas de este dossier nombran a las personas protegidas y a las fuentes confidenciales solo con seudónimo, nunca llevan sus datos de contacto y muestran imágenes recodificadas sin metadatos. Antes de transmitirlo, sopese el riesgo para cada persona nombrada frente al propósito de compartirlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Protected people: {n}, shown only under a pseudonym outside the documenting team.</source>
        <translation>Personas protegidas: {n}; fuera del equipo de documentación aparecen solo con seudónimo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidential sources: {n}, shown only under a pseudonym; their contact details are never shared.</source>
        <translation>Fuentes confidenciales: {n}; aparecen solo con seudónimo y sus datos de contacto nunca se comparten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent to share is not recorded person by person in this case: confirm it before the dossier goes further.</source>
        <translation>El consentimiento para compartir no está registrado persona por persona en este expediente: confírmelo antes de que el dossier vaya más lejos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why each source got its grade</source>
        <translation>Por qué cada fuente recibió su calificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caveats</source>
        <translation>Salvedades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why this grade</source>
        <translation>Motivo de la calificación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created or captured</source>
        <translation>Creado o capturado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected by</source>
        <translation>Recolectado por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected with</source>
        <translation>Recolectado con</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How preserved</source>
        <translation>Cómo se preservó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From (URL or device)</source>
        <translation>Procedencia (URL o dispositivo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture app&apos;s proof</source>
        <translation>Prueba de la aplicación de captura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: signature verified over the stored bytes</source>
        <translation>{app}: firma verificada sobre los bytes guardados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (key {key}, signed {at})</source>
        <translation> (clave {key}, firmado el {at})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: DOES NOT MATCH: {problems}</source>
        <translation>{app}: NO COINCIDE: {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: signed, not checked ({why})</source>
        <translation>{app}: firmado, sin comprobar ({why})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GnuPG&apos;s gpgv was not installed where the file was taken in</source>
        <translation>gpgv de GnuPG no estaba instalado donde se incorporó el archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the proof came without the phone&apos;s public key</source>
        <translation>la prueba llegó sin la clave pública del teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: not signed; the hash it recorded matches the stored bytes</source>
        <translation>{app}: sin firma; el hash que registró coincide con los bytes guardados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{app}: not signed; it recorded no hash to compare</source>
        <translation>{app}: sin firma; no registró ningún hash que comparar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file&apos;s SHA-256 is not the one the app recorded at capture ({sha})</source>
        <translation>el SHA-256 del archivo no es el que la aplicación registró al capturarlo ({sha})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature does not hold over the file&apos;s bytes</source>
        <translation>la firma no es válida sobre los bytes del archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature of the capture metadata does not hold</source>
        <translation>la firma de los metadatos de captura no es válida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file and its metadata were signed by different keys</source>
        <translation>el archivo y sus metadatos fueron firmados con claves distintas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file&apos;s bytes are not the ones its manifest signed</source>
        <translation>los bytes del archivo no son los que firmó su manifiesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code} ({explanation})</source>
        <translation>{code} ({explanation})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling of the file: acquired, imported, exported, transferred, verified.</source>
        <translation>Manejo del archivo: adquirido, importado, exportado, transferido, verificado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the documenter linked the item to, and how: an assessment, not a handling of the file.</source>
        <translation>Con qué vinculó quien documenta el elemento, y cómo: una valoración, no un manejo del archivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Links made and removed</source>
        <translation>Vínculos hechos y retirados</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/dossier.py" line="+61"/>
        <source>Export dossier</source>
        <translation>Exportar dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scope</source>
        <translation>Alcance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Whole case</source>
        <translation>&amp;Todo el expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen &amp;incidents:</source>
        <translation>&amp;Hechos elegidos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents with &amp;tag:</source>
        <translation>Hechos con la &amp;etiqueta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents &amp;dated:</source>
        <translation>Hechos con &amp;fecha:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>INC-0001, INC-0003</source>
        <translation>INC-0001, INC-0003</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident codes</source>
        <translation>Códigos de hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from, e.g. 2013 or Aug 2013</source>
        <translation>desde, p. ej. 2013 o ago 2013</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to, e.g. 5 Aug 2013</source>
        <translation>hasta, p. ej. 5 ago 2013</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Full</source>
        <translation>Com&amp;pleto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Everything, including protected names and contacts: for your own team.</source>
        <translation>Todo, incluidos los nombres protegidos y los contactos: para su propio equipo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Partner</source>
        <translation>&amp;Socios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected people and confidential sources under their pseudonyms; contacts and confidential records left out.</source>
        <translation>Personas protegidas y fuentes confidenciales con sus seudónimos; se omiten los contactos y los registros confidenciales.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ublic</source>
        <translation>P&amp;úblico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As partner, and also claims resting only on confidential sources and who handled evidence.</source>
        <translation>Como el de socios, y además sin las afirmaciones que solo se apoyan en fuentes confidenciales ni quién manejó las evidencias.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier language</source>
        <translation>Idioma del dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output file</source>
        <translation>Archivo de salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>Exami&amp;nar…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Archival PDF (PDF/A-2b)</source>
        <translation>PDF de &amp;archivo (PDF/A-2b)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For archives and courts: fonts embedded, metadata in the file, a defined colour space</source>
        <translation>Para archivos y tribunales: tipografías incrustadas, metadatos en el archivo, un espacio de color definido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Si&amp;gn with my documenter key</source>
        <translation>Fir&amp;mar con mi clave de documentador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A digital signature (PAdES) any PDF reader can check; the cover says by whom and with which key</source>
        <translation>Una firma digital (PAdES) que cualquier lector de PDF puede comprobar; la portada indica quién firmó y con qué clave</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blurred</source>
        <translation>Difuminadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left out (counted on the last page)</source>
        <translation>Omitidas (se cuentan en la última página)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures showing faces</source>
        <translation>Imágenes con rostros</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pi&amp;ctures showing faces:</source>
        <translation>Imágenes con &amp;rostros:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Guardar como:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;folder</source>
        <translation>Abrir &amp;carpeta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview &amp;redaction…</source>
        <translation>Vista p&amp;revia del testado…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Save the dossier as</source>
        <translation>Guardar el dossier como</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose where to save the dossier.</source>
        <translation>Elija dónde guardar el dossier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder {path} does not exist.</source>
        <translation>La carpeta {path} no existe.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name at least one incident, e.g. INC-0001.</source>
        <translation>Indique al menos un hecho, p. ej. INC-0001.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} is not an incident code (INC-0001).</source>
        <translation>{code} no es un código de hecho (INC-0001).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the tag.</source>
        <translation>Escriba la etiqueta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a start date, an end date, or both.</source>
        <translation>Escriba una fecha inicial, una final, o ambas.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not exported; the existing file was kept.</source>
        <translation>No se exportó; se conservó el archivo existente.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not exported: signing needs your key&apos;s passphrase.</source>
        <translation>No se exportó: para firmar se necesita la frase de contraseña de su clave.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Written: {path}
{pages} pages. SHA-256: {sha256}</source>
        <translation>Escrito: {path}
{pages} páginas. SHA-256: {sha256}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The dossier was not written: {reason}</source>
        <translation>No se escribió el dossier: {reason}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelado; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../casefile/ui/dialogs/redaction_preview.py" line="+85"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replaced by</source>
        <translation>Sustituido por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What matched</source>
        <translation>Qué coincidió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{kind}, like {owner}</source>
        <translation>{kind}, parecido a {owner}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{replacement} ({kind})</source>
        <translation>{replacement} ({kind})</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../casefile/store/case.py" line="-76"/>
        <source>A case needs a title.</source>
        <extracomment>why the case is open read-only (``storage.READ_ONLY`` or ``FULL``), or None rotating backups kept on close (the window passes its setting; 0: none)</extracomment>
        <translation>Un expediente necesita un título.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder {path} does not exist.</source>
        <translation>La carpeta {path} no existe.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/opening.py" line="+38"/>
        <source>No such file: {path}</source>
        <translation>No existe el archivo: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <location line="+47"/>
        <source>{path} is not a Casefile file.</source>
        <translation>{path} no es un archivo de Casefile.</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>{path} is empty: it is not a Casefile file.</source>
        <translation>{path} está vacío: no es un archivo de Casefile.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} cannot be read: {reason}</source>
        <translation>{path} no se puede leer: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path} is not a Casefile file, or it is an encrypted case that needs its passphrase.</source>
        <translation>{path} no es un archivo de Casefile, o es un expediente cifrado que necesita su frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/case.py" line="+49"/>
        <source>{path} is in an older format, which is updated on opening, and it cannot be changed here: copy it to a writable folder and open it there</source>
        <translation>{path} está en un formato anterior, que se actualiza al abrirlo, y aquí no se puede modificar: cópielo a una carpeta con permiso de escritura y ábralo allí</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{name} is busy taking in a large file; try again when it is done.</source>
        <translation>{name} está ocupado incorporando un archivo grande; vuelva a intentarlo cuando termine.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{name} is saved, but there was no space left to fold its log ({name}-wal) back into it: keep that file beside it and open the case again once there is space</source>
        <translation>{name} está guardado, pero no quedó espacio para integrar en él su bitácora ({name}-wal): conserve ese archivo a su lado y vuelva a abrir el expediente cuando haya espacio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} was saved and closed, but its backup could not be written: {why}</source>
        <translation>{name} se guardó y se cerró, pero no se pudo escribir su respaldo: {why}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{path} is not encrypted; make an encrypted copy instead.</source>
        <translation>{path} no está cifrado; mejor haga una copia cifrada.</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>{name} does not verify: its history or records were altered outside Casefile; nothing was exported. Run &apos;casefile verify&apos; to see what.</source>
        <translation>{name} no se verifica: su historial o sus registros se alteraron fuera de Casefile; no se exportó nada. Ejecute &apos;casefile verify&apos; para ver qué cambió.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/opening.py" line="+30"/>
        <location line="+11"/>
        <location line="+28"/>
        <source>{path} is damaged and cannot be read.</source>
        <translation>{path} está dañado y no se puede leer.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>{path} is damaged (integrity check failed); it was not changed.</source>
        <translation>{path} está dañado (falló la comprobación de integridad); no se modificó.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} was made by a newer Casefile (format {found}); this one reads up to format {known}.</source>
        <translation>{path} se hizo con una versión más reciente de Casefile (formato {found}); esta versión lee hasta el formato {known}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} contains unexpected triggers or views; refusing to open it.</source>
        <translation>{path} contiene disparadores o vistas inesperados; no se abrirá.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/case.py" line="+50"/>
        <source>{path} has links to records that do not exist; it was not upgraded.</source>
        <translation>{path} tiene vínculos a registros que no existen; no se actualizó.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/connection.py" line="+108"/>
        <source>The passphrase is empty.</source>
        <translation>La frase de contraseña está vacía.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The case was closed; open it again with its passphrase.</source>
        <translation>El expediente se cerró; ábralo de nuevo con su frase de contraseña.</translation>
    </message>
    <message>
        <location line="+116"/>
        <location line="+5"/>
        <source>Wrong passphrase, or not a Casefile file.</source>
        <translation>Frase de contraseña incorrecta, o no es un archivo de Casefile.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} is not an encrypted case.</source>
        <translation>{path} no es un expediente cifrado.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/lock.py" line="+44"/>
        <source>{name} is already open in another Casefile window or command.</source>
        <translation>{name} ya está abierto en otra ventana o comando de Casefile.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/audit.py" line="+80"/>
        <source>The case history cannot be read or does not verify; nothing was written. Run &apos;casefile verify&apos;.</source>
        <translation>El historial del expediente no se puede leer o no se verifica; no se escribió nada. Ejecute &apos;casefile verify&apos;.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/server/address.py" line="+40"/>
        <location line="+3"/>
        <source>{address} is not a server address (postgresql://HOST/DATABASE?case=NAME).</source>
        <extracomment>what a member may do, least to most; the group role&apos;s suffix</extracomment>
        <translation>{address} no es una dirección de servidor (postgresql://SERVIDOR/BASE?case=NOMBRE).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{address} names no case: add ?case=NAME.</source>
        <translation>{address} no nombra ningún expediente: añada ?case=NOMBRE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A case&apos;s name on a server is 1 to 24 lower-case letters, digits or _, starting with a letter: {name!r} is not.</source>
        <translation>El nombre de un expediente en un servidor tiene de 1 a 24 minúsculas, cifras o _, y empieza por una letra: {name!r} no lo cumple.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Casefile uses databases named with 1 to 24 lower-case letters, digits or _, starting with a letter: {name!r} is not.</source>
        <translation>Casefile usa bases de datos con nombres de 1 a 24 minúsculas, cifras o _, que empiezan por una letra: {name!r} no lo cumple.</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../casefile/services/evidence/custody.py" line="+78"/>
        <source>no evidence {code} in this case</source>
        <extracomment>evidence can be linked to these record kinds, by code prefix -&gt; (class, EvidenceLink column) how a custody event brought by an import says where it came from. Kept verbatim, not translated, so any copy of the case can recognise it; its time, who and action are what the file claims, not what this case saw.</extracomment>
        <translation>no hay ninguna evidencia {code} en este expediente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{code}: evidence can be linked to incidents, claims, sources and actors only</source>
        <translation>{code}: una evidencia solo puede vincularse a hechos, afirmaciones, fuentes y actores</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no record {code} in this case</source>
        <translation>no hay ningún registro {code} en este expediente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>relation must be one of: {choices}</source>
        <translation>la relación debe ser una de: {choices}</translation>
    </message>
    <message>
        <location filename="../../casefile/services/evidence/media.py" line="+257"/>
        <source>(further messages from the file&apos;s readers left out)</source>
        <extracomment>A preview decodes at most this many pixels, and at most this many bytes of full-size pixels at once (the decoded image and one converted copy): an 85 KB PNG of 80 megapixels would otherwise take hundreds of MB. A JPEG is decoded at reduced scale first (``draft``), so it rarely comes near. What the parsers may say about one file, at most (a hostile PDF can make pypdf log thousands of lines). formats Pillow may open at all: common, well-exercised decoders only</extracomment>
        <translation>(se omiten más mensajes de los lectores del archivo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{library} reports: {message}</source>
        <translation>{library} informa: {message}</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+18"/>
        <source>image too large to decode safely (possible decompression bomb)</source>
        <translation>imagen demasiado grande para decodificarla con seguridad (posible bomba de descompresión)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>image cannot be read</source>
        <translation>no se puede leer la imagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>EXIF metadata cannot be read</source>
        <translation>no se pueden leer los metadatos EXIF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>image too large to preview ({width} × {height} pixels): kept without a thumbnail</source>
        <translation>imagen demasiado grande para la vista previa ({width} × {height} píxeles): se conserva sin miniatura</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>image cannot be decoded; no thumbnail</source>
        <translation>no se puede decodificar la imagen; sin miniatura</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>GPS position in EXIF is incomplete or invalid</source>
        <translation>la posición GPS en EXIF está incompleta o no es válida</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>no web page could be read from this archive</source>
        <translation>no se pudo leer ninguna página web de este archivo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>PDF metadata cannot be read</source>
        <translation>no se pueden leer los metadatos del PDF</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>duration cannot be read</source>
        <translation>no se puede leer la duración</translation>
    </message>
    <message>
        <location filename="../../casefile/store/chunks.py" line="+108"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>no stored bytes for sha256:{sha}</source>
        <translation>no hay bytes guardados para sha256:{sha}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stored bytes for sha256:{sha} are incomplete</source>
        <translation>los bytes guardados para sha256:{sha} están incompletos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a stored chunk is missing (sha256:{sha})</source>
        <translation>falta un fragmento guardado (sha256:{sha})</translation>
    </message>
    <message>
        <location filename="../../casefile/services/evidence/__init__.py" line="+146"/>
        <source>{code}: the stored bytes no longer match the hash taken at intake; not exported</source>
        <translation>{code}: los bytes guardados ya no coinciden con la huella tomada al ingresar; no se exportó</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>{code}: {reason}; not exported</source>
        <translation>{code}: {reason}; no se exportó</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>address</source>
        <extracomment>what a source&apos;s fields were before a saved page filled them (they are filled only when empty) (the source&apos;s id, its fields as they were, as they are)</extracomment>
        <translation>dirección</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day read</source>
        <translation>día de consulta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: taken from the page: {fields}</source>
        <translation>{source}: tomado de la página: {fields}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source} keeps the text it had (claims quote it by position); the page&apos;s text stays in {code}</source>
        <translation>{source} conserva el texto que tenía (las afirmaciones lo citan por posición); el texto de la página queda en {code}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>exported to {path}</source>
        <translation>exportado a {path}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{code} is too large to preview ({size} bytes)</source>
        <translation>{code} es demasiado grande para la vista previa ({size} bytes)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{code} already {relation} {target}</source>
        <translation>{code} ya {relation} {target}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{code} is not linked to {target}</source>
        <translation>{code} no está vinculada a {target}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{code} is already withdrawn</source>
        <translation>{code} ya está retirada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{code} is not withdrawn</source>
        <translation>{code} no está retirada</translation>
    </message>
    <message>
        <location filename="../../casefile/services/evidence/intake.py" line="+121"/>
        <source>taken in from {name}</source>
        <translation>ingresada desde {name}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the next evidence code is already taken: the case&apos;s code counter was changed outside Casefile</source>
        <translation>el siguiente código de evidencia ya está ocupado: el contador de códigos del expediente se modificó fuera de Casefile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: the case refused the new item ({reason}); nothing was kept</source>
        <translation>{name}: el expediente rechazó la nueva evidencia ({reason}); no se conservó nada</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+129"/>
        <source>{name}: cannot store it in the case ({reason}); nothing was kept</source>
        <translation>{name}: no se puede guardar en el expediente ({reason}); no se conservó nada</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>{name}: no such file</source>
        <translation>{name}: no existe el archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a folder, not a file</source>
        <translation>{name} es una carpeta, no un archivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}: permission denied</source>
        <translation>{name}: permiso denegado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: cannot open it ({reason})</source>
        <translation>{name}: no se puede abrir ({reason})</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>{name} is not a regular file</source>
        <translation>{name} no es un archivo común</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{name}: cancelled; nothing was kept</source>
        <translation>{name}: cancelado; no se conservó nada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: read error ({reason}); nothing was kept</source>
        <translation>{name}: error de lectura ({reason}); no se conservó nada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} vanished while it was being read; nothing was kept</source>
        <translation>{name} desapareció mientras se leía; no se conservó nada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} changed while it was being read; nothing was kept (try again when it is complete)</source>
        <translation>{name} cambió mientras se leía; no se conservó nada (vuelva a intentarlo cuando esté completo)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} needs up to {needed} free beside the case while it is taken in; {free} are free. Nothing was kept.</source>
        <translation>{name} necesita hasta {needed} libres junto al expediente mientras se ingresa; hay {free} libres. No se conservó nada.</translation>
    </message>
</context>
<context>
    <name>EvidenceCommands</name>
    <message>
        <location filename="../../casefile/ui/evidence/commands.py" line="+39"/>
        <source>Take in {name}</source>
        <translation>Ingresar {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>intake undone</source>
        <translation>ingreso deshecho</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link {code} to {target}</source>
        <translation>Vincular {code} con {target}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unlink {code} from {target}</source>
        <translation>Desvincular {code} de {target}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Taking in {name} ({number} of {count})</source>
        <extracomment>what a saved page taken in for a source gave it, by code (``evidence.page_gave``) taken in, but its capture proof does not hold: (code, message)</extracomment>
        <translation>Ingresando {name} ({number} de {count})</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>EvidenceIntake</name>
    <message numerus="yes">
        <location filename="../../casefile/ui/evidence/intake.py" line="+241"/>
        <source>Taking in %n file(s)</source>
        <translation>
            <numerusform>Ingresando %n archivo</numerusform>
            <numerusform>Ingresando %n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <location line="+5"/>
        <source>Take in %n file(s)</source>
        <translation>
            <numerusform>Ingresar %n archivo</numerusform>
            <numerusform>Ingresar %n archivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../casefile/ui/evidence/panel.py" line="+45"/>
        <location line="+251"/>
        <source>Evidence</source>
        <extracomment>the window&apos;s ``execute(command)``, when there is one (it applies, then pushes)</extracomment>
        <translation>Evidencia</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>Chain of custody</source>
        <translation>Cadena de custodia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Linked records</source>
        <translation>Registros vinculados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Link to record…</source>
        <translation>&amp;Vincular a un registro…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove link</source>
        <translation>&amp;Quitar vínculo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Custody</source>
        <translation>&amp;Custodia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lin&amp;ks</source>
        <translation>Víncu&amp;los</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export original…</source>
        <translation>&amp;Exportar original…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>SHA-256</source>
        <extracomment>values with no place to break a line (a hash, a file name): a wrapped label would be as wide as the whole value and push the editor wider than its pane</extracomment>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original name</source>
        <translation>Nombre original</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken in</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obtained</source>
        <translation>Obtención</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Captured</source>
        <translation>Captura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capture app&apos;s proof</source>
        <translation>Prueba de la aplicación de captura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dimensions</source>
        <translation>Dimensiones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Derived from</source>
        <translation>Deriva de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Situación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{bytes} bytes ({human})</source>
        <translation>{bytes} bytes ({human})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{when} UTC by {who}</source>
        <translation>{when} UTC por {who}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Withdrawn (kept with its history)</source>
        <translation>Retirada (se conserva con su historial)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same bytes as {code}</source>
        <translation>Mismos bytes que {code}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n} pages</source>
        <translation>{n} páginas</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Export the original of {code}</source>
        <translation>Exportar el original de {code}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting {code}</source>
        <translation>Exportando {code}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original was written to {path}; its SHA-256 was checked on the way out.</source>
        <translation>El original se escribió en {path}; se comprobó su SHA-256 al salir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Choose an item in the list, or add files: press {add} (or {new}) to pick them from a folder, or drop them here or on the list.</source>
        <translation>Elija una evidencia de la lista, o agregue archivos: pulse {add} (o {new}) para elegirlos de una carpeta, o suéltelos aquí o sobre la lista.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/evidence/intake.py" line="-173"/>
        <source>Add Evidence Files</source>
        <translation>Agregar archivos de evidencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>supports</source>
        <translation>respalda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>contradicts</source>
        <translation>contradice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>depicts</source>
        <translation>muestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gives context to</source>
        <translation>da contexto a</translation>
    </message>
</context>
<context>
    <name>EvidencePreview</name>
    <message>
        <location filename="../../casefile/ui/evidence/preview.py" line="+102"/>
        <source>Image preview</source>
        <translation>Vista previa de la imagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PDF preview</source>
        <translation>Vista previa del PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text preview</source>
        <translation>Vista previa del texto</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No preview for this kind of file ({type}). Export the original to open it in another program.</source>
        <translation>No hay vista previa para este tipo de archivo ({type}). Exporte el original para abrirlo con otro programa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading preview…</source>
        <translation>Cargando la vista previa…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>This image cannot be shown (damaged, or too large to decode safely).</source>
        <translation>No se puede mostrar esta imagen (está dañada o es demasiado grande para decodificarla con seguridad).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This PDF cannot be shown (damaged or protected).</source>
        <translation>No se puede mostrar este PDF (está dañado o protegido).</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../casefile/services/exchange/apply.py" line="+158"/>
        <source>the bundle gives {record} a field &apos;{field}&apos; that this Casefile does not know</source>
        <extracomment>a record field holding another record&apos;s UUID -&gt; (its column, the tables it may name) link ends -&gt; (column, tables the UUID may name); &quot;&quot; column: a plain value (a tag, a relation)</extracomment>
        <translation>el paquete da a {record} un campo &apos;{field}&apos; que esta versión de Casefile no conoce</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>the bundle gives a {kind} link a field &apos;{field}&apos; that this Casefile does not know</source>
        <translation>el paquete da a un vínculo de tipo {kind} un campo &apos;{field}&apos; que esta versión de Casefile no conoce</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the bundle marks no passage, or a field that cannot be marked, to withhold</source>
        <translation>el paquete marca para omitir un pasaje vacío o un campo que no se puede marcar</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+3"/>
        <source>{record}: &apos;{field}&apos; is not a time</source>
        <translation>{record}: &apos;{field}&apos; no es una fecha y hora</translation>
    </message>
    <message>
        <location filename="../../casefile/services/exchange/bundle.py" line="+221"/>
        <source>{path}: {why}; nothing changed</source>
        <translation>{path}: {why}; no se cambió nada</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>it is encrypted to its recipients&apos; keys; give your key&apos;s passphrase ($CASEFILE_KEY_PASSPHRASE or --key-passphrase-file)</source>
        <translation>está cifrado para las claves de sus destinatarios; indique la frase de contraseña de su clave ($CASEFILE_KEY_PASSPHRASE o --key-passphrase-file)</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+45"/>
        <source>the bundle is damaged or truncated</source>
        <translation>el paquete está dañado o truncado</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+3"/>
        <location line="+50"/>
        <location line="+3"/>
        <source>it is not a Casefile bundle</source>
        <translation>no es un paquete de Casefile</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>it was made by a newer Casefile (format {found}); this one reads format {known}</source>
        <translation>lo generó una versión más reciente de Casefile (formato {found}); esta lee el formato {known}</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+127"/>
        <source>its signature does not match its contents</source>
        <translation>su firma no coincide con su contenido</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>its members are not the ones its manifest lists</source>
        <translation>sus componentes no son los que enumera su manifiesto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>evidence file {name} does not match the manifest</source>
        <translation>el archivo de evidencia {name} no coincide con el manifiesto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} does not match the manifest</source>
        <translation>{name} no coincide con el manifiesto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its signer key does not match the manifest</source>
        <translation>su clave de firma no coincide con el manifiesto</translation>
    </message>
    <message>
        <location filename="../../casefile/services/exchange/merge.py" line="+131"/>
        <source>Checking the bundle</source>
        <extracomment>a bundle naming more items than this has each table&apos;s ids read whole (else one row at a time)</extracomment>
        <translation>Comprobando el paquete</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>it belongs to another case ({title})</source>
        <translation>pertenece a otro expediente ({title})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this bundle was already {how} here on {at}</source>
        <translation>este paquete ya se había {how} aquí el {at}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merged</source>
        <translation>fusionado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>written</source>
        <translation>escrito</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it was made by this copy of the case</source>
        <translation>lo generó esta misma copia del expediente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taking in evidence files</source>
        <translation>Ingresando archivos de evidencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merging records and links</source>
        <translation>Fusionando registros y vínculos</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the sender&apos;s history entry {seq} does not verify</source>
        <translation>la entrada {seq} del historial del remitente no supera la verificación</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>evidence file {sha} does not match its hash</source>
        <translation>el archivo de evidencia {sha} no coincide con su huella</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+8"/>
        <location line="+7"/>
        <source>item {id} is malformed</source>
        <translation>el elemento {id} está mal formado</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>item {id} lacks a value for {field}</source>
        <translation>al elemento {id} le falta un valor para {field}</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>it lacks the file of evidence {code}</source>
        <translation>le falta el archivo de la evidencia {code}</translation>
    </message>
    <message>
        <location filename="../../casefile/services/exchange/peers.py" line="+176"/>
        <source>&apos;{name}&apos; names more than one peer; give its key fingerprint</source>
        <translation>&apos;{name}&apos; designa a más de una copia; indique la huella de su clave</translation>
    </message>
    <message>
        <location filename="../../casefile/services/exchange/review.py" line="+69"/>
        <source>choose &apos;here&apos; or &apos;theirs&apos;</source>
        <translation>elija &apos;here&apos; o &apos;theirs&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no conflict {id} in this case (see &apos;casefile conflicts&apos;)</source>
        <translation>no hay ningún conflicto {id} en este expediente (vea &apos;casefile conflicts&apos;)</translation>
    </message>
    <message>
        <location filename="../../casefile/services/exchange/send.py" line="+84"/>
        <source>{path} is a bundle of another case</source>
        <translation>{path} es un paquete de otro expediente</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;{name}&apos; is neither a bundle file nor a peer of this case (see &apos;casefile peers&apos;)</source>
        <translation>&apos;{name}&apos; no es un archivo de paquete ni una copia de este expediente (vea &apos;casefile peers&apos;)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Noticing changes</source>
        <translation>Detectando cambios</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choosing what to send</source>
        <translation>Eligiendo qué enviar</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Writing the bundle</source>
        <translation>Escribiendo el paquete</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence file {n} of {total}</source>
        <translation>Archivo de evidencia {n} de {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording the bundle</source>
        <translation>Registrando el paquete</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../casefile/services/exchange/sync.py" line="+97"/>
        <location line="+45"/>
        <location line="+18"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/dialogs/exchange.py" line="+63"/>
        <source>Passphrase of your documenter key:</source>
        <translation>Frase de contraseña de su clave de documentador:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A documenter key signs what you send. Choose a passphrase for it:</source>
        <translation>Una clave de documentador firma lo que usted envía. Elija una frase de contraseña para ella:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your Key</source>
        <translation>Su clave</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Send Changes</source>
        <translation>Enviar cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Casefile bundles (*.cfbundle)</source>
        <translation>Paquetes de Casefile (*.cfbundle)</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Wrote {path}: {records} records, {links} links, {files} evidence files, signed {fp}</source>
        <translation>Se escribió {path}: {records} registros, {links} vínculos, {files} archivos de evidencia, firmado con {fp}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending changes…</source>
        <translation>Enviando cambios…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was sent</source>
        <translation>No se envió nada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Receive Changes</source>
        <translation>Recibir cambios</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a trusted key</source>
        <translation>una clave de confianza</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a key you have not marked as trusted</source>
        <translation>una clave que usted no ha marcado como de confianza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged: {created} created, {updated} updated, {deleted} deleted; signed by {name} {fp} ({trust})</source>
        <translation>Fusionado: {created} creados, {updated} actualizados, {deleted} eliminados; firmado por {name} {fp} ({trust})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Receiving changes…</source>
        <translation>Recibiendo cambios…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was merged</source>
        <translation>No se fusionó nada</translation>
    </message>
    <message>
        <location filename="../../casefile/services/exchange/sync.py" line="-86"/>
        <source>Reading the server&apos;s copy</source>
        <translation>Leyendo la copia del servidor</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending this copy&apos;s changes</source>
        <translation>Enviando los cambios de esta copia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receiving the server&apos;s changes</source>
        <translation>Recibiendo los cambios del servidor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing to the server</source>
        <translation>Escribiendo en el servidor</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Copying the case from the server and introducing the copy to it</source>
        <translation>Copiando el expediente del servidor y presentándole la copia</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Copying the case from the server</source>
        <translation>Copiando el expediente del servidor</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../casefile/services/records/fields.py" line="+68"/>
        <location line="+29"/>
        <location line="+117"/>
        <location line="+3"/>
        <source>Pseudonym</source>
        <translation>Seudónimo</translation>
    </message>
    <message>
        <location line="-165"/>
        <location line="+169"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>Consent</source>
        <extracomment>line, text, date, vocab, grade, bool, int, float, ref the qualifier field that goes with a date</extracomment>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent: to whom</source>
        <translation>Consentimiento: a quién</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never to</source>
        <translation>Nunca a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not to be shared before</source>
        <translation>No compartir antes del</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent given on</source>
        <translation>Consentimiento dado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent recorded by</source>
        <translation>Consentimiento registrado por</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+37"/>
        <location line="+36"/>
        <location filename="../../casefile/services/records/lists.py" line="+37"/>
        <location line="+12"/>
        <location line="+8"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start is</source>
        <translation>El inicio es</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End is</source>
        <translation>El fin es</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="-19"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <location line="+19"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="-18"/>
        <source>Violation</source>
        <translation>Violación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fatalities reported</source>
        <translation>Muertes reportadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+12"/>
        <location line="+11"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+12"/>
        <location line="+11"/>
        <location line="+17"/>
        <location line="+18"/>
        <location line="+13"/>
        <source>Caveats for the reader</source>
        <translation>Salvedades para el lector</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+40"/>
        <location line="+18"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+11"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="-10"/>
        <location filename="../../casefile/services/records/lists.py" line="-3"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Actor type</source>
        <translation>Tipo de actor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected person</source>
        <translation>Persona protegida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aliases (one per line)</source>
        <translation>Alias (uno por línea)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Contact (never shared)</source>
        <translation>Contacto (nunca se comparte)</translation>
    </message>
    <message>
        <location line="-22"/>
        <location filename="../../casefile/services/records/lists.py" line="+3"/>
        <source>Municipality</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../casefile/services/records/lists.py" line="+2"/>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+0"/>
        <source>Outlet</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Autor(a)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Reliability</source>
        <translation>Confiabilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Why this grade</source>
        <translation>Por qué esta calificación</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The quote is</source>
        <translation>La cita es</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated by</source>
        <translation>Traducida por</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/__init__.py" line="+134"/>
        <source>Cites</source>
        <translation>Cita a</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/fields.py" line="-11"/>
        <source>Confidential source</source>
        <translation>Fuente confidencial</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>What is claimed</source>
        <translation>Qué se afirma</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Claimant</source>
        <translation>Quién lo afirma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimed on</source>
        <translation>Afirmado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First said</source>
        <translation>Primera mención</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First said in (origin)</source>
        <translation>Primera mención en (origen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read in (source)</source>
        <translation>Leída en (fuente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain of attribution to review</source>
        <translation>Cadena de atribución por revisar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Credibility</source>
        <translation>Credibilidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../casefile/services/records/lists.py" line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stance of the accused</source>
        <translation>Postura de la parte señalada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How obtained</source>
        <translation>Cómo se obtuvo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origin (URL, device, person)</source>
        <translation>Origen (URL, dispositivo, persona)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected by</source>
        <translation>Recopilada por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected with (tool)</source>
        <translation>Recopilada con (herramienta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How preserved</source>
        <translation>Cómo se preservó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows people&apos;s faces</source>
        <translation>Muestra rostros de personas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/lists.py" line="-19"/>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Code</source>
        <extracomment>text, date, vocab:&lt;name&gt;, bool, size</extracomment>
        <translation>Código</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Protected</source>
        <translation>Protegido</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken in</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
</context>
<context>
    <name>FigurePane</name>
    <message>
        <location filename="../../casefile/ui/views/pane.py" line="+110"/>
        <source>SVG drawing (*.svg)</source>
        <translation>Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the view</source>
        <translation>Exportar la vista</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../casefile/dossier/figures.py" line="+52"/>
        <source>Timeline of the incidents</source>
        <translation>Línea de tiempo de los hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents by type on a time axis. A point is an exact day; a span is a month or a year the incident falls in, faded when the date is approximate; arrows are incidents that cause or precede others.</source>
        <translation>Hechos por tipo en un eje temporal. Un punto es un día exacto; un tramo es el mes o el año en que cae el hecho, atenuado cuando la fecha es aproximada; las flechas indican hechos que causan o preceden a otros.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} incidents without a usable date are not shown.</source>
        <translation>No se muestran {count} hechos sin una fecha utilizable.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Link chart</source>
        <translation>Gráfico de vínculos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents (rectangles), actors (circles), claims (diamonds) and sources (tall rectangles), linked by involvement with its role, by what a claim is about and who makes it, by each claim&apos;s chain of attribution, and by sources and claims that support, contradict or repeat a claim.</source>
        <translation>Hechos (rectángulos), actores (círculos), afirmaciones (rombos) y fuentes (rectángulos altos), vinculados por la participación con su rol, por aquello sobre lo que trata una afirmación y quién la hace, por la cadena de atribución de cada afirmación, y por las fuentes y afirmaciones que respaldan, contradicen o repiten una afirmación.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The {shown} most linked of {total} records are shown.</source>
        <translation>Se muestran los {shown} registros más vinculados de un total de {total}.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Figures</source>
        <translation>Figuras</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Figure {number}. {caption}</source>
        <translation>Figura {number}. {caption}</translation>
    </message>
    <message>
        <location filename="../../casefile/services/views/linkchart.py" line="+235"/>
        <source>Shown by code or unlabelled, for want of room: {records}.</source>
        <translation>Con su código o sin etiqueta, por falta de espacio: {records}.</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../casefile/files.py" line="+40"/>
        <source>not a regular file</source>
        <translation>no es un archivo común</translation>
    </message>
</context>
<context>
    <name>GazetteerField</name>
    <message>
        <location filename="../../casefile/ui/editors/fields.py" line="+206"/>
        <source>{lat:.4f}, {lon:.4f}; GeoNames, CC BY 4.0</source>
        <translation>{lat:.4f}, {lon:.4f}; GeoNames, CC BY 4.0</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../casefile/services/handover/__init__.py" line="+78"/>
        <source>A handover is recorded in the case&apos;s custody log; open the case where it can be changed.</source>
        <extracomment>(bytes done, bytes in all, what is being done) sources and evidence items consent kept out: (code, why)</extracomment>
        <translation>Una entrega queda registrada en la cadena de custodia del expediente; abra el expediente donde pueda modificarse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the dossier</source>
        <translation>Escribiendo el dossier</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../casefile/services/handover/bag.py" line="+51"/>
        <source>Handover cancelled; nothing was written.</source>
        <extracomment>between chunks of a large file: return True to stop</extracomment>
        <translation>Entrega cancelada; no se escribió nada.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copying the evidence</source>
        <translation>Copiando las evidencias</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{code}: {reason}; nothing was handed over.</source>
        <translation>{code}: {reason}; no se entregó nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code}: the stored bytes no longer match the hash taken at intake; nothing was handed over (&apos;casefile verify&apos; tells more).</source>
        <translation>{code}: los bytes guardados ya no coinciden con el hash tomado al ingresarlos; no se entregó nada (&apos;casefile verify&apos; da más detalles).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing the records and the custody chain</source>
        <translation>Escribiendo los registros y la cadena de custodia</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Handover of the case &quot;{title}&quot; to {recipient}</source>
        <translation>Entrega del expediente &quot;{title}&quot; a {recipient}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>handed over to {recipient} (bag {bag})</source>
        <translation>entregado a {recipient} (bolsa {bag})</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/handover.py" line="+57"/>
        <source>Handover to a court or mechanism</source>
        <translation>Entrega a un tribunal o mecanismo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A BagIt bag the recipient checks with standard tools: the originals, byte for byte, their records and custody, the records as FollowTheMoney entities, and the dossier, signed with your key. Only sources and evidence whose consent covers this recipient go; the others are listed when it is done.</source>
        <translation>Una bolsa BagIt que el destinatario comprueba con herramientas estándar: los originales, byte a byte, sus registros y su custodia, los registros como entidades FollowTheMoney y el dossier, firmados con su clave. Solo van las fuentes y evidencias cuyo consentimiento cubre a este destinatario; las demás se listan al terminar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>as consent names it, e.g. IIIM, ICC, CIDH</source>
        <translation>como lo nombra el consentimiento, p. ej. IIIM, CPI, CIDH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all incidents; or INC-0001, INC-0003</source>
        <translation>todos los hechos; o INC-0001, INC-0003</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident codes</source>
        <translation>Códigos de hechos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier language</source>
        <translation>Idioma del dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New folder for the bag</source>
        <translation>Carpeta nueva para la bolsa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Destinatario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incidents:</source>
        <translation>&amp;Hechos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier &amp;language:</source>
        <translation>&amp;Idioma del dossier:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;folder:</source>
        <translation>&amp;Carpeta nueva:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Handover status</source>
        <translation>Estado de la entrega</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hand over</source>
        <translation>E&amp;ntregar</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Where to make the bag&apos;s folder</source>
        <translation>Dónde crear la carpeta de la bolsa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name the recipient, as consent names it (IIIM, ICC, CIDH…).</source>
        <translation>Nombre al destinatario, como lo nombra el consentimiento (IIIM, CPI, CIDH…).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a new folder for the bag.</source>
        <translation>Elija una carpeta nueva para la bolsa.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{code} is not an incident code (INC-0001).</source>
        <translation>{code} no es un código de hecho (INC-0001).</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+14"/>
        <source>Nothing was handed over: {reason}</source>
        <translation>No se entregó nada: {reason}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Nothing was handed over: the bag is signed with your key, which needs its passphrase.</source>
        <translation>No se entregó nada: la bolsa se firma con su clave, que necesita su frase de contraseña.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelado; no se escribió nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting…</source>
        <translation>Empezando…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Written: {path}</source>
        <translation>Escrito: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dossier, the signed history head {head}, and evidence files with their records and custody: {items} ({size}).</source>
        <translation>El dossier, la huella del historial firmada {head} y archivos de evidencia con sus registros y su custodia: {items} ({size}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left out, as consent requires ({count}):</source>
        <translation>Omitidos, como exige el consentimiento ({count}):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../casefile/store/audit.py" line="+134"/>
        <source>history unreadable</source>
        <translation>historial ilegible</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>entry out of sequence</source>
        <translation>entrada fuera de secuencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing entry</source>
        <translation>falta una entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>broken link to the previous entry</source>
        <translation>enlace roto con la entrada anterior</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unreadable entry</source>
        <translation>entrada ilegible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entry altered</source>
        <translation>entrada alterada</translation>
    </message>
    <message>
        <location filename="../../casefile/services/history.py" line="+164"/>
        <source>create</source>
        <extracomment>How an entry&apos;s action and the kind of row it is about read in the window and on the command line: the identifiers themselves in English (``--json`` keeps them), marked here for the other languages.</extracomment>
        <translation>crear</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>update</source>
        <translation>modificar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>delete</source>
        <translation>borrar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>import</source>
        <translation>importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merge</source>
        <translation>fusionar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>merge-bundle</source>
        <translation>fusionar paquete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolve</source>
        <translation>resolver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bundle</source>
        <translation>preparar paquete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover</source>
        <translation>entregar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>export-dossier</source>
        <translation>exportar dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>change-passphrase</source>
        <translation>cambiar frase de contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>encrypt-copy</source>
        <translation>copia cifrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>create-case</source>
        <translation>crear expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case</source>
        <translation>expediente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>case_info</source>
        <translation>datos del expediente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dossier</source>
        <translation>dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>custody_event</source>
        <translation>evento de custodia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withhold_mark</source>
        <translation>pasaje reservado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vocabulary_term</source>
        <translation>término de vocabulario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>actor_relation</source>
        <translation>relación entre actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assessment</source>
        <translation>valoración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>claim_relay</source>
        <translation>transmisión de afirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>claim_subject</source>
        <translation>tema de afirmación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence_link</source>
        <translation>vínculo de evidencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incident_link</source>
        <translation>vínculo entre hechos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incident_tag</source>
        <translation>etiqueta de hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>involvement</source>
        <translation>participación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>source_citation</source>
        <translation>cita de fuente</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../casefile/ui/case/history.py" line="+214"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location line="-120"/>
        <source>Record code, e.g. INC-0001</source>
        <translation>Código del registro, p. ej. INC-0001</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by record code</source>
        <translation>Filtrar por código de registro</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entry details</source>
        <translation>Detalles de la entrada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History verification</source>
        <translation>Verificación del historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify again</source>
        <translation>&amp;Verificar de nuevo</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{count} entries</source>
        <translation>{count} entradas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>#{seq} {action} {record} by {who} at {at}
hash {hash}
{changes}</source>
        <translation>#{seq} {action} {record} por {who} el {at}
huella {hash}
{changes}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verifying the history…</source>
        <translation>Verificando el historial…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chain verified: {count} entries, head {head}</source>
        <translation>Cadena verificada: {count} entradas, cabeza {head}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chain broken at #{seq}: {reason}</source>
        <translation>Cadena rota en la entrada #{seq}: {reason}</translation>
    </message>
</context>
<context>
    <name>IntakeReportDialog</name>
    <message>
        <location filename="../../casefile/ui/evidence/intake.py" line="+42"/>
        <source>Some files were not taken in</source>
        <translation>Algunos archivos no se ingresaron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some files were taken in with a warning</source>
        <translation>Algunos archivos se incorporaron con un aviso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{taken} taken in, {failed} not taken in.</source>
        <translation>{taken} ingresados, {failed} sin ingresar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The intake was cancelled; files already taken in were kept.</source>
        <translation>Se canceló el ingreso; se conservaron los archivos ya ingresados.</translation>
    </message>
</context>
<context>
    <name>Interchange</name>
    <message>
        <location filename="../../casefile/services/interchange/__init__.py" line="+59"/>
        <source>{problem} (and {n} more problems)</source>
        <extracomment>older formats still read: each is brought up to FORMAT before it is checked record sections in the order they are written and imported section -&gt; table / record kind schema definition for one entry of each array section problems listed before an import stops looking</extracomment>
        <translation>{problem} (y {n} problemas más)</translation>
    </message>
    <message>
        <location line="+229"/>
        <location line="+46"/>
        <source>does not match the interchange schema</source>
        <extracomment>free text: anything but NUL and unpaired surrogates (the schema&apos;s &quot;text&quot; pattern)</extracomment>
        <translation>no corresponde al esquema de intercambio</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>contains a NUL byte or an invalid character</source>
        <translation>contiene un byte NUL o un carácter no válido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a date (use 2013, 2013-08 or 2013-08-05)</source>
        <translation>no es una fecha (use 2013, 2013-08 o 2013-08-05)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a time (use 2013-08-05T14:00:00Z)</source>
        <translation>no es una hora (use 2013-08-05T14:00:00Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a UUID</source>
        <translation>no es un UUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a SHA-256 hash</source>
        <translation>no es una huella SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a vocabulary key</source>
        <translation>no es una clave de vocabulario</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field}: missing</source>
        <translation>{field}: falta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown field</source>
        <translation>campo desconocido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be {type}</source>
        <translation>debe ser {type}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too long (at most {n} characters)</source>
        <translation>demasiado largo (como máximo {n} caracteres)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not be empty</source>
        <translation>no puede quedar vacío</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not in the expected form</source>
        <translation>no tiene la forma esperada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not one of the allowed values</source>
        <translation>no es uno de los valores permitidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out of range</source>
        <translation>fuera de rango</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many entries</source>
        <translation>demasiadas entradas</translation>
    </message>
    <message>
        <location filename="../../casefile/services/interchange/importer.py" line="+81"/>
        <source>Reading</source>
        <extracomment>tables with one row per entry of the file (what progress counts)</extracomment>
        <translation>Leyendo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking</source>
        <translation>Comprobando</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} conflicts with this case: {why}</source>
        <translation>{name} entra en conflicto con este expediente: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not import {name}: {why}</source>
        <translation>no se pudo importar {name}: {why}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot read {path}: {why}</source>
        <translation>no se puede leer {path}: {why}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} is not allowed</source>
        <translation>{name} no está permitido</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not UTF-8 text (byte {pos})</source>
        <translation>no es texto UTF-8 (byte {pos})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not valid JSON (the key &quot;{key}&quot; appears twice in one object)</source>
        <translation>no es JSON válido (la clave &quot;{key}&quot; aparece dos veces en un mismo objeto)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not valid JSON (line {line}, column {col}: {why})</source>
        <translation>no es JSON válido (línea {line}, columna {col}: {why})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not valid JSON ({why})</source>
        <translation>no es JSON válido ({why})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid JSON (nested too deeply)</source>
        <translation>no es JSON válido (anidado demasiado profundo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>format {found} is not supported; this Casefile reads {format}</source>
        <translation>el formato {found} no es compatible; esta versión de Casefile lee {format}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a Casefile interchange file (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>no es un archivo de intercambio de Casefile (falta &quot;format&quot;: &quot;{format}&quot;)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Writing</source>
        <translation>Escribiendo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>file bytes already in this case</source>
        <translation>los bytes del archivo ya están en este expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file bytes not in this case</source>
        <translation>los bytes del archivo no están en este expediente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metadata imported from {name} (file SHA-256 {digest}); {where}</source>
        <translation>metadatos importados de {name} (SHA-256 del archivo {digest}); {where}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Indexing</source>
        <translation>Indexando</translation>
    </message>
    <message>
        <location filename="../../casefile/services/interchange/plan.py" line="+163"/>
        <source>defined twice</source>
        <extracomment>the ORM class of each table the plan fills (each has uuid and id columns) record table -&gt; code prefix (the registry of kinds), in the file&apos;s section order entries planned between two hand-overs of record rows to the sink the link tables each section fills, in the order they can be written how a problem names its record: a string, or (section, index, entry) turned into &quot;incidents[3] (INC-0004)&quot; only if there is a problem to report why a time could not be read (cached like the times themselves)</extracomment>
        <translation>definido dos veces</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>already in this file</source>
        <translation>ya está en este archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>already in this case</source>
        <translation>ya está en este expediente</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>must start with {prefix}-</source>
        <translation>debe empezar con {prefix}-</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>already used by {other}</source>
        <translation>ya lo usa {other}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no {what} with this UUID in the file or the case</source>
        <translation>no hay {what} con este UUID en el archivo ni en el expediente</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;{value}&quot; is not a term of {vocabulary}</source>
        <translation>&quot;{value}&quot; no es un término de {vocabulary}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>outside the times Casefile can store (years 0001 to 9999, in UTC)</source>
        <translation>fuera de las fechas que Casefile puede guardar (años 0001 a 9999, en UTC)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a time</source>
        <translation>no es una hora</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>a protected actor needs a pseudonym</source>
        <translation>un actor protegido necesita un seudónimo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an actor cannot relate to itself</source>
        <translation>un actor no puede relacionarse consigo mismo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+51"/>
        <location line="+43"/>
        <location line="+34"/>
        <source>listed twice</source>
        <translation>aparece dos veces</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>before start_date</source>
        <translation>anterior a start_date</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a tag is listed twice</source>
        <translation>una etiqueta aparece dos veces</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the same actor and role are listed twice</source>
        <translation>el mismo actor con el mismo papel aparece dos veces</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an incident cannot link to itself</source>
        <translation>un hecho no puede vincularse consigo mismo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a confidential source needs a pseudonym</source>
        <translation>una fuente confidencial necesita un seudónimo</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>a source cannot cite itself</source>
        <translation>una fuente no puede citarse a sí misma</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>give both quote_start and quote_end, or neither</source>
        <translation>indique quote_start y quote_end, o ninguno de los dos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before quote_start</source>
        <translation>anterior a quote_start</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>give exactly one of by_source and by_claim</source>
        <translation>indique solo uno de by_source y by_claim</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a claim cannot assess itself</source>
        <translation>una afirmación no puede valorarse a sí misma</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>an item cannot derive from itself</source>
        <translation>un elemento no puede derivar de sí mismo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too long</source>
        <translation>demasiado largo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>items derive from each other in a circle</source>
        <translation>los elementos derivan unos de otros en círculo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>does not match the evidence item&apos;s SHA-256</source>
        <translation>no coincide con el SHA-256 de la evidencia</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>that evidence item is already in this case</source>
        <translation>esa evidencia ya está en este expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that evidence item is not in the file</source>
        <translation>esa evidencia no está en el archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custody can only be imported with its evidence item; {where}</source>
        <translation>la custodia solo se puede importar junto con su evidencia; {where}</translation>
    </message>
    <message>
        <location filename="../../casefile/services/interchange/plan_marks.py" line="+35"/>
        <source>already in this case or file</source>
        <extracomment>the record tables a mark may name, in the file&apos;s section order</extracomment>
        <translation>ya está en este expediente o archivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a text field of that record</source>
        <translation>no es un campo de texto de ese registro</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/job_dialog.py" line="+93"/>
        <source>Cancelling…</source>
        <extracomment>the child&apos;s module, when it can start ahead (``--warm``): about a second of imports and fonts for a dossier, spent while the documenter chooses</extracomment>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>JobProgressDialog</name>
    <message>
        <location filename="../../casefile/ui/workers.py" line="+385"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../casefile/ui/jobs/dossier.py" line="+185"/>
        <source>The window sent the background task no instructions.</source>
        <translation>La ventana no envió instrucciones a la tarea en segundo plano.</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/exchange.py" line="+96"/>
        <source>Documenter Key</source>
        <translation>Clave de documentador</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Colleagues&apos; keys you trust:</source>
        <translation>Claves de colegas en las que confía:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trusted keys</source>
        <translation>Claves de confianza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Export My Public Key…</source>
        <translation>&amp;Exportar mi clave pública…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust a Colleague&apos;s Key…</source>
        <translation>&amp;Confiar en la clave de un colega…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>You have no documenter key yet. It is made, under a passphrase of your own, the first time you send changes.</source>
        <translation>Todavía no tiene clave de documentador. Se crea, protegida con una frase de contraseña propia, la primera vez que envía cambios.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your key&apos;s fingerprint: {fp}
Read it out to your team: bundles and dossiers signed with this key are yours.</source>
        <translation>Huella de su clave: {fp}
Léasela a su equipo: los paquetes y dossiers firmados con esta clave son suyos.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export My Public Key</source>
        <translation>Exportar mi clave pública</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Public keys (*.pem)</source>
        <translation>Claves públicas (*.pem)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The key was not written</source>
        <translation>No se escribió la clave</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written to {path}.</source>
        <translation>Escrita en {path}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Trust a Colleague&apos;s Key</source>
        <translation>Confiar en la clave de un colega</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The key was not trusted</source>
        <translation>No se agregó la clave a las de confianza</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whose key is {fp}? Check the fingerprint with them first.</source>
        <translation>¿De quién es la clave {fp}? Compruebe antes la huella con esa persona.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../casefile/services/keys.py" line="+92"/>
        <source>{path} is not a Casefile public key: {why}</source>
        <translation>{path} no es una clave pública de Casefile: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not an Ed25519 public key.</source>
        <translation>{path} no es una clave pública Ed25519.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Your key needs a passphrase of its own.</source>
        <translation>Su clave necesita una frase de contraseña propia.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A key already exists in {folder}.</source>
        <translation>Ya existe una clave en {folder}.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No key in {folder} yet.</source>
        <translation>Todavía no hay ninguna clave en {folder}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not a Casefile key file.</source>
        <translation>{path} no es un archivo de clave de Casefile.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong passphrase for your key ({path}).</source>
        <translation>Frase de contraseña incorrecta para su clave ({path}).</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>the encrypted bundle is damaged or was altered</source>
        <translation>el paquete cifrado está dañado o fue alterado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this bundle is encrypted for other recipients, not for your key {fp}</source>
        <translation>este paquete está cifrado para otros destinatarios, no para su clave {fp}</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../casefile/model/kinds.py" line="+51"/>
        <source>Incident</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incidents</source>
        <translation>Hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actors</source>
        <translation>Actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>Afirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claims</source>
        <translation>Afirmaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../casefile/ui/language.py" line="+148"/>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Language saved. Restart Casefile to change the whole window.</source>
        <translation>Idioma guardado. Reinicie Casefile para cambiar toda la ventana.</translation>
    </message>
</context>
<context>
    <name>LinkChart</name>
    <message>
        <location filename="../../casefile/services/views/linkgraph.py" line="+305"/>
        <source>about</source>
        <extracomment>What a node is made of, by kind: rows, not ORM records (a tenth of the time on a large case).</extracomment>
        <translation>sobre</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>claims</source>
        <translation>afirma</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>relayed by</source>
        <translation>transmitida por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read in</source>
        <translation>leída en</translation>
    </message>
</context>
<context>
    <name>LinkChartPane</name>
    <message>
        <location filename="../../casefile/ui/views/linkchart_view.py" line="+92"/>
        <source>Relations</source>
        <translation>Relaciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expand (E)</source>
        <translation>Expandir (E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chain of Attribution (C)</source>
        <translation>Cadena de atribución (C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export for Gephi…</source>
        <translation>Exportar para Gephi…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{nodes:,} records on the chart</source>
        <translation>{nodes:,} registros en el gráfico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; the first {limit:,} of {total:,}: filter the list to see others</source>
        <translation>; los primeros {limit:,} de {total:,}: filtre la lista para ver los demás</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Export the chart for Gephi</source>
        <translation>Exportar el gráfico para Gephi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEXF graph (*.gexf);;GraphML graph (*.graphml)</source>
        <translation>Grafo GEXF (*.gexf);;Grafo GraphML (*.graphml)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
</context>
<context>
    <name>LinkDetailsDialog</name>
    <message>
        <location filename="../../casefile/ui/editors/links.py" line="+104"/>
        <source>Link details</source>
        <extracomment>links whose relation is chosen here (an involvement&apos;s role has its own row)</extracomment>
        <translation>Detalles del vínculo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Role:</source>
        <translation>&amp;Papel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Degree:</source>
        <translation>&amp;Grado:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head count</source>
        <translation>Número de personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approximate (“about 60”)</source>
        <translation>aproximado (“unos 60”)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Head count:</source>
        <translation>&amp;Número de personas:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Relation:</source>
        <translation>&amp;Relación:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The head count must be a whole number, such as 60.</source>
        <translation>El número de personas debe ser un número entero, como 60.</translation>
    </message>
</context>
<context>
    <name>LinkTargetDialog</name>
    <message>
        <location filename="../../casefile/ui/evidence/panel.py" line="-156"/>
        <source>Link evidence to</source>
        <translation>Vincular la evidencia a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of record</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an incident</source>
        <translation>un hecho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a claim</source>
        <translation>una afirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a source</source>
        <translation>una fuente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an actor</source>
        <translation>un actor</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../../casefile/services/records/links.py" line="+39"/>
        <source>Actors involved</source>
        <translation>Actores involucrados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claims about it</source>
        <translation>Afirmaciones sobre este registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related incidents</source>
        <translation>Hechos relacionados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents</source>
        <translation>Hechos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relations</source>
        <translation>Relaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims made</source>
        <translation>Afirmaciones que hizo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incidents here</source>
        <translation>Hechos en este lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cited by</source>
        <translation>Citada por</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cites</source>
        <translation>Cita a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims read in it</source>
        <translation>Afirmaciones leídas en ella</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relayed by (from the origin on)</source>
        <translation>Reproducida por (desde el origen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims it relays</source>
        <translation>Afirmaciones que reproduce</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claims first said in it</source>
        <translation>Afirmaciones mencionadas por primera vez en ella</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assesses claims</source>
        <translation>Valora afirmaciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supported by</source>
        <translation>Respaldada por</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contradicted by</source>
        <translation>Contradicha por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeated by (same origin)</source>
        <translation>Repetida por (mismo origen)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Linked to</source>
        <translation>Vinculada a</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>about {n}</source>
        <translation>unos {n}</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/editors/links.py" line="-81"/>
        <source>Evidence…</source>
        <extracomment>which column holds this record, which the target</extracomment>
        <translation>Evidencia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actor involved…</source>
        <translation>Actor involucrado…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim about it…</source>
        <translation>Afirmación sobre este registro…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related incident…</source>
        <translation>Hecho relacionado…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Involved in incident…</source>
        <translation>Involucrado en un hecho…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation to another actor…</source>
        <translation>Relación con otro actor…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident here…</source>
        <translation>Hecho en este lugar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cites another source…</source>
        <translation>Cita otra fuente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim read in it…</source>
        <translation>Afirmación leída en ella…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assesses a claim…</source>
        <translation>Valora una afirmación…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relayed by a source…</source>
        <translation>Reproducida por una fuente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About an incident…</source>
        <translation>Sobre un hecho…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About an actor…</source>
        <translation>Sobre un actor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessed by a source…</source>
        <translation>Valorada por una fuente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessed by another claim…</source>
        <translation>Valorada por otra afirmación…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident…</source>
        <translation>Hecho…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim…</source>
        <translation>Afirmación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source…</source>
        <translation>Fuente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor…</source>
        <translation>Actor…</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Link {kind}</source>
        <translation>Vincular {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add link</source>
        <translation>Agregar vínculo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add tag</source>
        <translation>Agregar etiqueta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove link</source>
        <translation>Quitar vínculo</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location line="-127"/>
        <location line="+24"/>
        <source>Links</source>
        <translation>Vínculos</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Linked record</source>
        <translation>Registro vinculado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add Lin&amp;k</source>
        <translation>Agregar víncu&amp;lo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New Evidence from File…</source>
        <translation>Nueva evidencia desde un archivo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag…</source>
        <translation>Etiqueta…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove Link</source>
        <translation>Quitar vínculo</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tag for this incident:</source>
        <translation>Etiqueta para este hecho:</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../casefile/services/records/lists.py" line="+132"/>
        <source>unknown</source>
        <extracomment>extra values a row needs to be shown (the date&apos;s qualifier, the protected flag) e.g. {&quot;protected&quot;: True, &quot;confidential&quot;: False, &quot;withdrawn&quot;: False}</extracomment>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../casefile/ui/mainwindow.py" line="+85"/>
        <location line="+206"/>
        <source>Casefile</source>
        <extracomment>the window&apos;s actions by id; called, it is QWidget.actions()</extracomment>
        <translation>Casefile</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/dialogs/shortcuts.py" line="-79"/>
        <location filename="../../casefile/ui/mainwindow.py" line="-180"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../casefile/ui/mainwindow.py" line="+1"/>
        <source>&amp;Redo</source>
        <translation>Re&amp;hacer</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/mainwindow.py" line="+9"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>{title} — Casefile</source>
        <translation>{title} — Casefile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} — encrypted</source>
        <translation>{path} — cifrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}</source>
        <translation>{path}</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/source_commands.py" line="+32"/>
        <source>Open a source to use its text.</source>
        <translation>Abra una fuente para usar su texto.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Replace the text</source>
        <translation>Reemplazar el texto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{source} has a text of its own. Replace it with the saved page&apos;s text?</source>
        <translation>{source} ya tiene un texto propio. ¿Reemplazarlo por el texto de la página guardada?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>{item} taken in for {source}</source>
        <translation>{item} incorporado para {source}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the saved page</source>
        <translation>Leyendo la página guardada</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/mainwindow.py" line="+204"/>
        <source>It was taken off the undo history; the rest of the history is kept.</source>
        <translation>Se quitó de la lista de deshacer; el resto de la lista se conserva.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Evidence enters by dragging files onto the window.</source>
        <translation>Las evidencias se ingresan arrastrando archivos a la ventana.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New incident</source>
        <translation>Nuevo hecho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New actor</source>
        <translation>Nuevo actor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New place</source>
        <translation>Nuevo lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New source</source>
        <translation>Nueva fuente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New claim</source>
        <translation>Nueva afirmación</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Withdraw evidence</source>
        <translation>Retirar evidencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdraw {label}?</source>
        <translation>¿Retirar {label}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence is never deleted: its file and its custody record stay in the case, marked as withdrawn. You can undo this with Ctrl+Z.</source>
        <translation>Las evidencias nunca se eliminan: su archivo y su registro de custodia permanecen en el expediente, marcados como retirados. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete record</source>
        <translation>Eliminar registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete {label}?</source>
        <translation>¿Eliminar {label}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>About Casefile</source>
        <translation>Acerca de Casefile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Casefile keeps a human-rights case offline: incidents, actors, places, sources, claims and evidence, in one file.</source>
        <translation>Casefile guarda un expediente de derechos humanos sin conexión: hechos, actores, lugares, fuentes, afirmaciones y evidencias, en un solo archivo.</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../../casefile/services/views/map.py" line="+206"/>
        <source>{code} {name}</source>
        <extracomment>Radius of the area a place of each precision may be anywhere in (metres).</extracomment>
        <translation>{code} {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} incident(s); precision: {precision}</source>
        <translation>{n} hecho(s); precisión: {precision}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{places} places, {n} incident(s): {names}</source>
        <translation>{places} lugares, {n} hecho(s): {names}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Map data: {sources}</source>
        <extracomment>a marker&apos;s look apart from its place: (circle role, radius in points, label or &quot;&quot;, label size)</extracomment>
        <translation>Datos del mapa: {sources}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Map of the incidents&apos; places</source>
        <translation>Mapa de los lugares de los hechos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Places of the incidents; a marker&apos;s size grows with the number of incidents, a number is a count, places close together are counted in one marker. A hollow marker with a shaded area is a place known only to its municipality or state: the incident may be anywhere in that area.</source>
        <translation>Lugares de los hechos; el tamaño de un marcador crece con el número de hechos, un número indica una cantidad y los lugares cercanos entre sí se cuentan en un solo marcador. Un marcador hueco con un área sombreada es un lugar del que solo se conoce el municipio o el estado: el hecho pudo ocurrir en cualquier parte de esa área.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} places without coordinates are not shown.</source>
        <translation>No se muestran {n} lugares sin coordenadas.</translation>
    </message>
    <message>
        <location filename="../../casefile/services/views/tiles.py" line="+118"/>
        <source>{name} is not an MBTiles file ({error}).</source>
        <translation>{name} no es un archivo MBTiles ({error}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} holds no tiles.</source>
        <translation>{name} no contiene teselas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} holds {format} tiles; Casefile draws PNG or JPEG tiles.</source>
        <translation>{name} contiene teselas {format}; Casefile dibuja teselas PNG o JPEG.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking {name}</source>
        <translation>Comprobando {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copying {name}</source>
        <translation>Copiando {name}</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../../casefile/ui/views/map_view.py" line="+123"/>
        <source>{places} places, {incidents} incidents on the map</source>
        <translation>{places} lugares, {incidents} hechos en el mapa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; {n} places without coordinates</source>
        <translation>; {n} lugares sin coordenadas</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Add Map Tiles</source>
        <translation>Agregar teselas de mapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MBTiles (*.mbtiles)</source>
        <translation>MBTiles (*.mbtiles)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../casefile/ui/case/navigator.py" line="+59"/>
        <source>{kind}  ({count})</source>
        <translation>{kind}  ({count})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}, {count} records</source>
        <translation>{kind}, {count} registros</translation>
    </message>
</context>
<context>
    <name>NavigatorView</name>
    <message>
        <location line="+11"/>
        <source>Record kinds</source>
        <translation>Tipos de registro</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../casefile/ui/welcome.py" line="+44"/>
        <source>New Case</source>
        <translation>Nuevo expediente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case title</source>
        <translation>Título del expediente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Your name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Create the folder?</source>
        <translation>¿Crear la carpeta?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder {path} does not exist. Create it?</source>
        <translation>La carpeta {path} no existe. ¿Desea crearla?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create Folder</source>
        <translation>Crear carpeta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder could not be created: {reason}</source>
        <translation>No se pudo crear la carpeta: {reason}</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File &amp;name:</source>
        <translation>Nombre del &amp;archivo:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create Case</source>
        <translation>Crear expediente</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Where to save the case</source>
        <translation>Dónde guardar el expediente</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A case needs a title.</source>
        <translation>Un expediente necesita un título.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a file, not a folder.</source>
        <translation>{path} es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That file already exists; choose another name.</source>
        <translation>Ese archivo ya existe; elija otro nombre.</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+15"/>
        <source>That folder does not exist.</source>
        <translation>Esa carpeta no existe.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseWidget</name>
    <message>
        <location filename="../../casefile/ui/dialogs/passphrase.py" line="-137"/>
        <source>&amp;Encrypt this case with a passphrase (recommended)</source>
        <translation>C&amp;ifrar este expediente con una frase de contraseña (recomendado)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the passphrase down and keep it somewhere safe. If it is lost, the case is lost: nobody, not even the Casefile developers, can open it again.</source>
        <translation>Anote la frase de contraseña y guárdela en un lugar seguro. Si se pierde, se pierde el expediente: nadie, ni siquiera quienes desarrollan Casefile, podrá volver a abrirlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Without a passphrase, anyone who gets hold of this computer or the file can read the case.</source>
        <translation>Sin frase de contraseña, cualquiera que obtenga esta computadora o el archivo podrá leer el expediente.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>La frase de contraseña necesita al menos {n} caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>Outputs</name>
    <message>
        <location filename="../../casefile/store/outputs.py" line="+76"/>
        <source>{path}: {reason}; nothing was written</source>
        <translation>{path}: {reason}; no se escribió nada</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+4"/>
        <location line="+40"/>
        <source>not a file name</source>
        <translation>no es un nombre de archivo</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+16"/>
        <source>it is a folder</source>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+54"/>
        <location line="+340"/>
        <source>folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <location line="-384"/>
        <source>it is a symbolic link (give the real file&apos;s path)</source>
        <translation>es un enlace simbólico (indique la ruta del archivo real)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a device, pipe or socket, not a regular file</source>
        <translation>es un dispositivo, una tubería o un socket, no un archivo común</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is the case itself</source>
        <translation>es el propio expediente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it already exists; choose another name</source>
        <translation>ya existe; elija otro nombre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a case open in Casefile</source>
        <translation>es un expediente abierto en Casefile</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+363"/>
        <source>it is a case file</source>
        <translation>es un archivo de expediente</translation>
    </message>
    <message>
        <location line="-361"/>
        <source>it already exists (--force replaces it)</source>
        <translation>ya existe (--force lo reemplaza)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it is a symbolic link (give the real folder&apos;s path)</source>
        <translation>es un enlace simbólico (indique la ruta de la carpeta real)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it exists and is not a folder</source>
        <translation>existe y no es una carpeta</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>it is the name of a case backup</source>
        <translation>es el nombre de un respaldo de un expediente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it is a companion file of a case</source>
        <translation>es un archivo auxiliar de un expediente</translation>
    </message>
    <message>
        <location line="+282"/>
        <source>it already exists (choose a new folder)</source>
        <translation>ya existe (elija una carpeta nueva)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>cannot write {path}: {why}</source>
        <translation>no se puede escribir {path}: {why}</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/dialogs/output_path.py" line="+47"/>
        <source>Replace the file?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} ya existe. ¿Desea reemplazarlo?</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/passphrase.py" line="-175"/>
        <source>Open encrypted case</source>
        <translation>Abrir expediente cifrado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the passphrase for {name}.</source>
        <translation>Escriba la frase de contraseña de {name}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Too many wrong attempts: wait {seconds} s before trying again.</source>
        <translation>Demasiados intentos fallidos: espere {seconds} s antes de volver a intentarlo.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrong passphrase ({count} failed attempts).</source>
        <translation>Frase de contraseña incorrecta ({count} intentos fallidos).</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/file_commands.py" line="-15"/>
        <source>This case is not encrypted, so it has no passphrase to change.</source>
        <translation>Este expediente no está cifrado, así que no tiene frase de contraseña que cambiar.</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <location filename="../../casefile/ui/editors/picker.py" line="+80"/>
        <source>incident</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>actor</source>
        <translation>actor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>place</source>
        <translation>lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>claim</source>
        <translation>afirmación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence</source>
        <translation>evidencia</translation>
    </message>
</context>
<context>
    <name>PickerModel</name>
    <message>
        <location line="-35"/>
        <source>Create new {kind} “{text}”</source>
        <translation>Crear {kind}: “{text}”</translation>
    </message>
</context>
<context>
    <name>ProcessJob</name>
    <message>
        <location filename="../../casefile/ui/workers.py" line="-66"/>
        <source>The background task stopped unexpectedly (exit code {code}).</source>
        <translation>La tarea en segundo plano se detuvo inesperadamente (código de salida {code}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not start the background task: {why}</source>
        <translation>No se pudo iniciar la tarea en segundo plano: {why}</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../casefile/ui/editors/record.py" line="+84"/>
        <source>Show the Quote in Its Source</source>
        <extracomment>every widget a form row may hold: each has ``value()``, ``set_value()``, ``dirty`` and ``committed``</extracomment>
        <translation>Mostrar la cita en su fuente</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{field}: how sure</source>
        <translation>{field}: qué tan seguro</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Withdrawn: kept in the case with its custody and history, but no longer part of it (dossiers leave it out).</source>
        <translation>Retirado: se conserva en el caso con su cadena de custodia y su historial, pero ya no forma parte de él (los dossiers lo omiten).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protected person. Shared dossiers show only the pseudonym “{name}”; contact details never leave this case.</source>
        <translation>Persona protegida. Los dossiers compartidos muestran solo el seudónimo “{name}”; los datos de contacto nunca salen de este expediente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confidential source. Shared dossiers show only the pseudonym “{name}”.</source>
        <translation>Fuente confidencial. Los dossiers compartidos muestran solo el seudónimo “{name}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confidential: left out of partner and public dossiers.</source>
        <translation>Confidencial: se omite en los dossiers para socios y públicos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chain of attribution to review: it was carried over from its source&apos;s citation when the case was upgraded. Check where it was first said and who relayed it, then untick “Chain of attribution to review”.</source>
        <translation>Cadena de atribución por revisar: se tomó de la cita de su fuente cuando se actualizó el expediente. Compruebe dónde se mencionó por primera vez y quién la reprodujo; luego desmarque “Cadena de atribución por revisar”.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Pseudonym needed</source>
        <translation>Se necesita un seudónimo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared dossiers will name this record only by a pseudonym. Pseudonym:</source>
        <translation>Los dossiers compartidos nombrarán este registro solo con un seudónimo. Seudónimo:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Place {name} from the gazetteer</source>
        <translation>Lugar {name} del nomenclátor</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose: {field}</source>
        <translation>Elegir: {field}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set {field}</source>
        <translation>Cambiar {field}</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../../casefile/ui/editors/picker.py" line="+42"/>
        <source>Choose from {kind}</source>
        <translation>Elegir entre {kind}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type to search…</source>
        <translation>Escriba para buscar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matching records</source>
        <translation>Registros que coinciden</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <location filename="../../casefile/services/records/fields.py" line="+18"/>
        <source>no such field</source>
        <extracomment>fields set by the window but not shown as form rows</extracomment>
        <translation>no existe ese campo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot be empty</source>
        <translation>no puede quedar vacío</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{value}” is not one of the choices</source>
        <translation>“{value}” no es una de las opciones</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/__init__.py" line="+25"/>
        <location filename="../../casefile/services/records/fields.py" line="+4"/>
        <source>choose one of the choices</source>
        <translation>elija una de las opciones</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/fields.py" line="+10"/>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot be negative</source>
        <translation>no puede ser negativo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be a number such as 16.97</source>
        <translation>debe ser un número como 16.97</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must lie between -{limit} and {limit}</source>
        <translation>debe estar entre -{limit} y {limit}</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/__init__.py" line="-30"/>
        <location filename="../../casefile/services/records/fields.py" line="+2"/>
        <source>cannot be edited</source>
        <translation>no se puede editar</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/fields.py" line="+6"/>
        <source>a protected person needs a pseudonym before anything is shared</source>
        <translation>una persona protegida necesita un seudónimo antes de compartir cualquier cosa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a confidential source needs a pseudonym</source>
        <translation>una fuente confidencial necesita un seudónimo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the end comes before the start</source>
        <translation>el fin es anterior al inicio</translation>
    </message>
    <message>
        <location filename="../../casefile/services/records/__init__.py" line="-91"/>
        <source>unknown record kind “{kind}”</source>
        <extracomment>link kinds -&gt; table classes; the window adds and removes these as links</extracomment>
        <translation>tipo de registro desconocido “{kind}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+148"/>
        <location filename="../../casefile/ui/commands.py" line="-232"/>
        <source>that record no longer exists</source>
        <extracomment>told when an undo or redo fails: (command, error, undoing); set when it is pushed</extracomment>
        <translation>ese registro ya no existe</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>the chosen record no longer exists</source>
        <translation>el registro elegido ya no existe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>evidence enters a case by intake of a file</source>
        <translation>una evidencia entra al expediente ingresando un archivo</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a source cannot cite itself</source>
        <translation>una fuente no puede citarse a sí misma</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown link “{kind}”</source>
        <translation>vínculo desconocido “{kind}”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>relation</source>
        <translation>relación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a tag cannot be empty</source>
        <translation>una etiqueta no puede quedar vacía</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>that link is already there</source>
        <translation>ese vínculo ya existe</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>a record cannot be linked to itself</source>
        <translation>un registro no puede vincularse consigo mismo</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+122"/>
        <location filename="../../casefile/ui/commands.py" line="+1"/>
        <source>that link no longer exists</source>
        <translation>ese vínculo ya no existe</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>{code} cannot be deleted: other records depend on it</source>
        <translation>{code} no se puede eliminar: otros registros dependen de él</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>evidence is never deleted; withdraw it instead</source>
        <translation>las evidencias nunca se eliminan; retírela en su lugar</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>the link</source>
        <translation>el vínculo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{record} cannot be put back: {other}, added since, has its place in the case</source>
        <translation>no se puede restituir {record}: {other}, añadido después, ocupa su lugar en el caso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another link</source>
        <translation>otro vínculo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>incident</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incidents</source>
        <translation>hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>actor</source>
        <translation>actor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>actors</source>
        <translation>actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place</source>
        <translation>lugar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>places</source>
        <translation>lugares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sources</source>
        <translation>fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claim</source>
        <translation>afirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>claims</source>
        <translation>afirmaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence item</source>
        <translation>evidencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evidence items</source>
        <translation>evidencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>involvement of an actor</source>
        <translation>participación de un actor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>involvements of actors</source>
        <translation>participaciones de actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relation between actors</source>
        <translation>relación entre actores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>relations between actors</source>
        <translation>relaciones entre actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>link between incidents</source>
        <translation>vínculo entre hechos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>links between incidents</source>
        <translation>vínculos entre hechos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subject of a claim</source>
        <translation>tema de una afirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>subjects of claims</source>
        <translation>temas de afirmaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assessment</source>
        <translation>valoración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>assessments</source>
        <translation>valoraciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence link</source>
        <translation>vínculo de una evidencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evidence links</source>
        <translation>vínculos de evidencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custody event</source>
        <translation>registro de custodia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>custody events</source>
        <translation>registros de custodia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>thumbnail</source>
        <translation>miniatura</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>thumbnails</source>
        <translation>miniaturas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>citation of a source</source>
        <translation>cita de una fuente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>citations of sources</source>
        <translation>citas de fuentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relay of a claim</source>
        <translation>reproducción de una afirmación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>relays of claims</source>
        <translation>reproducciones de afirmaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passage marked to withhold</source>
        <translation>pasaje marcado para reservar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>passages marked to withhold</source>
        <translation>pasajes marcados para reservar</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{n} {what} will be deleted with it</source>
        <translation>también se eliminarán {n} {what}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} {what} will no longer point to it</source>
        <translation>{n} {what} dejarán de apuntar a este registro</translation>
    </message>
</context>
<context>
    <name>Redaction</name>
    <message>
        <location filename="../../casefile/services/redaction/profile.py" line="+53"/>
        <source>unknown profile {profile}: use full, partner or public</source>
        <extracomment>Record kinds whose withheld rows are counted, in the order a report lists them.</extracomment>
        <translation>perfil desconocido {profile}: use full, partner o public</translation>
    </message>
    <message>
        <location filename="../../casefile/services/redaction/matcher.py" line="+356"/>
        <location filename="../../casefile/services/redaction/profile.py" line="+64"/>
        <source>[withheld]</source>
        <extracomment>per kind (source, evidence), what consent keeps out of this output, and why (``services/consent.py``)</extracomment>
        <translation>[reservado]</translation>
    </message>
    <message>
        <location filename="../../casefile/services/redaction/marks.py" line="+30"/>
        <source>no record {code}</source>
        <extracomment>the field types whose text can be marked (record_fields types)</extracomment>
        <translation>no existe el registro {code}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{code} has no text field {field} (one of: {names})</source>
        <translation>{code} no tiene el campo de texto {field} (uno de: {names})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a passage to withhold needs at least three letters or digits</source>
        <translation>un pasaje que se reserva necesita al menos tres letras o dígitos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} {field} does not contain that passage</source>
        <translation>{code} {field} no contiene ese pasaje</translation>
    </message>
    <message>
        <location filename="../../casefile/services/redaction/report.py" line="+41"/>
        <source>name</source>
        <extracomment>An entry&apos;s kind is an identifier (kept as it is in --json); ``kind_label`` gives it in the user&apos;s language.</extracomment>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name part</source>
        <translation>parte del nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>author</source>
        <translation>autor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>email</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passage</source>
        <translation>pasaje marcado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>single part</source>
        <translation>una parte del nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>edit distance one</source>
        <translation>una letra de diferencia</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pseudonym</source>
        <translation>seudónimo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file name</source>
        <translation>nombre de archivo</translation>
    </message>
    <message>
        <location filename="../../casefile/services/redaction/faces.py" line="+34"/>
        <source>unknown choice for faces {choice}: use blur or omit</source>
        <extracomment>blocks across the longer side of a blurred image: even a face filling the frame becomes a few blocks of colour (recognisers have beaten 16-pixel blocks on faces ten blocks wide), a face in a crowd less than one</extracomment>
        <translation>opción desconocida para los rostros {choice}: use blur u omit</translation>
    </message>
</context>
<context>
    <name>RedactionPreview</name>
    <message>
        <location filename="../../casefile/ui/dialogs/redaction_preview.py" line="-66"/>
        <source>Withhold “{passage}” in {code}</source>
        <translation>Reservar “{passage}” en {code}</translation>
    </message>
</context>
<context>
    <name>RedactionPreviewDialog</name>
    <message>
        <location line="+98"/>
        <source>Redaction Preview</source>
        <translation>Vista previa del testado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Partner</source>
        <translation>Socios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public</source>
        <translation>Público</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Profile:</source>
        <translation>&amp;Perfil:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Building the report</source>
        <translation>Preparando el informe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replacements</source>
        <translation>Sustituciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replaced in the shared output:</source>
        <translation>&amp;Sustituido en lo que se comparte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Near misses</source>
        <translation>Coincidencias parciales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Near misses, left as they are (check each one):</source>
        <translation>&amp;Coincidencias parciales, que se dejan como están (revise cada una):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Withhold This Passage</source>
        <translation>&amp;Reservar este pasaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace this text with “[withheld]” in every partner and public output</source>
        <translation>Sustituir este texto por “[reservado]” en todo lo que se comparta con socios o con el público</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Withheld records</source>
        <translation>Registros reservados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Building the report…</source>
        <translation>Preparando el informe…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{profile} profile: {n} replacements, {m} near misses.</source>
        <translation>Perfil {profile}: {n} sustituciones, {m} coincidencias parciales.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {count} ({codes})</source>
        <translation>{kind}: {count} ({codes})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withheld records: {count}. {parts}</source>
        <translation>Registros reservados: {count}. {parts}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withheld records: none.</source>
        <translation>Registros reservados: ninguno.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark a near miss to withhold it, or leave it if it names someone else.</source>
        <translation>Marque una coincidencia parcial para reservarla, o déjela si nombra a otra persona.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No near misses.</source>
        <translation>No hay coincidencias parciales.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The report could not be built: {reason}</source>
        <translation>No se pudo preparar el informe: {reason}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{code} {field}: “{passage}” will be withheld.</source>
        <translation>{code} {field}: “{passage}” se reservará.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not marked: {reason}</source>
        <translation>No se marcó: {reason}</translation>
    </message>
</context>
<context>
    <name>RefField</name>
    <message>
        <location filename="../../casefile/ui/editors/fields.py" line="-81"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <location filename="../../casefile/ui/evidence/intake.py" line="-37"/>
        <source>Link evidence</source>
        <translation>Vincular evidencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How do the files relate to {target}?</source>
        <translation>¿Qué relación tienen los archivos con {target}?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relation</source>
        <translation>Relación</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/exchange.py" line="-153"/>
        <source>Review Conflicts</source>
        <translation>Revisar conflictos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Here</source>
        <translation>Aquí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep &amp;Here</source>
        <translation>Conservar &amp;aquí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep &amp;Arrived</source>
        <translation>Conservar &amp;recibido</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(deleted on the other copy)</source>
        <translation>(eliminado en la otra copia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept</source>
        <translation>conservado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n value(s) were changed differently on another copy. Nothing was overwritten: choose the value to keep.</source>
        <translation>
            <numerusform>%n valor se cambió de otra manera en otra copia. No se sobrescribió nada: elija el valor que se queda.</numerusform>
            <numerusform>%n valores se cambiaron de otra manera en otra copia. No se sobrescribió nada: elija el valor que se queda.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conflicts to review.</source>
        <translation>No hay conflictos para revisar.</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <location filename="../../casefile/ui/dialogs/search_popup.py" line="+81"/>
        <source>Search incidents, actors, places, sources, claims, evidence…</source>
        <extracomment>whether a short last word is searched as the start of words (asked only when nothing was found for it: the hint then says why)</extracomment>
        <translation>Buscar hechos, actores, lugares, fuentes, afirmaciones, evidencias…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search everything</source>
        <translation>Buscar en todo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No word “{text}”. Words that begin with what you type are found from its fourth letter.</source>
        <translation>Ninguna palabra “{text}”. Las palabras que empiezan por lo escrito se buscan a partir de la cuarta letra.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing matches “{text}”.</source>
        <translation>Nada coincide con «{text}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first {count} matches; type more to narrow them.</source>
        <translation>Las primeras {count} coincidencias; escriba más para acotarlas.</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../casefile/services/security.py" line="+6"/>
        <source>The new passphrase is empty.</source>
        <translation>La nueva frase de contraseña está vacía.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new passphrase contains a NUL character.</source>
        <translation>La nueva frase de contraseña contiene un carácter NUL.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} is not encrypted: use &apos;casefile encrypt&apos; to make an encrypted copy.</source>
        <translation>{name} no está cifrado: use &apos;casefile encrypt&apos; para hacer una copia cifrada.</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+12"/>
        <source>{name} is already encrypted.</source>
        <translation>{name} ya está cifrado.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>head {head} is not in this case&apos;s history: the history was rewritten or cut</source>
        <translation>la cabeza {head} no está en el historial de este expediente: el historial se reescribió o se recortó</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>history up to audit #{seq} does not verify (audit #{bad}: {reason})</source>
        <translation>el historial hasta la entrada #{seq} no se verifica (entrada #{bad}: {reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the history up to audit #{seq} verifies, but the case&apos;s records do not match it: some were changed outside Casefile; run &apos;casefile verify&apos;</source>
        <translation>el historial hasta la entrada #{seq} se verifica, pero los registros del expediente no coinciden con él: algunos se modificaron fuera de Casefile; ejecute &apos;casefile verify&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ok: head is audit #{seq}; the history up to it verifies</source>
        <translation>correcto: la cabeza es la entrada #{seq}; el historial hasta ella se verifica</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter a passphrase.</source>
        <translation>Escriba una frase de contraseña.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Too short: use at least {n} characters, better several words.</source>
        <translation>Demasiado corta: use al menos {n} caracteres; mejor, varias palabras.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strong.</source>
        <translation>Robusta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Good; a few more words make it strong.</source>
        <translation>Buena; con unas palabras más será robusta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fair: add words or characters.</source>
        <translation>Regular: agregue palabras o caracteres.</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/exchange.py" line="-215"/>
        <source>Send Changes</source>
        <translation>Enviar cambios</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone: the whole case</source>
        <translation>Cualquiera: el expediente completo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} ({fp}), last exchange {date}</source>
        <translation>{name} ({fp}), último intercambio {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unnamed</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;To:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full: for your own team</source>
        <translation>Completo: para su propio equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner: protected people under pseudonyms, no evidence files</source>
        <translation>Socios: personas protegidas con seudónimo, sin archivos de evidencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public: as partner, and without claims resting only on confidential sources</source>
        <translation>Público: como socios, y sin afirmaciones que solo se apoyan en fuentes confidenciales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Profile:</source>
        <translation>P&amp;erfil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encrypt to the recipient&apos;s key</source>
        <translation>&amp;Cifrar con la clave del destinatario</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Send…</source>
        <translation>En&amp;viar…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The whole case goes in the bundle, for a copy this one has not met. Choose a colleague to send only what their copy has not yet acknowledged.</source>
        <translation>El paquete lleva el expediente completo, para una copia con la que esta no se ha cruzado. Elija a un colega para enviar solo lo que su copia aún no ha confirmado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only what {name}&apos;s copy has not acknowledged goes in the bundle.</source>
        <translation>El paquete lleva solo lo que la copia de {name} no ha confirmado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted: only their key opens it.</source>
        <translation>Cifrado: solo su clave lo abre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not encrypted: anyone who gets the file can read it.</source>
        <translation>Sin cifrar: cualquiera que obtenga el archivo puede leerlo.</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <location filename="../../casefile/cli/server_commands.py" line="-72"/>
        <location filename="../../casefile/store/server/sealing.py" line="+270"/>
        <location filename="../../casefile/store/server/transfer.py" line="+137"/>
        <source>{address}: no such case on the server.</source>
        <extracomment>digests of sealed words, sealed in turn (the server&apos;s columns for them are widened to text) key columns that hold words, per table (each sealed the same way every time, see above)</extracomment>
        <translation>{address}: no existe ese expediente en el servidor.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/server/transfer.py" line="-87"/>
        <source>Your role in {address} does not let you read the case&apos;s tables (a partner reads the partner view).</source>
        <extracomment>(table name, rows copied so far); return True to stop rows of a table as they are to be written (sealed for the server, opened for a laptop)</extracomment>
        <translation>Su rol en {address} no le permite leer las tablas del expediente (un socio lee la vista para socios).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot use the server at {address}: {reason}</source>
        <translation>No se puede usar el servidor en {address}: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stopped; nothing was copied.</source>
        <translation>Detenido; no se copió nada.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{address} has no Casefile catalogue: run &apos;casefile server init&apos; on it first.</source>
        <translation>{address} no tiene catálogo de Casefile: ejecute antes &apos;casefile server init&apos; en ella.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{address} already holds a case by that name; nothing was pushed.</source>
        <translation>{address} ya tiene un expediente con ese nombre; no se subió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server copy of {case}</source>
        <translation>Copia del servidor de {case}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The case holds a NUL character, which PostgreSQL cannot store; nothing was pushed.</source>
        <translation>El expediente contiene un carácter NUL, que PostgreSQL no puede guardar; no se subió nada.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The case on the server is at format {theirs}, this Casefile at {ours}: upgrade it first with &apos;casefile server upgrade {address}&apos; (as the role that pushed it).</source>
        <translation>El expediente del servidor está en el formato {theirs} y este Casefile en el {ours}: actualícelo antes con &apos;casefile server upgrade {address}&apos; (como el rol que lo subió).</translation>
    </message>
    <message>
        <location filename="../../casefile/store/server/schema.py" line="+142"/>
        <source>The case on the server is at format {theirs}, newer than this Casefile&apos;s ({ours}): update Casefile.</source>
        <extracomment>the history: inserts only, for everyone what an analyst writes besides the history (claims, their chains and assessments)</extracomment>
        <translation>El expediente del servidor está en el formato {theirs}, más reciente que el de este Casefile ({ours}): actualice Casefile.</translation>
    </message>
    <message>
        <location filename="../../casefile/store/server/working.py" line="+203"/>
        <source>Your role in this case on the server does not let you make this change (what you may change: &apos;casefile server&apos; roles); nothing was written to the server.</source>
        <extracomment>evidence bytes and previews: written only with an evidence row, which the history seals, and never changed (content-addressed), so compared only when the history carried says an item changed work done with the working copy, once a writing use committed a change, in a transaction of its own</extracomment>
        <translation>Su rol en este expediente del servidor no le permite hacer este cambio (lo que puede cambiar: roles de &apos;casefile server&apos;); no se escribió nada en el servidor.</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/server_case.py" line="+113"/>
        <source>Syncing with the server…</source>
        <translation>Sincronizando con el servidor…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Synced with the server; {n} values changed on two copies wait in File &gt; Review Conflicts.</source>
        <translation>Sincronizado con el servidor; {n} valores cambiados en dos copias esperan en Archivo &gt; Revisar conflictos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synced with the server</source>
        <translation>Sincronizado con el servidor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not synced with the server: {reason}</source>
        <translation>Sin sincronizar con el servidor: {reason}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Opening a server case takes your documenter key, which signs what you send: its passphrase is needed.</source>
        <translation>Abrir un expediente del servidor requiere su clave de documentador, que firma lo que envía: hace falta su frase de paso.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Your last changes could not reach {address}; they are kept in {path}, encrypted under your documenter key&apos;s passphrase. Send them later with: casefile sync {path} {address}</source>
        <translation>Sus últimos cambios no pudieron llegar a {address}; se guardan en {path}, cifrados con la frase de paso de su clave de documentador. Envíelos más tarde con: casefile sync {path} {address}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{title} — {address} — Casefile</source>
        <translation>{title} — {address} — Casefile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working on {address}: your changes are sent as you make them</source>
        <translation>Trabajando en {address}: sus cambios se envían a medida que los hace</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open Server Case</source>
        <translation>Abrir expediente del servidor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address of the case on the server (postgresql://HOST/DATABASE?case=NAME):</source>
        <translation>Dirección del expediente en el servidor (postgresql://SERVIDOR/BASE?case=NOMBRE):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your Key</source>
        <translation>Su clave</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passphrase of your documenter key (it signs what you send):</source>
        <translation>Frase de paso de su clave de documentador (firma lo que envía):</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Copying the case from the server…</source>
        <translation>Copiando el expediente desde el servidor…</translation>
    </message>
    <message>
        <location filename="../../casefile/store/server/sealing.py" line="+5"/>
        <source>Your key {fingerprint} does not hold the key to {address}: ask an owner of the case to add you with your public key (&apos;casefile key --export FILE&apos; writes it; they run &apos;casefile server add-member … --public-key FILE&apos;).</source>
        <translation>Su clave {fingerprint} no tiene la clave de {address}: pida a un propietario del expediente que le añada con su clave pública (&apos;casefile key --export ARCHIVO&apos; la escribe; él ejecuta &apos;casefile server add-member … --public-key ARCHIVO&apos;).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key to {address} sealed to your key {fingerprint} does not open: it was damaged or altered on the server.</source>
        <translation>La clave de {address} sellada para su clave {fingerprint} no se abre: se dañó o se alteró en el servidor.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../casefile/ui/dialogs/shortcuts.py" line="+9"/>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the list&apos;s filter</source>
        <translation>Borrar el filtro de la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the filter box</source>
        <translation>En el cuadro de filtro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Does</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <location filename="../../casefile/dossier/signing.py" line="+82"/>
        <source>cannot read the PDF&apos;s signatures: {why}</source>
        <translation>no se pueden leer las firmas del PDF: {why}</translation>
    </message>
</context>
<context>
    <name>SourceReader</name>
    <message>
        <location filename="../../casefile/ui/editors/source_reader.py" line="+79"/>
        <source>Source text</source>
        <translation>Texto de la fuente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No text yet. Paste it with Edit Text, or load a .txt, .html or .pdf file.</source>
        <translation>Todavía no hay texto. Péguelo con Editar texto, o cargue un archivo .txt, .html o .pdf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+159"/>
        <source>Claim from Selection</source>
        <translation>Afirmación desde la selección</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Make a claim carrying the selected passage as its quote (Ctrl+Shift+C)</source>
        <translation>Crear una afirmación con el pasaje seleccionado como cita (Ctrl+Mayús+C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+156"/>
        <source>Incident from Selection</source>
        <translation>Hecho desde la selección</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Make an incident titled and dated by the selected passage (Ctrl+Shift+I)</source>
        <translation>Crear un hecho con el título y la fecha del pasaje seleccionado (Ctrl+Mayús+I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+361"/>
        <source>Edit Text</source>
        <translation>Editar texto</translation>
    </message>
    <message>
        <location line="-357"/>
        <source>Load from File…</source>
        <translation>Cargar desde un archivo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Find in the text</source>
        <translation>Buscar en el texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find in the text (Ctrl+Shift+F)</source>
        <translation>Buscar en el texto (Ctrl+Mayús+F)</translation>
    </message>
    <message numerus="yes">
        <location line="+73"/>
        <source>%n claim(s) quoted from this text (highlighted).</source>
        <translation>
            <numerusform>%n afirmación citada de este texto (resaltada).</numerusform>
            <numerusform>%n afirmaciones citadas de este texto (resaltadas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n mention(s) of the case&apos;s actors and places (underlined; Ctrl+Shift+M links one).</source>
        <translation>
            <numerusform>%n mención de los actores y lugares del expediente (subrayada; Ctrl+Mayús+M la vincula).</numerusform>
            <numerusform>%n menciones de los actores y lugares del expediente (subrayadas; Ctrl+Mayús+M vincula una).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Link the Mention…</source>
        <translation>Vincular la mención…</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>claimant {code}</source>
        <translation>autor {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first said in {code}</source>
        <translation>primera mención en {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>relayed by {codes}</source>
        <translation>transmitida por {codes}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Proposed from the text: {what}.</source>
        <translation>Propuesto a partir del texto: {what}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{passage}” ({code}, {title})</source>
        <translation>“{passage}” ({code}, {title})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Incident from selection</source>
        <translation>Hecho desde la selección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{code} made from the selection; give it a short title.</source>
        <translation>{code} se creó a partir de la selección; asígnele un título breve.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date {date} read from the text (year from the source).</source>
        <translation>Fecha {date} leída del texto (año tomado de la fuente).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date {date} read from the text.</source>
        <translation>Fecha {date} leída del texto.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>New Actor “{name}”</source>
        <translation>Nuevo actor “{name}”</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Place “{name}”</source>
        <translation>Nuevo lugar “{name}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put the cursor on an underlined name, or select the words that name an actor or place.</source>
        <translation>Coloque el cursor sobre un nombre subrayado, o seleccione las palabras que nombran a un actor o lugar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Claimant from the text</source>
        <translation>Autor tomado del texto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim about an actor named in the text</source>
        <translation>Afirmación sobre un actor nombrado en el texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimant of {claim}: {actor}</source>
        <translation>Autor de {claim}: {actor}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{claim} Is About {actor}</source>
        <translation>{claim} trata sobre {actor}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Place from the text</source>
        <translation>Lugar tomado del texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of {incident}: {place}</source>
        <translation>Lugar de {incident}: {place}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open {record}</source>
        <translation>Abrir {record}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New actor from the text</source>
        <translation>Nuevo actor tomado del texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New place from the text</source>
        <translation>Nuevo lugar tomado del texto</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n claim(s) quote this text by position; their highlights may no longer match.</source>
        <translation>
            <numerusform>%n afirmación cita este texto por posición; es posible que su resaltado ya no coincida.</numerusform>
            <numerusform>%n afirmaciones citan este texto por posición; es posible que sus resaltados ya no coincidan.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Select a passage of the text first.</source>
        <translation>Primero seleccione un pasaje del texto.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Claim from selection</source>
        <translation>Afirmación desde la selección</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{code} made from the selection; write what it claims in its own words.</source>
        <translation>Se creó {code} desde la selección; escriba con sus propias palabras lo que afirma.</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace the text</source>
        <translation>Reemplazar el texto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change source text</source>
        <translation>Cambiar el texto de la fuente</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../casefile/services/records/source_text.py" line="+73"/>
        <source>{name} is too large to read as a source text.</source>
        <translation>{name} es demasiado grande para leerlo como texto de la fuente.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot read {name}: {why}</source>
        <translation>no se puede leer {name}: {why}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} is not a readable PDF ({why}).</source>
        <translation>{name} no es un PDF legible ({why}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} has no text to extract (a scanned PDF?).</source>
        <translation>{name} no tiene texto que extraer (¿un PDF escaneado?).</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../casefile/store/storage.py" line="+82"/>
        <source>{path} cannot be created: its folder is read-only</source>
        <translation>no se puede crear {path}: su carpeta es de solo lectura</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no space left on device: {path} was not created</source>
        <translation>no queda espacio en el dispositivo: no se creó {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path} is read-only: it cannot be changed here (copy it to a writable folder to work on it)</source>
        <translation>{path} es de solo lectura: aquí no se puede modificar (cópielo a una carpeta con permiso de escritura para trabajar en él)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no space left on device: {path} was not changed; free some space and try again</source>
        <translation>no queda espacio en el dispositivo: {path} no se modificó; libere espacio y vuelva a intentarlo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{path} was not closed cleanly and is read-only here, so its last changes cannot be read: copy it with the files beside it to a writable folder and open it there</source>
        <translation>{path} no se cerró correctamente y aquí es de solo lectura, así que no se pueden leer sus últimos cambios: cópielo junto con los archivos que tiene al lado a una carpeta con permiso de escritura y ábralo allí</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no space left on device: nothing more was written; free some space and try again</source>
        <translation>no queda espacio en el dispositivo: no se escribió nada más; libere espacio y vuelva a intentarlo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>read-only file system: nothing was written</source>
        <translation>sistema de archivos de solo lectura: no se escribió nada</translation>
    </message>
</context>
<context>
    <name>SystemLibraries</name>
    <message>
        <location filename="../../casefile/ui/system_libraries.py" line="+65"/>
        <source>the window cannot start: the system lacks {libraries}; on Debian or Ubuntu install them with: sudo apt install {packages}</source>
        <extracomment>what the X11 (xcb) platform plugin adds (readelf -d libqxcb.so, PySide6 6.11)</extracomment>
        <translation>la ventana no puede iniciarse: al sistema le faltan {libraries}; en Debian o Ubuntu instálelas con: sudo apt install {packages}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../casefile/services/views/timeline.py" line="+191"/>
        <source>{count} incidents, {when}</source>
        <translation>{count} hechos, {when}</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>exact day</source>
        <translation>día exacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month or year: when it may have happened</source>
        <translation>mes o año: cuándo pudo haber ocurrido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approximate</source>
        <translation>aproximada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>causes</source>
        <translation>causa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>precedes</source>
        <translation>precede</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>lanes by type, actor, place or none</source>
        <translation>franjas por tipo, actor, lugar o ninguna</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Place withheld</source>
        <translation>Lugar reservado</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+28"/>
        <source>No type</source>
        <translation>Sin tipo</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No actor</source>
        <translation>Sin actor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No place</source>
        <translation>Sin lugar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incidents</source>
        <translation>Hechos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Other actors</source>
        <translation>Otros actores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other places</source>
        <translation>Otros lugares</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other types</source>
        <translation>Otros tipos</translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <location filename="../../casefile/ui/views/timeline_view.py" line="+107"/>
        <source>Lanes by type</source>
        <translation>Franjas por tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lanes by actor</source>
        <translation>Franjas por actor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lanes by place</source>
        <translation>Franjas por lugar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One lane</source>
        <translation>Una sola franja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show All</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wheel or +/- zoom, drag pans, arrows move, Enter opens</source>
        <translation>Rueda o +/-: zoom; arrastrar: desplazar; flechas: mover; Intro: abrir</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{shown:,} incidents on the timeline; {left:,} without a usable date</source>
        <translation>{shown:,} hechos en la línea de tiempo; {left:,} sin una fecha utilizable</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <location filename="../../casefile/services/verify.py" line="+139"/>
        <source>checking the file&apos;s integrity</source>
        <extracomment>The checks after the file&apos;s integrity, in order; their problems follow its.</extracomment>
        <translation>comprobando la integridad del archivo</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>file integrity: {detail}</source>
        <translation>integridad del archivo: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checking the links between records</source>
        <translation>comprobando los vínculos entre registros</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{table} row {rowid} points at a missing {parent}</source>
        <translation>la fila {rowid} de {table} apunta a un {parent} que no existe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>checking the history</source>
        <translation>comprobando el historial</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>history does not verify ({reason})</source>
        <translation>el historial no se verifica ({reason})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>checking every record against its history</source>
        <translation>comprobando cada registro contra su historial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed behind Casefile&apos;s back: it no longer matches its history</source>
        <translation>modificado a espaldas de Casefile: ya no coincide con su historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added behind Casefile&apos;s back: it is not in the history</source>
        <translation>agregado a espaldas de Casefile: no está en el historial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted behind Casefile&apos;s back: the history says it exists</source>
        <translation>eliminado a espaldas de Casefile: el historial dice que existe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the records or their sealed states cannot be read</source>
        <translation>no se pueden leer los registros o sus estados sellados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the row states this history entry seals were altered</source>
        <translation>se alteraron los estados de fila que sella esta entrada del historial</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>re-hashing the evidence</source>
        <translation>recalculando los hashes de la evidencia</translation>
    </message>
    <message>
        <location filename="../../casefile/services/evidence/verify.py" line="+92"/>
        <source>the stored bytes are missing (taken in as sha256:{sha})</source>
        <extracomment>what re-hashing found: (observed sha256, size, the first damaged chunk), why the bytes could not be read, or None (no bytes stored)</extracomment>
        <translation>faltan los bytes guardados (ingresados como sha256:{sha})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (first damaged chunk: {seq})</source>
        <translation> (primer fragmento dañado: {seq})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored bytes do not match the hash taken at intake: expected sha256:{expected}, found sha256:{found}{where}</source>
        <translation>los bytes guardados no coinciden con la huella tomada al ingresar: se esperaba sha256:{expected}, se encontró sha256:{found}{where}</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../casefile/ui/views/__init__.py" line="+87"/>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Choose a view (timeline, link chart, map) to export.</source>
        <translation>Elija una vista (línea de tiempo, gráfico de vínculos, mapa) para exportar.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link Chart</source>
        <translation>Gráfico de vínculos</translation>
    </message>
    <message>
        <location filename="../../casefile/ui/views/map_actions.py" line="-35"/>
        <source>Map tiles added: {name}</source>
        <translation>Teselas de mapa agregadas: {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adding map tiles…</source>
        <translation>Agregando teselas de mapa…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add Map Tiles</source>
        <translation>Agregar teselas de mapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MBTiles (*.mbtiles)</source>
        <translation>MBTiles (*.mbtiles)</translation>
    </message>
</context>
<context>
    <name>VocabCombo</name>
    <message>
        <location filename="../../casefile/ui/editors/fields.py" line="-122"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../casefile/ui/welcome.py" line="+30"/>
        <source>Casefile</source>
        <translation>Casefile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incidents, actors, places, sources, claims and evidence — kept offline, in one file.</source>
        <translation>Hechos, actores, lugares, fuentes, afirmaciones y evidencias — guardados sin conexión, en un solo archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New Case…</source>
        <translation>Nuevo expediente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Case…</source>
        <translation>Abrir expediente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the Sample Case</source>
        <translation>Abrir el expediente de ejemplo</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+18"/>
        <source>Recent cases</source>
        <translation>Expedientes recientes</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+89"/>
        <source>Remove from List</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>{name} — missing</source>
        <translation>{name} — no se encuentra</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No recent cases yet.</source>
        <translation>Todavía no hay expedientes recientes.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Case not found</source>
        <translation>No se encontró el expediente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is no longer there. It may have been moved, renamed or deleted.</source>
        <translation>{path} ya no está ahí. Es posible que se haya movido, renombrado o eliminado.</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../casefile/ui/workers.py" line="-222"/>
        <source>Unexpected error: {what}</source>
        <extracomment>Progress reports closer together than this are merged: a service may report every 1 MiB chunk, and flooding the event loop would stall the UI it serves. The work is over, its outcome not yet told: a progress display closes now, not behind the report or error the outcome&apos;s handlers put up. Running jobs, so Python keeps them alive until they finish.</extracomment>
        <translation>Error inesperado: {what}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../casefile/ui/language.py" line="-69"/>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show this help message and exit</source>
        <translation>mostrar esta ayuda y salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the following arguments are required: %s</source>
        <translation>faltan los siguientes argumentos: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected at least one argument</source>
        <translation>se esperaba al menos un argumento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected at most one argument</source>
        <translation>se esperaba como máximo un argumento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s puede corresponder a %(matches)s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not allowed with argument %s</source>
        <translation>no se permite junto con el argumento %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of the arguments %s is required</source>
        <translation>se requiere uno de los argumentos %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignored explicit argument %r</source>
        <translation>se ignoró el argumento explícito %r</translation>
    </message>
</context>
</TS>
