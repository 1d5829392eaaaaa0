<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DestructiveOperation</name>
    <message>
        <source>drops table %1</source>
        <translation>löscht Tabelle %1</translation>
    </message>
    <message>
        <source>drops column %1</source>
        <translation>löscht Spalte %1</translation>
    </message>
    <message>
        <source>changes the type of %1</source>
        <translation>ändert den Typ von %1</translation>
    </message>
    <message>
        <source>makes %1 NOT NULL</source>
        <translation>setzt %1 auf NOT NULL</translation>
    </message>
    <message>
        <source>truncates %1</source>
        <translation>leert %1</translation>
    </message>
    <message>
        <source>drops type %1</source>
        <translation>löscht Typ %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>RunStepModel</name>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Anweisungen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for Alembic database migrations</source>
        <translation>Arbeitsumgebung für Datenbankmigrationen mit Alembic</translation>
    </message>
    <message>
        <source>Alembic project to open.</source>
        <translation>Zu öffnendes Alembic-Projekt.</translation>
    </message>
    <message>
        <source>[project]</source>
        <translation>[projekt]</translation>
    </message>
    <message>
        <source>Do not start the embedded PostgreSQL sandbox.</source>
        <translation>Die eingebaute PostgreSQL-Sandbox nicht starten.</translation>
    </message>
</context>
<context>
    <name>retort::AboutText</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>A workbench for Alembic database migrations.</source>
        <translation>Eine Arbeitsumgebung für Datenbankmigrationen mit Alembic.</translation>
    </message>
</context>
<context>
    <name>retort::AlembicBridge</name>
    <message>
        <source>The Alembic helper was shut down before it answered %1.</source>
        <translation>Der Alembic-Helfer wurde beendet, bevor er %1 beantwortet hat.</translation>
    </message>
    <message>
        <source>Retort cannot write its Alembic helper: %1</source>
        <translation>Retort kann seinen Alembic-Helfer nicht schreiben: %1</translation>
    </message>
    <message>
        <source>it crashed or was killed</source>
        <translation>er ist abgestürzt oder wurde beendet</translation>
    </message>
    <message>
        <source>it exited with code %1</source>
        <translation>er wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>The Alembic helper printed something that is not an answer: “%1”</source>
        <translation>Der Alembic-Helfer hat etwas ausgegeben, das keine Antwort ist: „%1“</translation>
    </message>
    <message>
        <source>The Alembic helper answered a request Retort did not send (%1).</source>
        <translation>Der Alembic-Helfer hat eine Anfrage beantwortet, die Retort nicht gesendet hat (%1).</translation>
    </message>
    <message>
        <source>The Alembic helper skipped request %1.</source>
        <translation>Der Alembic-Helfer hat die Anfrage %1 übersprungen.</translation>
    </message>
    <message>
        <source>Alembic did not answer %1 within %2 s; Retort restarted its helper.</source>
        <translation>Alembic hat %1 nicht innerhalb von %2 s beantwortet; Retort hat seinen Helfer neu gestartet.</translation>
    </message>
    <message>
        <source>Something in the project (env.py or a revision module) may wait for a database or for input.</source>
        <translation>Etwas im Projekt (env.py oder ein Revisionsmodul) wartet vielleicht auf eine Datenbank oder eine Eingabe.</translation>
    </message>
    <message>
        <source>Cannot start the Python interpreter %1: %2</source>
        <translation>Der Python-Interpreter %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The Python interpreter %1 could not run Retort&apos;s Alembic helper (%2).</source>
        <translation>Der Python-Interpreter %1 konnte Retorts Alembic-Helfer nicht ausführen (%2).</translation>
    </message>
    <message>
        <source>The Alembic helper stopped while answering %1: %2.</source>
        <translation>Der Alembic-Helfer wurde beim Beantworten von %1 beendet: %2.</translation>
    </message>
    <message>
        <source>Retort restarted the helper; try again.</source>
        <translation>Retort hat den Helfer neu gestartet; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Retort needs Python 3.6 or newer with Alembic installed. Choose another interpreter in Alembic ▸ Python Interpreter.</source>
        <translation>Retort braucht Python 3.6 oder neuer mit installiertem Alembic. Wählen Sie unter Alembic ▸ Python-Interpreter einen anderen Interpreter.</translation>
    </message>
    <message>
        <source>Install Alembic for this interpreter (in a virtual environment: `%1 -m pip install alembic`; for Debian&apos;s /usr/bin/python3: `apt install python3-alembic`), or choose another interpreter in Alembic ▸ Python Interpreter.</source>
        <translation>Installieren Sie Alembic für diesen Interpreter (in einer virtuellen Umgebung: `%1 -m pip install alembic`; für Debians /usr/bin/python3: `apt install python3-alembic`) oder wählen Sie unter Alembic ▸ Python-Interpreter einen anderen Interpreter.</translation>
    </message>
    <message>
        <source>Something in the project&apos;s code wrote to the helper&apos;s protocol stream. Retort restarted the helper.</source>
        <translation>Etwas im Code des Projekts hat in den Protokollkanal des Helfers geschrieben. Retort hat den Helfer neu gestartet.</translation>
    </message>
</context>
<context>
    <name>retort::AlembicService</name>
    <message>
        <source>Alembic could not load the project: %1</source>
        <translation>Alembic konnte das Projekt nicht laden: %1</translation>
    </message>
</context>
<context>
    <name>retort::AlembicWorkbench</name>
    <message>
        <source>&amp;Alembic</source>
        <translation>Ale&amp;mbic</translation>
    </message>
    <message>
        <source>&amp;New Revision…</source>
        <translation>&amp;Neue Revision…</translation>
    </message>
    <message>
        <source>&amp;Merge Heads…</source>
        <translation>Heads &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>&amp;Python Interpreter…</source>
        <translation>&amp;Python-Interpreter…</translation>
    </message>
    <message>
        <source>Alembic wrote %1</source>
        <translation>Alembic hat %1 geschrieben</translation>
    </message>
    <message>
        <source>Alembic could not create the revision: %1</source>
        <translation>Alembic konnte die Revision nicht anlegen: %1</translation>
    </message>
    <message>
        <source>Alembic</source>
        <translation>Alembic</translation>
    </message>
    <message>
        <source>Alembic could not create the revision.</source>
        <translation>Alembic konnte die Revision nicht anlegen.</translation>
    </message>
    <message>
        <source>down_revision = %1</source>
        <translation>down_revision = %1</translation>
    </message>
    <message>
        <source>branch_labels = %1</source>
        <translation>branch_labels = %1</translation>
    </message>
    <message>
        <source>depends_on = %1</source>
        <translation>depends_on = %1</translation>
    </message>
    <message>
        <source>Alembic evaluated what Retort could not read in %1: %2</source>
        <translation>Alembic hat ausgewertet, was Retort in %1 nicht lesen konnte: %2</translation>
    </message>
    <message>
        <source>Python for %1: %2 (%3)</source>
        <translation>Python für %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Python: %1 (%2)</source>
        <translation>Python: %1 (%2)</translation>
    </message>
    <message>
        <source>⚠ No usable Python: %1</source>
        <translation>⚠ Kein nutzbares Python: %1</translation>
    </message>
    <message>
        <source>Starting Alembic in %1…</source>
        <translation>Alembic wird in %1 gestartet…</translation>
    </message>
    <message>
        <source>⚠ No Alembic in %1</source>
        <translation>⚠ Kein Alembic in %1</translation>
    </message>
    <message>
        <source>Install Alembic there, or choose another interpreter in Alembic ▸ Python Interpreter.</source>
        <translation>Installieren Sie dort Alembic oder wählen Sie unter Alembic ▸ Python-Interpreter einen anderen Interpreter.</translation>
    </message>
    <message>
        <source>Python %1 · Alembic %2 · SQLAlchemy %3</source>
        <translation>Python %1 · Alembic %2 · SQLAlchemy %3</translation>
    </message>
    <message>
        <source>Alembic could not load the project: %1</source>
        <translation>Alembic konnte das Projekt nicht laden: %1</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s), both included</source>
        <translation>
            <numerusform>%n Revision, beide eingeschlossen</numerusform>
            <numerusform>%n Revisionen, beide eingeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Merge Selected Heads…</source>
        <translation>Ausgewählte Heads &amp;zusammenführen…</translation>
    </message>
</context>
<context>
    <name>retort::CodeEditor</name>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line number (1–%1):</source>
        <translation>Zeilennummer (1–%1):</translation>
    </message>
</context>
<context>
    <name>retort::ComposeServiceStarter</name>
    <message>
        <source>docker compose up -d %1 (%2) did not finish within %3 s</source>
        <translation>docker compose up -d %1 (%2) ist nicht innerhalb von %3 s fertig geworden</translation>
    </message>
    <message>
        <source>the service “%1” of %2</source>
        <translation>der Dienst „%1“ aus %2</translation>
    </message>
    <message>
        <source>%1 is still starting; cancel it first</source>
        <translation>%1 wird noch gestartet; brechen Sie das zuerst ab</translation>
    </message>
    <message>
        <source>The docker command was not found (PATH), so %1 cannot be started</source>
        <translation>Der Befehl docker wurde nicht gefunden (PATH), daher kann %1 nicht gestartet werden</translation>
    </message>
    <message>
        <source>docker crashed</source>
        <translation>docker ist abgestürzt</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>docker compose up -d %1 (%2) failed: %3%4</source>
        <translation>docker compose up -d %1 (%2) ist fehlgeschlagen: %3%4</translation>
    </message>
    <message>
        <source>docker could not be started for %1: %2</source>
        <translation>docker konnte für %1 nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 did not accept PostgreSQL connections at %2:%3 within %4 s: %5</source>
        <translation>%1 hat innerhalb von %4 s keine PostgreSQL-Verbindungen auf %2:%3 angenommen: %5</translation>
    </message>
    <message>
        <source>Starting %1 was cancelled</source>
        <translation>Der Start von %1 wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>retort::ConnectionTester</name>
    <message>
        <source>service “%1”</source>
        <translation>Dienst „%1“</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>the server refused the password for user “%1” (wrong password)</source>
        <translation>der Server hat das Passwort für den Benutzer „%1“ abgelehnt (falsches Passwort)</translation>
    </message>
    <message>
        <source>the server asks for a password for user “%1” and none was given</source>
        <translation>der Server verlangt ein Passwort für den Benutzer „%1“, es wurde aber keins angegeben</translation>
    </message>
    <message>
        <source>the server has no user (role) “%1”</source>
        <translation>der Server kennt keinen Benutzer (Rolle) „%1“</translation>
    </message>
    <message>
        <source>the database “%1” does not exist on %2</source>
        <translation>die Datenbank „%1“ gibt es auf %2 nicht</translation>
    </message>
    <message>
        <source>the server does not accept TLS, but this profile requires it (sslmode=%1)</source>
        <translation>der Server nimmt kein TLS an, dieses Profil verlangt es aber (sslmode=%1)</translation>
    </message>
    <message>
        <source>a TLS problem with %1: %2</source>
        <translation>ein TLS-Problem mit %1: %2</translation>
    </message>
    <message>
        <source>the host name “%1” is unknown (DNS could not resolve it)</source>
        <translation>der Hostname „%1“ ist unbekannt (DNS konnte ihn nicht auflösen)</translation>
    </message>
    <message>
        <source>nothing accepts connections at %1 (connection refused: is the server running?)</source>
        <translation>auf %1 nimmt nichts Verbindungen an (Verbindung abgelehnt: Läuft der Server?)</translation>
    </message>
    <message>
        <source>%1 did not answer in time (timeout: a firewall, or the wrong address)</source>
        <translation>%1 hat nicht rechtzeitig geantwortet (Zeitüberschreitung: eine Firewall oder die falsche Adresse)</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the server does not allow user “%1” to connect from here (pg_hba.conf)</source>
        <translation>der Server erlaubt dem Benutzer „%1“ keine Verbindung von hier (pg_hba.conf)</translation>
    </message>
    <message>
        <source>the connection failed: %1</source>
        <translation>die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the SQLite file %1 does not exist</source>
        <translation>die SQLite-Datei %1 gibt es nicht</translation>
    </message>
    <message>
        <source>the SQLite file %1 cannot be read</source>
        <translation>die SQLite-Datei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the SQLite file is there</source>
        <translation>die SQLite-Datei ist vorhanden</translation>
    </message>
    <message>
        <source>connected to PostgreSQL %1 at %2</source>
        <translation>mit PostgreSQL %1 auf %2 verbunden</translation>
    </message>
</context>
<context>
    <name>retort::DatabaseWorkbench</name>
    <message>
        <source>sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>sandbox · %1</source>
        <translation>Sandbox · %1</translation>
    </message>
    <message>
        <source>The schema could not be read: %1</source>
        <translation>Das Schema konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The sandbox database %1 is upgraded to heads</source>
        <translation>Die Sandbox-Datenbank %1 ist auf die Heads aktualisiert</translation>
    </message>
    <message>
        <source>Alembic could not upgrade the sandbox: %1</source>
        <translation>Alembic konnte die Sandbox nicht aktualisieren: %1</translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>Upgrading the sandbox…</source>
        <translation>Sandbox wird aktualisiert…</translation>
    </message>
    <message>
        <source>Upgrading the new sandbox database %1 to heads</source>
        <translation>Die neue Sandbox-Datenbank %1 wird auf die Heads aktualisiert</translation>
    </message>
    <message>
        <source>⚠ Sandbox unreachable</source>
        <translation>⚠ Sandbox nicht erreichbar</translation>
    </message>
    <message>
        <source>◉ Sandbox: %1</source>
        <translation>◉ Sandbox: %1</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Retort&apos;s private PostgreSQL (%1), database %2</source>
        <translation>Retorts privates PostgreSQL (%1), Datenbank %2</translation>
    </message>
    <message>
        <source>Sandbox (Retort&apos;s PostgreSQL)</source>
        <translation>Sandbox (Retorts PostgreSQL)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>Noch nicht verbunden</translation>
    </message>
    <message>
        <source>No containers: %1</source>
        <translation>Keine Container: %1</translation>
    </message>
    <message numerus="yes">
        <source>Found %n PostgreSQL container(s)</source>
        <translation>
            <numerusform>%n PostgreSQL-Container gefunden</numerusform>
            <numerusform>%n PostgreSQL-Container gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>◉ SQLite sandbox</source>
        <translation>◉ SQLite-Sandbox</translation>
    </message>
    <message>
        <source>The PostgreSQL sandbox could not start (%1); using an SQLite file instead: %2</source>
        <translation>Die PostgreSQL-Sandbox konnte nicht starten (%1); stattdessen wird eine SQLite-Datei verwendet: %2</translation>
    </message>
    <message>
        <source>SQLite sandbox · %1</source>
        <translation>SQLite-Sandbox · %1</translation>
    </message>
    <message>
        <source>◉ SQLite sandbox: %1</source>
        <translation>◉ SQLite-Sandbox: %1</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>◉ %1: %2</source>
        <translation>◉ %1: %2</translation>
    </message>
    <message>
        <source>%1, database %2 as %3</source>
        <translation>%1, Datenbank %2 als %3</translation>
    </message>
    <message>
        <source>⚠ %1 unreachable</source>
        <translation>⚠ %1 nicht erreichbar</translation>
    </message>
    <message>
        <source>The schema pane shows %1, a %2 database</source>
        <translation>Der Schema-Bereich zeigt %1, eine Datenbank der Umgebung „%2“</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>no published port</source>
        <translation>kein veröffentlichter Port</translation>
    </message>
    <message>
        <source>The service “%1” of %2 publishes no host port for PostgreSQL (5432), so Retort cannot reach it; add ports: [&quot;5432:5432&quot;] to it</source>
        <translation>Der Dienst „%1“ aus %2 veröffentlicht keinen Host-Port für PostgreSQL (5432), daher kann Retort ihn nicht erreichen; ergänzen Sie dort ports: [&quot;5432:5432&quot;]</translation>
    </message>
    <message>
        <source>Starting the service “%1” of %2</source>
        <translation>Der Dienst „%1“ aus %2 wird gestartet</translation>
    </message>
    <message>
        <source>Starting %1: docker compose up -d %1…</source>
        <translation>%1 wird gestartet: docker compose up -d %1…</translation>
    </message>
    <message>
        <source>Waiting for %1 to accept connections on port %2 (up to %3 s)…</source>
        <translation>Warten, bis %1 Verbindungen auf Port %2 annimmt (bis zu %3 s)…</translation>
    </message>
    <message>
        <source>%1 accepts connections at %2</source>
        <translation>%1 nimmt Verbindungen auf %2 an</translation>
    </message>
    <message>
        <source>no alembic_version</source>
        <translation>keine alembic_version</translation>
    </message>
    <message>
        <source>⚠ %1: login refused</source>
        <translation>⚠ %1: Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>The sandbox has not started yet.</source>
        <translation>Die Sandbox ist noch nicht gestartet.</translation>
    </message>
    <message>
        <source>Sandbox · %1</source>
        <translation>Sandbox · %1</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Choose a database in the schema pane first.</source>
        <translation>Wählen Sie zuerst eine Datenbank im Schema-Bereich.</translation>
    </message>
</context>
<context>
    <name>retort::EditorTabs</name>
    <message>
        <source>No file to open.</source>
        <translation>Keine Datei zum Öffnen.</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them?</source>
        <translation>„%1“ hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>“%1” was deleted or moved by another program. Your text is kept here; save to write the file again.</source>
        <translation>„%1“ wurde von einem anderen Programm gelöscht oder verschoben. Ihr Text bleibt hier erhalten; speichern Sie, um die Datei neu zu schreiben.</translation>
    </message>
    <message>
        <source>“%1” was changed by another program and has been reloaded. Undo brings back the previous text.</source>
        <translation>„%1“ wurde von einem anderen Programm geändert und neu geladen. „Rückgängig“ stellt den vorherigen Text wieder her.</translation>
    </message>
    <message>
        <source>“%1” was changed by another program, and you have unsaved changes.</source>
        <translation>„%1“ wurde von einem anderen Programm geändert, und Sie haben ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>“%1” was changed by another program.</source>
        <translation>„%1“ wurde von einem anderen Programm geändert.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Replace the text here with the file on disk (Undo brings it back)</source>
        <translation>Den Text hier durch die Datei auf dem Datenträger ersetzen („Rückgängig“ holt ihn zurück)</translation>
    </message>
    <message>
        <source>&amp;Keep My Version</source>
        <translation>Meine Version &amp;behalten</translation>
    </message>
    <message>
        <source>Keep this text; saving will overwrite the file on disk</source>
        <translation>Diesen Text behalten; Speichern überschreibt die Datei auf dem Datenträger</translation>
    </message>
</context>
<context>
    <name>retort::FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Groß-/&amp;Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>Nur ganze &amp;Wörter</translation>
    </message>
    <message>
        <source>Re&amp;gular expression</source>
        <translation>&amp;Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Vorheriger</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+Enter)</source>
        <translation>Vorherigen Treffer suchen (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Nächster</translation>
    </message>
    <message>
        <source>Find the next match (Enter)</source>
        <translation>Nächsten Treffer suchen (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>&amp;Alle ersetzen</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Replaced 1 match</source>
        <translation>1 Treffer ersetzt</translation>
    </message>
    <message>
        <source>Replaced %1 matches</source>
        <translation>%1 Treffer ersetzt</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
</context>
<context>
    <name>retort::GraphLaneDelegate</name>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation>doppelte ID</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>retort::InterpreterDialog</name>
    <message>
        <source>Python Interpreter</source>
        <translation>Python-Interpreter</translation>
    </message>
    <message>
        <source>Retort runs Alembic in this interpreter to show SQL and to create revisions. It needs Alembic installed there.</source>
        <translation>Retort führt Alembic in diesem Interpreter aus, um SQL zu zeigen und Revisionen anzulegen. Dort muss Alembic installiert sein.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Automatic (now %1)</source>
        <translation>Automatisch (derzeit %1)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a Python interpreter</source>
        <translation>Python-Interpreter wählen</translation>
    </message>
</context>
<context>
    <name>retort::InterpreterLocator</name>
    <message>
        <source>chosen explicitly</source>
        <translation>ausdrücklich gewählt</translation>
    </message>
    <message>
        <source>the project&apos;s virtual environment</source>
        <translation>die virtuelle Umgebung des Projekts</translation>
    </message>
    <message>
        <source>$VIRTUAL_ENV</source>
        <translation>$VIRTUAL_ENV</translation>
    </message>
    <message>
        <source>poetry&apos;s environment</source>
        <translation>die Umgebung von poetry</translation>
    </message>
    <message>
        <source>the alembic command&apos;s interpreter</source>
        <translation>der Interpreter des alembic-Befehls</translation>
    </message>
    <message>
        <source>the system interpreter</source>
        <translation>der System-Interpreter</translation>
    </message>
</context>
<context>
    <name>retort::LogView</name>
    <message>
        <source>warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>error: </source>
        <translation>Fehler: </translation>
    </message>
</context>
<context>
    <name>retort::MainWindow</name>
    <message>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt &amp;öffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Retort</source>
        <translation>Ü&amp;ber Retort</translation>
    </message>
    <message>
        <source>About Retort</source>
        <translation>Über Retort</translation>
    </message>
    <message>
        <source>%1 — Retort</source>
        <translation>%1 — Retort</translation>
    </message>
    <message>
        <source>not an Alembic project: no alembic.ini, script directory or versions folder</source>
        <translation>kein Alembic-Projekt: weder alembic.ini noch Skriptverzeichnis noch versions-Ordner</translation>
    </message>
    <message>
        <source>Open Alembic Project</source>
        <translation>Alembic-Projekt öffnen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;Reload Project</source>
        <translation>Projekt &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Rescanned %1: %n revision(s)</source>
        <translation>
            <numerusform>%1 neu eingelesen: %n Revision</numerusform>
            <numerusform>%1 neu eingelesen: %n Revisionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n revision(s)</source>
        <translation>
            <numerusform>%1 geöffnet: %n Revision</numerusform>
            <numerusform>%1 geöffnet: %n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <source>No project open — File ▸ Open Project…</source>
        <translation>Kein Projekt geöffnet — Datei ▸ Projekt öffnen…</translation>
    </message>
    <message>
        <source>Double-click a revision in the graph, a file in Files or a problem to open it here.</source>
        <translation>Doppelklicken Sie auf eine Revision im Graphen, eine Datei unter „Dateien“ oder ein Problem, um sie hier zu öffnen.</translation>
    </message>
    <message>
        <source>Revision Graph</source>
        <translation>Revisionsgraph</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>&amp;Alle speichern</translation>
    </message>
    <message>
        <source>&amp;Close File</source>
        <translation>Datei &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Weitersuc&amp;hen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>R&amp;ückwärts suchen</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>&amp;Find Revision…</source>
        <translation>Revision &amp;suchen…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Next &amp;Head</source>
        <translation>Nächster &amp;Head</translation>
    </message>
    <message>
        <source>Next &amp;Base</source>
        <translation>Nächste &amp;Basis</translation>
    </message>
    <message>
        <source>&amp;Parent Revision</source>
        <translation>&amp;Elternrevision</translation>
    </message>
    <message>
        <source>&amp;Child Revision</source>
        <translation>&amp;Kindrevision</translation>
    </message>
    <message>
        <source>&amp;Open Revision File</source>
        <translation>Revisionsdatei ö&amp;ffnen</translation>
    </message>
    <message>
        <source>%1 is hidden by the graph&apos;s filter</source>
        <translation>%1 ist durch den Filter des Graphen ausgeblendet</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Reloaded %1 after a change on disk</source>
        <translation>%1 nach einer Änderung auf der Festplatte neu geladen</translation>
    </message>
    <message>
        <source>%1 has no file: it is named as a down revision but not defined</source>
        <translation>%1 hat keine Datei: Sie wird als Vorgängerrevision genannt, aber nirgends definiert</translation>
    </message>
    <message>
        <source>%1 is not an Alembic project: it has no alembic.ini, script directory or versions folder</source>
        <translation>%1 ist kein Alembic-Projekt: Es gibt weder alembic.ini noch Skriptverzeichnis noch versions-Ordner</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n head(s): %1</source>
        <translation>
            <numerusform>%n Head: %1</numerusform>
            <numerusform>%n Heads: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>retort::MergeHeadsDialog</name>
    <message>
        <source>Merge Heads</source>
        <translation>Heads zusammenführen</translation>
    </message>
    <message>
        <source>Alembic writes a merge revision whose parents are the checked heads.</source>
        <translation>Alembic schreibt eine Merge-Revision, deren Eltern die angehakten Heads sind.</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>merge heads</source>
        <translation>merge heads</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Branch label:</source>
        <translation>&amp;Branch-Label:</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Check at least two heads</source>
        <translation>Haken Sie mindestens zwei Heads an</translation>
    </message>
</context>
<context>
    <name>retort::MigrationEditor</name>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2.</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2.</source>
        <translation>„%1“ konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2. Your changes are still here in the editor.</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2. Ihre Änderungen sind weiterhin im Editor.</translation>
    </message>
</context>
<context>
    <name>retort::NewRevisionDialog</name>
    <message>
        <source>New Revision</source>
        <translation>Neue Revision</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>%1 (head)</source>
        <translation>%1 (Head)</translation>
    </message>
    <message>
        <source>base (first revision)</source>
        <translation>Basis (erste Revision)</translation>
    </message>
    <message>
        <source>%1 (starts a branch)</source>
        <translation>%1 (beginnt einen Zweig)</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>&amp;Eltern:</translation>
    </message>
    <message>
        <source>&amp;Splice: allow a parent that is not a head</source>
        <translation>&amp;Splice: eine Elternrevision erlauben, die kein Head ist</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Branch label:</source>
        <translation>&amp;Branch-Label:</translation>
    </message>
    <message>
        <source>&amp;Autogenerate from the database (env.py must reach it)</source>
        <translation>Aus der Datenbank &amp;automatisch erzeugen (env.py muss sie erreichen)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
</context>
<context>
    <name>retort::NotificationBar</name>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>retort::PasswordDialog</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>%1 (%2) needs a password.</source>
        <translation>%1 (%2) braucht ein Passwort.</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Re&amp;member in the keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Looking for a keychain…</source>
        <translation>Schlüsselbund wird gesucht…</translation>
    </message>
    <message>
        <source>The password is kept in memory for this session only: %1.</source>
        <translation>Das Passwort bleibt nur für diese Sitzung im Speicher: %1.</translation>
    </message>
</context>
<context>
    <name>retort::PasswordPrompter</name>
    <message>
        <source>The password for %1 is kept in the keychain</source>
        <translation>Das Passwort für %1 ist im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>The keychain did not take the password for %1 (%2): it is kept in memory for this session only</source>
        <translation>Der Schlüsselbund hat das Passwort für %1 nicht angenommen (%2): Es bleibt nur für diese Sitzung im Speicher</translation>
    </message>
    <message>
        <source>The password for %1 is kept in memory for this session only: %2</source>
        <translation>Das Passwort für %1 bleibt nur für diese Sitzung im Speicher: %2</translation>
    </message>
</context>
<context>
    <name>retort::ProblemsView</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
</context>
<context>
    <name>retort::ProfileDialog</name>
    <message>
        <source>Connection Profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Remote PostgreSQL</source>
        <translation>Entferntes PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>Sandbox (made by Retort)</source>
        <translation>Sandbox (von Retort angelegt)</translation>
    </message>
    <message>
        <source>Docker container (made by Retort)</source>
        <translation>Docker-Container (von Retort angelegt)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>⚠ Production: runs will ask you to type the database name.</source>
        <translation>⚠ Produktion: Läufe verlangen den Datenbanknamen zur Bestätigung.</translation>
    </message>
    <message>
        <source>Host and port</source>
        <translation>Host und Port</translation>
    </message>
    <message>
        <source>libpq service (pg_service.conf)</source>
        <translation>libpq-Dienst (pg_service.conf)</translation>
    </message>
    <message>
        <source>Connect &amp;via:</source>
        <translation>&amp;Verbinden über:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>default (5432)</source>
        <translation>Standard (5432)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>a [section] of pg_service.conf</source>
        <translation>ein [Abschnitt] der pg_service.conf</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Benutz&amp;er:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation>SS&amp;L-Modus:</translation>
    </message>
    <message>
        <source>optional, for verify-ca and verify-full</source>
        <translation>optional, für verify-ca und verify-full</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Root certificate:</source>
        <translation>&amp;Stammzertifikat:</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>not stored in the profile</source>
        <translation>wird nicht im Profil gespeichert</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Re&amp;member in the keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>from the service</source>
        <translation>aus dem Dienst</translation>
    </message>
    <message>
        <source>No keychain is available: the password is kept for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort gilt nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Root Certificate</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>SQLite Database</source>
        <translation>SQLite-Datenbank</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>retort::RecentProjectsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>retort::RevisionDetailsPanel</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>Select a revision to see its details.</source>
        <translation>Wählen Sie eine Revision aus, um ihre Details zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>No revision file defines this id, but %n revision(s) name it as down_revision.</source>
        <translation>
            <numerusform>Keine Revisionsdatei definiert diese ID, aber %n Revision nennt sie als down_revision.</numerusform>
            <numerusform>Keine Revisionsdatei definiert diese ID, aber %n Revisionen nennen sie als down_revision.</numerusform>
        </translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Nachfolger</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnosen</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(keine Nachricht)</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Required by</source>
        <translation>Benötigt von</translation>
    </message>
    <message>
        <source>inherited</source>
        <translation>geerbt</translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation>Branch-Labels</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>retort::RevisionFileList</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>retort::RevisionGraphModel</name>
    <message>
        <source>Revision %1 is not present; named as down_revision by %2</source>
        <translation>Revision %1 fehlt; %2 nennt sie als down_revision</translation>
    </message>
    <message>
        <source>%1 … %2: double-click to expand</source>
        <translation>%1 … %2: zum Aufklappen doppelklicken</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation>Branch-Labels</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message numerus="yes">
        <source>%n more revision(s) — double-click to expand</source>
        <translation>
            <numerusform>%n weitere Revision — zum Aufklappen doppelklicken</numerusform>
            <numerusform>%n weitere Revisionen — zum Aufklappen doppelklicken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::RevisionGraphPanel</name>
    <message>
        <source>Search id prefix, message or label</source>
        <translation>ID-Anfang, Nachricht oder Label suchen</translation>
    </message>
    <message>
        <source>▲</source>
        <translation>▲</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>▼</source>
        <translation>▼</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only matching revisions</source>
        <translation>Nur passende Revisionen anzeigen</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Jump to the next head</source>
        <translation>Zum nächsten Head springen</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Jump to the next base</source>
        <translation>Zur nächsten Basis springen</translation>
    </message>
    <message>
        <source>Oldest on top</source>
        <translation>Älteste oben</translation>
    </message>
    <message>
        <source>Show the oldest revisions on top</source>
        <translation>Die ältesten Revisionen oben anzeigen</translation>
    </message>
    <message>
        <source>Collapse runs</source>
        <translation>Ketten einklappen</translation>
    </message>
    <message>
        <source>Collapse long linear runs of revisions into one row</source>
        <translation>Lange lineare Ketten von Revisionen zu einer Zeile einklappen</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, Ctrl+wheel)</source>
        <translation>Verkleinern (Strg+-, Strg+Mausrad)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, Ctrl+wheel)</source>
        <translation>Vergrößern (Strg++, Strg+Mausrad)</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::RunPanel</name>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Run the remaining steps</source>
        <translation>Die restlichen Schritte ausführen</translation>
    </message>
    <message>
        <source>Next Step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Run one more step, then pause</source>
        <translation>Noch einen Schritt ausführen, dann pausieren</translation>
    </message>
    <message>
        <source>Pause After Step</source>
        <translation>Nach Schritt pausieren</translation>
    </message>
    <message>
        <source>Pause when the running step ends</source>
        <translation>Pausieren, sobald der laufende Schritt endet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running statement on the server and stop the run</source>
        <translation>Die laufende Anweisung auf dem Server abbrechen und den Lauf beenden</translation>
    </message>
    <message>
        <source>Select a step to see its statements</source>
        <translation>Wählen Sie einen Schritt, um seine Anweisungen zu sehen</translation>
    </message>
    <message>
        <source>checking the plan with Alembic and taking the run lock…</source>
        <translation>Plan wird mit Alembic geprüft und die Sperre für den Lauf gesetzt…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>pausing after this step</source>
        <translation>pausiert nach diesem Schritt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → %2 (%3): %4 of %5 steps done, %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → %2 (%3): %4 von %5 Schritten erledigt, %6</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>; alembic_version: %1</source>
        <translation>; alembic_version: %1</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>alembic_version after the step: %1</source>
        <translation>alembic_version nach dem Schritt: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message numerus="yes">
        <source>, %n row(s)</source>
        <translation>
            <numerusform>, %n Zeile</numerusform>
            <numerusform>, %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>No run yet. Select a revision in the graph and choose Run ▸ Upgrade Database to Here… or Downgrade Database to Here….</source>
        <translation>Noch kein Lauf. Wählen Sie eine Revision im Graphen und dann Lauf ▸ Datenbank bis hierher aktualisieren… oder Datenbank bis hierher zurückstufen….</translation>
    </message>
    <message>
        <source>Runs in the journal, newest first</source>
        <translation>Läufe im Journal, neueste zuerst</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save the shown run as a Markdown or JSON report</source>
        <translation>Den angezeigten Lauf als Markdown- oder JSON-Bericht speichern</translation>
    </message>
    <message>
        <source>Markdown Report…</source>
        <translation>Markdown-Bericht…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>verify %1</source>
        <translation>%1 prüfen</translation>
    </message>
    <message>
        <source>upgrade to %1</source>
        <translation>Upgrade auf %1</translation>
    </message>
    <message>
        <source>downgrade to %1</source>
        <translation>Downgrade auf %1</translation>
    </message>
    <message>
        <source>Show the runs on the database chosen in the schema pane, or on all databases</source>
        <translation>Die Läufe auf der im Schema-Bereich gewählten Datenbank oder auf allen Datenbanken zeigen</translation>
    </message>
    <message>
        <source>#%1 %2 · %3 · %4</source>
        <translation>#%1 %2 · %3 · %4</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Noch keine Läufe</translation>
    </message>
    <message>
        <source>No runs on %1 yet</source>
        <translation>Noch keine Läufe auf %1</translation>
    </message>
    <message>
        <source>Runs on all databases (%1)</source>
        <translation>Läufe auf allen Datenbanken (%1)</translation>
    </message>
    <message>
        <source>Runs on %1 (%2)</source>
        <translation>Läufe auf %1 (%2)</translation>
    </message>
    <message>
        <source>Runs on %1, the database chosen in the schema pane</source>
        <translation>Läufe auf %1, der im Schema-Bereich gewählten Datenbank</translation>
    </message>
    <message>
        <source>All databases</source>
        <translation>Alle Datenbanken</translation>
    </message>
    <message>
        <source>Runs on every database, each named</source>
        <translation>Läufe auf allen Datenbanken, jeweils mit Namen</translation>
    </message>
    <message>
        <source>reading the schema once more for its fingerprint…</source>
        <translation>das Schema wird für seinen Fingerabdruck noch einmal gelesen…</translation>
    </message>
</context>
<context>
    <name>retort::RunPlanDialog</name>
    <message>
        <source>Upgrade Database</source>
        <translation>Datenbank aktualisieren</translation>
    </message>
    <message>
        <source>Downgrade Database</source>
        <translation>Datenbank zurückstufen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;span style=&apos;background:%1;color:white&apos;&gt;&amp;nbsp;%2&amp;nbsp;&lt;/span&gt; &lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%4 from &lt;b&gt;%5&lt;/b&gt; to &lt;b&gt;%6&lt;/b&gt;: %n step(s), one revision each, through the project&apos;s env.py. Alembic&apos;s own plan is compared with this one before the first step.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;span style=&apos;background:%1;color:white&apos;&gt;&amp;nbsp;%2&amp;nbsp;&lt;/span&gt; &lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%4 von &lt;b&gt;%5&lt;/b&gt; auf &lt;b&gt;%6&lt;/b&gt;: %n Schritt mit einer Revision, über die env.py des Projekts. Vor dem ersten Schritt wird Alembics eigener Plan mit diesem verglichen.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;span style=&apos;background:%1;color:white&apos;&gt;&amp;nbsp;%2&amp;nbsp;&lt;/span&gt; &lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%4 von &lt;b&gt;%5&lt;/b&gt; auf &lt;b&gt;%6&lt;/b&gt;: %n Schritte mit je einer Revision, über die env.py des Projekts. Vor dem ersten Schritt wird Alembics eigener Plan mit diesem verglichen.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>alembic_version after it: %1</source>
        <translation>alembic_version danach: %1</translation>
    </message>
    <message>
        <source>Pause after each step</source>
        <translation>Nach jedem Schritt pausieren</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>Server-Standard</translation>
    </message>
    <message>
        <source>lock_timeout for the run: a step that waits longer for a lock fails instead of blocking every query queued behind it (500ms, 5s, 1min)</source>
        <translation>lock_timeout für den Lauf: Ein Schritt, der länger auf eine Sperre wartet, schlägt fehl, statt alle dahinter wartenden Abfragen zu blockieren (500ms, 5s, 1min)</translation>
    </message>
    <message>
        <source>statement_timeout for the run (500ms, 5s, 1min)</source>
        <translation>statement_timeout für den Lauf (500ms, 5s, 1min)</translation>
    </message>
    <message>
        <source>Lock timeout:</source>
        <translation>Zeitlimit für Sperren:</translation>
    </message>
    <message>
        <source>Statement timeout:</source>
        <translation>Zeitlimit für Anweisungen:</translation>
    </message>
    <message>
        <source>This is a production database. Type its name, %1, to run:</source>
        <translation>Dies ist eine Produktionsdatenbank. Geben Sie zum Ausführen ihren Namen (%1) ein:</translation>
    </message>
    <message>
        <source>Run Upgrade</source>
        <translation>Upgrade ausführen</translation>
    </message>
    <message>
        <source>Run Downgrade</source>
        <translation>Downgrade ausführen</translation>
    </message>
    <message>
        <source>-- Alembic is writing this step&apos;s SQL…</source>
        <translation>-- Alembic schreibt das SQL dieses Schritts…</translation>
    </message>
    <message>
        <source>-- No offline SQL for this step: %1</source>
        <translation>-- Kein Offline-SQL für diesen Schritt: %1</translation>
    </message>
    <message>
        <source>Step %1 (%2) %3</source>
        <translation>Schritt %1 (%2) %3</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#c62828&apos;&gt;&lt;b&gt;Destructive operations&lt;/b&gt; (data is lost or tables are rewritten under an exclusive lock):&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p style=&apos;color:#c62828&apos;&gt;&lt;b&gt;Destruktive Operationen&lt;/b&gt; (Daten gehen verloren oder Tabellen werden unter einer exklusiven Sperre neu geschrieben):&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Checking the SQL of %n step(s)…&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Das SQL von %n Schritt wird geprüft…&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Das SQL von %n Schritten wird geprüft…&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b26a00&apos;&gt;&lt;b&gt;Steps to look at&lt;/b&gt;:&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p style=&apos;color:#b26a00&apos;&gt;&lt;b&gt;Schritte zum Ansehen&lt;/b&gt;:&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
</context>
<context>
    <name>retort::RunRecovery</name>
    <message>
        <source>upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>Last alembic_version the journal knows: %1</source>
        <translation>Letzte dem Journal bekannte alembic_version: %1</translation>
    </message>
    <message>
        <source>The database&apos;s alembic_version now: %1</source>
        <translation>Aktuelle alembic_version der Datenbank: %1</translation>
    </message>
    <message>
        <source>The interrupted step&apos;s change is in the database (it committed).</source>
        <translation>Die Änderung des unterbrochenen Schritts ist in der Datenbank (sie wurde committet).</translation>
    </message>
    <message>
        <source>Cannot read %1 to recover run %2: %3</source>
        <translation>%1 kann nicht gelesen werden, um Lauf %2 wiederherzustellen: %3</translation>
    </message>
    <message>
        <source>Interrupted Run</source>
        <translation>Unterbrochener Lauf</translation>
    </message>
    <message>
        <source>Retry from Here…</source>
        <translation>Von hier erneut versuchen…</translation>
    </message>
    <message>
        <source>Stamp…</source>
        <translation>Version eintragen (stamp)…</translation>
    </message>
    <message>
        <source>Close Run</source>
        <translation>Lauf schließen</translation>
    </message>
    <message>
        <source>Close this run as interrupted and plan %1 again from where the database is now</source>
        <translation>Diesen Lauf als unterbrochen schließen und %1 vom aktuellen Stand der Datenbank aus neu planen</translation>
    </message>
    <message>
        <source>Write alembic_version without running any migration (alembic stamp)</source>
        <translation>alembic_version schreiben, ohne eine Migration auszuführen (alembic stamp)</translation>
    </message>
    <message>
        <source>Close this run as interrupted, with the database&apos;s real alembic_version</source>
        <translation>Diesen Lauf als unterbrochen schließen, mit der tatsächlichen alembic_version der Datenbank</translation>
    </message>
    <message>
        <source>interrupted; retried from %1</source>
        <translation>unterbrochen; ab %1 erneut versucht</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Version eintragen (stamp)</translation>
    </message>
    <message>
        <source>interrupted; closed by the user with the database at %1</source>
        <translation>unterbrochen; vom Benutzer geschlossen, Datenbank auf %1</translation>
    </message>
    <message>
        <source>Alembic is not available for this project: nothing was stamped.</source>
        <translation>Alembic ist für dieses Projekt nicht verfügbar: Es wurde keine Version eingetragen.</translation>
    </message>
    <message>
        <source>Stamping %1 failed: %2</source>
        <translation>Das Eintragen der Version in %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Stamped %1 at %2</source>
        <translation>In %1 wurde die Version %2 eingetragen</translation>
    </message>
    <message>
        <source>interrupted; stamped to %1 by the user</source>
        <translation>unterbrochen; Version %1 vom Benutzer eingetragen</translation>
    </message>
    <message>
        <source>Run %1 closed: %2</source>
        <translation>Lauf %1 geschlossen: %2</translation>
    </message>
    <message>
        <source>Run %1 (%2 %3 to %4, started %5 by %6@%7) was interrupted.</source>
        <translation>Lauf %1 (%2 von %3 auf %4, gestartet %5 von %6@%7) wurde unterbrochen.</translation>
    </message>
    <message>
        <source>It stopped in step %1 of %2 (%3 %4).</source>
        <translation>Er blieb in Schritt %1 von %2 stehen (%3 %4).</translation>
    </message>
    <message>
        <source>It stopped before its first step.</source>
        <translation>Er blieb vor seinem ersten Schritt stehen.</translation>
    </message>
    <message>
        <source>The interrupted step did not commit: the database is as it was before that step.</source>
        <translation>Der unterbrochene Schritt wurde nicht festgeschrieben: Die Datenbank ist so wie vor diesem Schritt.</translation>
    </message>
    <message>
        <source>Run %1 ran against %2: choose that database in the schema pane to recover it.</source>
        <translation>Lauf %1 lief gegen %2: Wählen Sie diese Datenbank im Schema-Bereich, um ihn wiederherzustellen.</translation>
    </message>
    <message>
        <source>Write these revisions into alembic_version of %1 (comma-separated):</source>
        <translation>Diese Revisionen in alembic_version von %1 eintragen (durch Kommas getrennt):</translation>
    </message>
</context>
<context>
    <name>retort::RunWorkbench</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;Upgrade Database to Here…</source>
        <translation>Datenbank bis hierher &amp;aktualisieren…</translation>
    </message>
    <message>
        <source>&amp;Downgrade Database to Here…</source>
        <translation>Datenbank bis hierher zu&amp;rückstufen…</translation>
    </message>
    <message>
        <source>Upgrade Database to &amp;Heads…</source>
        <translation>Datenbank auf die &amp;Heads aktualisieren…</translation>
    </message>
    <message>
        <source>&amp;Verify Downgrade of This Revision…</source>
        <translation>Downgrade dieser Revision &amp;prüfen…</translation>
    </message>
    <message>
        <source>Select a revision in the graph first.</source>
        <translation>Wählen Sie zuerst eine Revision im Graphen.</translation>
    </message>
    <message>
        <source>Upgrade, downgrade and compare the schema before and after on the sandbox (or another local database), to prove the downgrade undoes the upgrade</source>
        <translation>In der Sandbox (oder einer anderen lokalen Datenbank) aktualisieren, zurückstufen und das Schema davor und danach vergleichen, um zu belegen, dass das Downgrade das Upgrade rückgängig macht</translation>
    </message>
    <message>
        <source>&amp;Recover Interrupted Run…</source>
        <translation>Unterbrochenen Lauf &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Run %1 on %2 was interrupted. Choose that database and use Run ▸ Recover Interrupted Run… to see where it really is and retry, stamp or close the run.</source>
        <translation>Lauf %1 auf %2 wurde unterbrochen. Wählen Sie diese Datenbank und dann Lauf ▸ Unterbrochenen Lauf wiederherstellen…, um zu sehen, wo sie wirklich steht, und um den Lauf erneut zu versuchen, die Version einzutragen (stamp) oder den Lauf zu schließen.</translation>
    </message>
    <message>
        <source>Upgrade the database shown in the schema pane to the selected revision, one revision per step</source>
        <translation>Die im Schema-Bereich angezeigte Datenbank auf die gewählte Revision aktualisieren, eine Revision pro Schritt</translation>
    </message>
    <message>
        <source>Downgrade the database shown in the schema pane to the selected revision</source>
        <translation>Die im Schema-Bereich angezeigte Datenbank auf die gewählte Revision zurückstufen</translation>
    </message>
    <message>
        <source>A run is in progress: let it finish or cancel it first.</source>
        <translation>Ein Lauf ist im Gange: Lassen Sie ihn erst fertig werden oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Verification upgrades and downgrades the database. %1 is tagged %2: verify on the sandbox or another local database.</source>
        <translation>Die Prüfung aktualisiert die Datenbank und stuft sie wieder zurück. %1 gehört zur Umgebung „%2“: Prüfen Sie in der Sandbox oder einer anderen lokalen Datenbank.</translation>
    </message>
    <message>
        <source>The downgrade of %1 restores the schema on %2.</source>
        <translation>Das Downgrade von %1 stellt das Schema auf %2 wieder her.</translation>
    </message>
    <message>
        <source>Verification of %1 on %2: %3</source>
        <translation>Prüfung von %1 auf %2: %3</translation>
    </message>
    <message>
        <source>There is no database to run on.</source>
        <translation>Es gibt keine Datenbank für einen Lauf.</translation>
    </message>
    <message>
        <source>Retort records every run in its journal, and the journal cannot be written:
%1

Nothing was run.</source>
        <translation>Retort zeichnet jeden Lauf in seinem Journal auf, und das Journal kann nicht geschrieben werden:
%1

Es wurde nichts ausgeführt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1:
%2</source>
        <translation>%1 kann nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <source>%1 is already at %2: nothing to run.</source>
        <translation>%1 steht bereits auf %2: Es gibt nichts auszuführen.</translation>
    </message>
    <message>
        <source>%1 is already at %2.</source>
        <translation>%1 steht bereits auf %2.</translation>
    </message>
    <message>
        <source>Alembic is not available for this project</source>
        <translation>Alembic ist für dieses Projekt nicht verfügbar</translation>
    </message>
    <message>
        <source>Run %1 succeeded: %2 is at %3</source>
        <translation>Lauf %1 erfolgreich: %2 steht auf %3</translation>
    </message>
    <message>
        <source>Run %1 %2: %3</source>
        <translation>Lauf %1 %2: %3</translation>
    </message>
    <message>
        <source>Cannot verify: the run journal is unavailable: %1</source>
        <translation>Prüfen nicht möglich: Das Lauf-Journal ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Cannot run: the run journal is unavailable: %1</source>
        <translation>Lauf nicht möglich: Das Lauf-Journal ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Reading the current revision of %1…</source>
        <translation>Lese die aktuelle Revision von %1…</translation>
    </message>
    <message>
        <source>Cannot plan a run to %1: %2</source>
        <translation>Kein Lauf nach %1 planbar: %2</translation>
    </message>
    <message>
        <source>A run is in progress: its step log stays in view until it ends.</source>
        <translation>Ein Lauf ist im Gang: Sein Schrittprotokoll bleibt sichtbar, bis er endet.</translation>
    </message>
    <message>
        <source>Export Run %1</source>
        <translation>Lauf %1 exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Run %1 written to %2</source>
        <translation>Lauf %1 nach %2 geschrieben</translation>
    </message>
    <message>
        <source>Run %1 is not in the journal: %2</source>
        <translation>Lauf %1 ist nicht im Journal: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Downgrade Database One &amp;Step…</source>
        <translation>Datenbank einen &amp;Schritt zurückstufen…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>%1 is at a merge point, where one step down is ambiguous (%2). Which parent should it step down to?</source>
        <translation>%1 steht auf einem Zusammenführungspunkt, an dem ein Schritt zurück mehrdeutig ist (%2). Auf welche Elternrevision soll zurückgestuft werden?</translation>
    </message>
    <message>
        <source>Down to %1</source>
        <translation>Zurück auf %1</translation>
    </message>
    <message>
        <source>Looking for the password of %1 in the keychain…</source>
        <translation>Das Passwort für %1 wird im Schlüsselbund gesucht…</translation>
    </message>
    <message>
        <source>The keychain gave no password for %1 (%2): libpq&apos;s PGPASSWORD and ~/.pgpass apply</source>
        <translation>Der Schlüsselbund lieferte kein Passwort für %1 (%2): es gelten PGPASSWORD und ~/.pgpass von libpq</translation>
    </message>
</context>
<context>
    <name>retort::SchemaPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the database&apos;s schema again</source>
        <translation>Das Schema der Datenbank neu lesen</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Keine Datenbank</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in this database yet: %1</source>
        <translation>Noch nicht in dieser Datenbank: %1</translation>
    </message>
    <message>
        <source>The database whose schema is shown; its colour is its environment</source>
        <translation>Die Datenbank, deren Schema angezeigt wird; ihre Farbe steht für ihre Umgebung</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a connection to a PostgreSQL server or an SQLite file</source>
        <translation>Eine Verbindung zu einem PostgreSQL-Server oder einer SQLite-Datei hinzufügen</translation>
    </message>
    <message>
        <source>Find Containers</source>
        <translation>Container suchen</translation>
    </message>
    <message>
        <source>Look for PostgreSQL in running Docker or podman containers</source>
        <translation>In laufenden Docker- oder podman-Containern nach PostgreSQL suchen</translation>
    </message>
    <message>
        <source>server and database</source>
        <translation>Server und Datenbank</translation>
    </message>
    <message>
        <source>schemas</source>
        <translation>Schemas</translation>
    </message>
    <message>
        <source>tables and views</source>
        <translation>Tabellen und Views</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>enums</source>
        <translation>Enums</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>Start Database Service…</source>
        <translation>Datenbankdienst starten…</translation>
    </message>
    <message>
        <source>Catalog query %1 of %2</source>
        <translation>Katalogabfrage %1 von %2</translation>
    </message>
    <message>
        <source>Reading %1 (query %2 of %3)…</source>
        <translation>%1 werden gelesen (Abfrage %2 von %3)…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>docker compose up -d a database service of %1 and show its schema</source>
        <translation>Einen Datenbankdienst aus %1 mit docker compose up -d starten und sein Schema zeigen</translation>
    </message>
</context>
<context>
    <name>retort::SchemaTreeModel</name>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message numerus="yes">
        <source>, ~%n row(s)</source>
        <translation>
            <numerusform>, ~%n Zeile</numerusform>
            <numerusform>, ~%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>unique index</source>
        <translation>eindeutiger Index</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>enum (%1)</source>
        <translation>Enum (%1)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>retort::SecretKeeper</name>
    <message>
        <source>Retort was built without keychain support (QtKeychain)</source>
        <translation>Retort wurde ohne Schlüsselbund-Unterstützung (QtKeychain) gebaut</translation>
    </message>
    <message>
        <source>no keychain is configured</source>
        <translation>kein Schlüsselbund eingerichtet</translation>
    </message>
    <message>
        <source>no keychain is available</source>
        <translation>kein Schlüsselbund verfügbar</translation>
    </message>
</context>
<context>
    <name>retort::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>A new language takes effect when Retort is restarted.</source>
        <translation>Eine neue Sprache wird nach einem Neustart von Retort wirksam.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>retort::SqlPreviewPanel</name>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>The SQL that upgrades the database to this revision</source>
        <translation>Das SQL, das die Datenbank auf diese Revision aktualisiert</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>The SQL that downgrades the database from this revision</source>
        <translation>Das SQL, das die Datenbank von dieser Revision zurückstuft</translation>
    </message>
    <message>
        <source>Through env.py</source>
        <translation>Über env.py</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy all of the SQL to the clipboard</source>
        <translation>Das gesamte SQL in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the SQL to a file</source>
        <translation>Das SQL in einer Datei speichern</translation>
    </message>
    <message>
        <source>Select a revision to see its SQL</source>
        <translation>Wählen Sie eine Revision, um ihr SQL zu sehen</translation>
    </message>
    <message>
        <source>Asking Alembic…</source>
        <translation>Alembic wird gefragt…</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s)</source>
        <translation>
            <numerusform>%n Anweisung</numerusform>
            <numerusform>%n Anweisungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Alembic took too long to answer.</source>
        <translation>Alembic hat zu lange für die Antwort gebraucht.</translation>
    </message>
    <message>
        <source>The Alembic helper stopped unexpectedly.</source>
        <translation>Der Alembic-Helfer wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>The Alembic helper gave an answer Retort does not understand.</source>
        <translation>Der Alembic-Helfer hat eine Antwort gegeben, die Retort nicht versteht.</translation>
    </message>
    <message>
        <source>The Python interpreter for this project was not found.</source>
        <translation>Der Python-Interpreter dieses Projekts wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Alembic is not installed for this project&apos;s Python interpreter.</source>
        <translation>Alembic ist für den Python-Interpreter dieses Projekts nicht installiert.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Alembic could not produce the SQL.</source>
        <translation>Alembic konnte das SQL nicht erzeugen.</translation>
    </message>
    <message>
        <source>Traceback (most recent call last):</source>
        <translation>Traceback (letzter Aufruf zuletzt):</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Save SQL</source>
        <translation>SQL speichern</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL-Dateien (*.sql);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not save the SQL to “%1”: %2.</source>
        <translation>Das SQL konnte nicht in „%1“ gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>Saved the SQL to “%1”.</source>
        <translation>Das SQL wurde in „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>The SQL dialect to render the migration for</source>
        <translation>Der SQL-Dialekt, für den die Migration erzeugt wird</translation>
    </message>
    <message>
        <source>Through env.py: the SQL that “alembic upgrade --sql” (or “downgrade --sql”) prints, with the project&apos;s env.py.
Direct: the migration&apos;s operations rendered for the chosen dialect, without env.py.</source>
        <translation>Über env.py: das SQL, das „alembic upgrade --sql“ (oder „downgrade --sql“) mit der env.py des Projekts ausgibt.
Direkt: die Operationen der Migration für den gewählten Dialekt, ohne env.py.</translation>
    </message>
    <message>
        <source>env.py sees this dialect as its database URL (for example postgresql://); offline SQL needs nothing more.</source>
        <translation>env.py erhält diesen Dialekt als Datenbank-URL (zum Beispiel postgresql://); für Offline-SQL genügt das.</translation>
    </message>
</context>
</TS>
