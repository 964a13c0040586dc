<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiError</name>
    <message>
        <source>No error</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>HTTP error</source>
        <translation>HTTP-Fehler</translation>
    </message>
    <message>
        <source>Malformed response</source>
        <translation>Fehlerhafte Antwort</translation>
    </message>
    <message>
        <source>Response too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>Response cut short</source>
        <translation>Antwort unvollständig</translation>
    </message>
    <message>
        <source>Redirect to another origin refused</source>
        <translation>Umleitung zu einem anderen Ursprung abgelehnt</translation>
    </message>
    <message>
        <source>Plain HTTP refused</source>
        <translation>Unverschlüsseltes HTTP abgelehnt</translation>
    </message>
    <message>
        <source>Paging loop</source>
        <translation>Paginierungsschleife</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Kein Token</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>[invalid: %1]</source>
        <translation>[ungültig: %1]</translation>
    </message>
    <message>
        <source>%1 presented a certificate for %2 issued by %3 (SHA-256 %4)</source>
        <translation>%1 hat ein Zertifikat für %2 vorgelegt, ausgestellt von %3 (SHA-256 %4)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>invalid query parameter: name (reason)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ConnectionOptions</name>
    <message>
        <source>Use the built-in demo server (live simulated backups; no account needed).</source>
        <translation>Integrierten Demo-Server verwenden (simulierte Sicherungen in Echtzeit; kein Konto erforderlich).</translation>
    </message>
    <message>
        <source>The Astra Control URL, e.g. https://astra.example.com.</source>
        <translation>Die URL von Astra Control, z. B. https://astra.example.com.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The Astra Control account id.</source>
        <translation>Die ID des Astra Control-Kontos.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Read the API token from the first line of &lt;file&gt; (else $ASTRA_TOKEN).</source>
        <translation>API-Token aus der ersten Zeile von &lt;Datei&gt; lesen (sonst $ASTRA_TOKEN).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Ask for &lt;n&gt; tasks per page (limit=n); default: no paging.</source>
        <translation>&lt;n&gt; Aufgaben pro Seite anfordern (limit=n); Standard: keine Paginierung.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Allow plain http to a host that is not this machine (the token travels unencrypted).</source>
        <translation>Unverschlüsseltes http zu einem anderen Host als diesem Rechner erlauben (das Token wird unverschlüsselt übertragen).</translation>
    </message>
    <message>
        <source>Give up on a request after &lt;s&gt; seconds without data (default 30).</source>
        <translation>Anfrage nach &lt;s&gt; Sekunden ohne Daten aufgeben (Standard: 30).</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>--page-size takes a whole number of at least 1</source>
        <translation>--page-size erwartet eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds between 0 and 3600</source>
        <translation>--timeout erwartet eine Anzahl Sekunden zwischen 0 und 3600</translation>
    </message>
    <message>
        <source>--demo and --url exclude each other</source>
        <translation>--demo und --url schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>cannot start the demo server: %1</source>
        <translation>der Demo-Server kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>say where the tasks come from: --url URL --account ID, or --demo</source>
        <translation>geben Sie an, woher die Aufgaben kommen: --url URL --account ID oder --demo</translation>
    </message>
    <message>
        <source>--url: not an http(s) URL: %1</source>
        <translation>--url: keine http(s)-URL: %1</translation>
    </message>
    <message>
        <source>--url needs --account ID</source>
        <translation>--url benötigt --account ID</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>die Standardausgabe ist nicht beschreibbar: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Astra Control tasks without a display.</source>
        <translation>Astra Control-Aufgaben ohne Anzeige exportieren.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Output format: json (default) or tree.</source>
        <translation>Ausgabeformat: json (Standard) oder tree.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; (atomically) instead of standard output.</source>
        <translation>In &lt;Datei&gt; (atomar) statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>The export command.</source>
        <translation>Der Befehl export.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use json or tree</source>
        <translation>unbekanntes Format &quot;%1&quot;: json oder tree verwenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>--input excludes --url and --demo: say where the tasks come from once</source>
        <translation>--input schließt --url und --demo aus: geben Sie nur eine Quelle für die Aufgaben an</translation>
    </message>
    <message>
        <source>say where the tasks come from: --input FILE, --url URL --account ID, or --demo</source>
        <translation>geben Sie an, woher die Aufgaben kommen: --input DATEI, --url URL --account ID oder --demo</translation>
    </message>
    <message>
        <source>no API token: use --token-file FILE or set ASTRA_TOKEN</source>
        <translation>kein API-Token: --token-file DATEI verwenden oder ASTRA_TOKEN setzen</translation>
    </message>
    <message>
        <source>Read the task list from &lt;file&gt; (a response to GET .../tasks; - is standard input).</source>
        <translation>Die Aufgabenliste aus &lt;Datei&gt; lesen (eine Antwort auf GET .../tasks; - ist die Standardeingabe).</translation>
    </message>
    <message>
        <source>For items that are arrays of values (a response to include=...): their field names, comma-separated.</source>
        <translation>Für Einträge, die Wertelisten sind (eine Antwort auf include=...): ihre Feldnamen, durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>ResourceUri</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
</context>
<context>
    <name>TaskListParser</name>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>ein unbekannter Wert</translation>
    </message>
    <message>
        <source>expected %1, got %2; left empty</source>
        <translation>erwartet: %1, erhalten: %2; leer gelassen</translation>
    </message>
    <message>
        <source>expected a number, got the text &quot;%1&quot;; read as %2</source>
        <translation>erwartet: eine Zahl, erhalten: der Text &quot;%1&quot;; als %2 gelesen</translation>
    </message>
    <message>
        <source>expected a number, got the text &quot;%1&quot;; left empty</source>
        <translation>erwartet: eine Zahl, erhalten: der Text &quot;%1&quot;; leer gelassen</translation>
    </message>
    <message>
        <source>a timestamp</source>
        <translation>ein Zeitstempel</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timestamp (YYYY-MM-DDTHH:MM:SS[.fraction]Z); left empty</source>
        <translation>&quot;%1&quot; ist kein Zeitstempel (YYYY-MM-DDTHH:MM:SS[.fraction]Z); leer gelassen</translation>
    </message>
    <message>
        <source>an array of text</source>
        <translation>ein Array von Texten</translation>
    </message>
    <message>
        <source>an array of objects</source>
        <translation>ein Array von Objekten</translation>
    </message>
    <message>
        <source>missing required field</source>
        <translation>fehlendes Pflichtfeld</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;; kept as is</source>
        <translation>unbekannter Status &quot;%1&quot;; unverändert übernommen</translation>
    </message>
    <message>
        <source>%1 is outside 0..100</source>
        <translation>%1 liegt außerhalb von 0..100</translation>
    </message>
    <message>
        <source>the id is empty or not text; item skipped</source>
        <translation>die id ist leer oder kein Text; Element übersprungen</translation>
    </message>
    <message>
        <source>missing required field; item skipped</source>
        <translation>fehlendes Pflichtfeld; Element übersprungen</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>%1 (task %2)</source>
        <translation>%1 (Aufgabe %2)</translation>
    </message>
    <message>
        <source>%1 (at byte %2)</source>
        <translation>%1 (bei Byte %2)</translation>
    </message>
    <message>
        <source>the response is not valid UTF-8; invalid bytes were replaced with U+FFFD</source>
        <translation>die Antwort ist kein gültiges UTF-8; ungültige Bytes wurden durch U+FFFD ersetzt</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation>fehlerhaftes JSON: %1</translation>
    </message>
    <message>
        <source>the response is %1, not a task list object</source>
        <translation>die Antwort ist %1, kein Aufgabenlisten-Objekt</translation>
    </message>
    <message>
        <source>&quot;items&quot; is %1, not an array</source>
        <translation>&quot;items&quot; ist %1, kein Array</translation>
    </message>
    <message>
        <source>the item is an array of values, but no include order is known; item skipped</source>
        <translation>das Element ist ein Array von Werten, aber keine include-Reihenfolge ist bekannt; Element übersprungen</translation>
    </message>
    <message>
        <source>the item is %1, not an object; item skipped</source>
        <translation>das Element ist %1, kein Objekt; Element übersprungen</translation>
    </message>
    <message>
        <source>the response has no &quot;items&quot; array</source>
        <translation>die Antwort hat kein Array &quot;items&quot;</translation>
    </message>
    <message>
        <source>the item has %1 values, but the include order names %2 fields</source>
        <translation>der Eintrag hat %1 Werte, aber die include-Reihenfolge nennt %2 Felder</translation>
    </message>
</context>
<context>
    <name>Taskscope::DetailsPane</name>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1 (%2 UTC)</translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation>Wählen Sie eine Aufgabe, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Aufgaben-ID</translation>
    </message>
    <message>
        <source>Parent task id</source>
        <translation>ID der übergeordneten Aufgabe</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Can go to</source>
        <translation>Mögliche Übergänge</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Resource id</source>
        <translation>Ressourcen-ID</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>additionalDetails</source>
        <translation>additionalDetails</translation>
    </message>
</context>
<context>
    <name>Taskscope::ExportDialog</name>
    <message>
        <source>&amp;Selected tasks and their subtasks</source>
        <translation>&amp;Ausgewählte Aufgaben mit ihren Unteraufgaben</translation>
    </message>
    <message>
        <source>Export Tasks</source>
        <translation>Aufgaben exportieren</translation>
    </message>
    <message>
        <source>&amp;All tasks</source>
        <translation>&amp;Alle Aufgaben</translation>
    </message>
    <message>
        <source>&amp;Visible tasks (as filtered)</source>
        <translation>&amp;Sichtbare Aufgaben (wie gefiltert)</translation>
    </message>
    <message>
        <source>JSON (the API&apos;s shape, every field)</source>
        <translation>JSON (Form der API, alle Felder)</translation>
    </message>
    <message>
        <source>CSV (the visible columns)</source>
        <translation>CSV (die sichtbaren Spalten)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>Aufgaben:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) will be written.</source>
        <translation><numerusform>%n Aufgabe wird geschrieben.</numerusform><numerusform>%n Aufgaben werden geschrieben.</numerusform></translation>
    </message>
    <message>
        <source>No filter is applied.</source>
        <translation>Kein Filter aktiv.</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Taskscope::KeychainTokenStore</name>
    <message>
        <source>the system keychain</source>
        <translation>der Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>Taskscope::MainWindow</name>
    <message>
        <source>Taskscope</source>
        <translation>Taskscope</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1 — account %2</source>
        <translation>%1 — Konto %2</translation>
    </message>
    <message>
        <source>Last poll %1 (%2 ms)</source>
        <translation>Letzte Abfrage %1 (%2 ms)</translation>
    </message>
    <message>
        <source>next in %1 s</source>
        <translation>nächste in %1 s</translation>
    </message>
    <message>
        <source>polling…</source>
        <translation>wird abgefragt…</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Next retry in %1 s.</source>
        <translation>Nächster Versuch in %1 s.</translation>
    </message>
    <message>
        <source>Polling is stopped until the connection settings change.</source>
        <translation>Die Abfrage ist angehalten, bis sich die Verbindungseinstellungen ändern.</translation>
    </message>
    <message>
        <source>Showing the tasks of the last good poll (%1): they may be out of date.</source>
        <translation>Angezeigt werden die Aufgaben der letzten erfolgreichen Abfrage (%1): Sie sind möglicherweise nicht mehr aktuell.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Poll the server now (F5)</source>
        <translation>Den Server jetzt abfragen (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation>Abfragen &amp;pausieren</translation>
    </message>
    <message>
        <source>Stop polling; the tasks shown stay as they are (Space in the tree)</source>
        <translation>Abfragen anhalten; die angezeigten Aufgaben bleiben, wie sie sind (Leertaste im Baum)</translation>
    </message>
    <message>
        <source>&amp;Copy as JSON</source>
        <translation>Als JSON &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected tasks to the clipboard in the API&apos;s JSON shape</source>
        <translation>Die ausgewählten Aufgaben im JSON-Format der API in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n task(s) as JSON</source>
        <translation>
            <numerusform>%n Aufgabe als JSON kopiert</numerusform>
            <numerusform>%n Aufgaben als JSON kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>polling paused</source>
        <translation>Abfragen pausiert</translation>
    </message>
    <message>
        <source>&amp;Newest First</source>
        <translation>&amp;Neueste zuerst</translation>
    </message>
    <message>
        <source>Top-level tasks newest first, subtasks in their order (the default)</source>
        <translation>Aufgaben der obersten Ebene, neueste zuerst; Unteraufgaben in ihrer Reihenfolge (Standard)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Write all, visible or selected tasks to a JSON or CSV file (Ctrl+E)</source>
        <translation>Alle, sichtbare oder ausgewählte Aufgaben in eine JSON- oder CSV-Datei schreiben (Strg+E)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1</source>
        <translation><numerusform>%n Aufgabe nach %1 exportiert</numerusform><numerusform>%n Aufgaben nach %1 exportiert</numerusform></translation>
    </message>
</context>
<context>
    <name>Taskscope::MemoryTokenStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation>Arbeitsspeicher (nur diese Sitzung)</translation>
    </message>
</context>
<context>
    <name>Taskscope::TaskTreeModel</name>
    <message>
        <source>a task without an id; skipped</source>
        <translation>eine Aufgabe ohne id; übersprungen</translation>
    </message>
    <message>
        <source>duplicate id; the first task with this id is kept</source>
        <translation>doppelte id; die erste Aufgabe mit dieser id wird beibehalten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Its parent task %1 is not in the list: shown at the top level.</source>
        <translation>Ihre übergeordnete Aufgabe %1 ist nicht in der Liste: auf oberster Ebene angezeigt.</translation>
    </message>
    <message>
        <source>It names itself as its parent: shown at the top level.</source>
        <translation>Sie nennt sich selbst als übergeordnete Aufgabe: auf oberster Ebene angezeigt.</translation>
    </message>
    <message>
        <source>Its parent chain loops back to it (parent %1): the loop is cut here.</source>
        <translation>Ihre Kette übergeordneter Aufgaben führt zu ihr zurück (übergeordnet: %1): die Schleife wird hier unterbrochen.</translation>
    </message>
    <message>
        <source>Not started</source>
        <comment>task state</comment>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task state</comment>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>task state</comment>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Pausing</source>
        <comment>task state</comment>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>task state</comment>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <comment>task state</comment>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task state</comment>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task state</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>task state</comment>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>percent done</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1h %2m %3s</source>
        <comment>duration</comment>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <comment>duration</comment>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>duration</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No progress reported</source>
        <translation>Kein Fortschritt gemeldet</translation>
    </message>
</context>
<context>
    <name>Taskscope::TaskTreeView</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>Taskscope::TasksClient</name>
    <message>
        <source>not an http(s) URL: %1</source>
        <translation>keine http(s)-URL: %1</translation>
    </message>
    <message>
        <source>the token would travel unencrypted to %1; use https, or allow plain http explicitly</source>
        <translation>das Token würde unverschlüsselt an %1 übertragen; https verwenden oder unverschlüsseltes http ausdrücklich erlauben</translation>
    </message>
    <message>
        <source>no API token is set for this connection</source>
        <translation>für diese Verbindung ist kein API-Token festgelegt</translation>
    </message>
    <message>
        <source>%1 redirected to %2</source>
        <translation>%1 hat zu %2 umgeleitet</translation>
    </message>
    <message>
        <source>the server announced %1 bytes; the limit is %2</source>
        <translation>der Server hat %1 Bytes angekündigt; das Limit liegt bei %2</translation>
    </message>
    <message>
        <source>the response passed the limit of %1 bytes</source>
        <translation>die Antwort hat das Limit von %1 Bytes überschritten</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>seit %1 s keine Daten</translation>
    </message>
    <message>
        <source>%1 of %2 bytes arrived</source>
        <translation>%1 von %2 Bytes angekommen</translation>
    </message>
    <message>
        <source>the server sent the same continue token twice</source>
        <translation>der Server hat dasselbe continue-Token zweimal gesendet</translation>
    </message>
    <message>
        <source>more than %1 pages</source>
        <translation>mehr als %1 Seiten</translation>
    </message>
</context>
<context>
    <name>TokenFromEnvironment</name>
    <message>
        <source>cannot read the token file %1: %2</source>
        <translation>die Token-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the token file %1 is empty</source>
        <translation>die Token-Datei %1 ist leer</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Live monitor for NetApp Astra Control tasks.</source>
        <translation>Live-Überwachung von NetApp Astra Control-Aufgaben.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (for example fr, de).</source>
        <translation>Die Sprache &lt;Code&gt; verwenden (zum Beispiel fr, de).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>taskscope: cannot write %1</source>
        <translation>taskscope: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Render the main window to &lt;file&gt; (PNG) once the first tasks are shown, and exit.</source>
        <translation>Das Hauptfenster als &lt;Datei&gt; (PNG) speichern, sobald die ersten Aufgaben angezeigt werden, und beenden.</translation>
    </message>
    <message>
        <source>Wait &lt;ms&gt; milliseconds after the first tasks before the screenshot.</source>
        <translation>Nach den ersten Aufgaben &lt;ms&gt; Millisekunden bis zum Bildschirmfoto warten.</translation>
    </message>
    <message>
        <source>taskscope: %1</source>
        <translation>taskscope: %1</translation>
    </message>
    <message>
        <source>Demo server %1</source>
        <translation>Demo-Server %1</translation>
    </message>
    <message>
        <source>No system keychain (%1): tokens stay in memory for this session only. Use --token-file FILE or set ASTRA_TOKEN.</source>
        <translation>Kein System-Schlüsselbund (%1): Tokens bleiben nur für diese Sitzung im Speicher. --token-file DATEI verwenden oder ASTRA_TOKEN setzen.</translation>
    </message>
</context>
</TS>
