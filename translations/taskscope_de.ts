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
    <message>
        <source>Host %1 not found: check the server URL and the network.</source>
        <translation>Host %1 nicht gefunden: Überprüfen Sie die Server-URL und das Netzwerk.</translation>
    </message>
    <message>
        <source>Connection refused by %1: check the server URL and port, and that the server is running.</source>
        <translation>Verbindung von %1 abgelehnt: Überprüfen Sie Server-URL und Port und ob der Server läuft.</translation>
    </message>
    <message>
        <source>Account %1 not found at %2: check the account id (%3).</source>
        <translation>Konto %1 auf %2 nicht gefunden: Überprüfen Sie die Konto-ID (%3).</translation>
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
    <name>ConnectionProfiles</name>
    <message>
        <source>Astra Control</source>
        <translation>Astra Control</translation>
    </message>
    <message>
        <source>Astra Control %1</source>
        <translation>Astra Control %1</translation>
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
    <message>
        <source>Export only the tasks that match &lt;expression&gt; (the filter language of the GUI), in tree order.</source>
        <translation>Nur die Aufgaben exportieren, die zu &lt;Ausdruck&gt; passen (die Filtersprache der grafischen Oberfläche), in Baumreihenfolge.</translation>
    </message>
    <message>
        <source>expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Do not send the clauses the server understands as filter= parameters (the whole expression is always applied here too).</source>
        <translation>Die Bedingungen, die der Server versteht, nicht als filter=-Parameter senden (der vollständige Ausdruck wird ohnehin auch hier angewendet).</translation>
    </message>
    <message>
        <source>--filter: %1</source>
        <translation>--filter: %1</translation>
    </message>
    <message>
        <source>Output format: json (default), tree or csv.</source>
        <translation>Ausgabeformat: json (Standard), tree oder csv.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use json, tree or csv</source>
        <translation>unbekanntes Format &quot;%1&quot;: json, tree oder csv verwenden</translation>
    </message>
    <message>
        <source>warning: names not resolved: %1</source>
        <translation>Warnung: Namen nicht aufgelöst: %1</translation>
    </message>
</context>
<context>
    <name>FilterMenu</name>
    <message>
        <source>Show Only “%1”</source>
        <translation>Nur “%1” anzeigen</translation>
    </message>
    <message>
        <source>Exclude “%1”</source>
        <translation>“%1” ausschließen</translation>
    </message>
    <message>
        <source>Show This App (%1)</source>
        <translation>Diese App anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show This Cluster (%1)</source>
        <translation>Diesen Cluster anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show This Namespace (%1)</source>
        <translation>Diesen Namespace anzeigen (%1)</translation>
    </message>
</context>
<context>
    <name>FilterParser</name>
    <message>
        <source>unexpected end of the filter: %1</source>
        <translation>unerwartetes Ende des Filters: %1</translation>
    </message>
    <message>
        <source>the quoted text has no closing quote</source>
        <translation>dem Text in Anführungszeichen fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1, found &apos;%2&apos;</source>
        <translation>%1, &apos;%2&apos; gefunden</translation>
    </message>
    <message>
        <source>unmatched &apos;)&apos;</source>
        <translation>&apos;)&apos; ohne zugehörige &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected &apos;and&apos; or &apos;or&apos;</source>
        <translation>&apos;and&apos; oder &apos;or&apos; erwartet</translation>
    </message>
    <message>
        <source>the filter is nested too deeply</source>
        <translation>der Filter ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed</source>
        <translation>diese &apos;(&apos; wird nie geschlossen</translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or &apos;)&apos;</source>
        <translation>&apos;and&apos;, &apos;or&apos; oder &apos;)&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a field name, &apos;not&apos; or &apos;(&apos;</source>
        <translation>Feldname, &apos;not&apos; oder &apos;(&apos; erwartet</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <translation>unbekanntes Feld &apos;%1&apos;; meinten Sie &apos;%2&apos;?</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;</source>
        <translation>unbekanntes Feld &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected an operator (eq, ne, lt, gt, lte, gte, in, matches) after &apos;%1&apos;</source>
        <translation>Operator (eq, ne, lt, gt, lte, gte, in, matches) nach &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a value: &apos;quoted text&apos;, a number or now-1h</source>
        <translation>Wert erwartet: &apos;Text in Anführungszeichen&apos;, eine Zahl oder now-1h</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares text, and &apos;%2&apos; is not text</source>
        <translation>&apos;%1&apos; vergleicht Text, und &apos;%2&apos; ist kein Text</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is text; a relative time compares only with timestamps</source>
        <translation>&apos;%1&apos; ist Text; eine relative Zeit lässt sich nur mit Zeitstempeln vergleichen</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes a number, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; erwartet eine Zahl, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the number %1 is out of range</source>
        <translation>die Zahl %1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>the relative time %1 reaches too far back</source>
        <translation>die relative Zeit %1 reicht zu weit zurück</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes a timestamp like &apos;2024-05-01T12:00:00Z&apos; or a relative time like now-1h</source>
        <translation>&apos;%1&apos; erwartet einen Zeitstempel wie &apos;2024-05-01T12:00:00Z&apos; oder eine relative Zeit wie now-1h</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (Spalte %2)</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>Show the tasks and state transitions the history holds, without a display or a network.</source>
        <translation>Die Aufgaben und Statuswechsel anzeigen, die der Verlauf enthält, ohne Anzeige und ohne Netzwerk.</translation>
    </message>
    <message>
        <source>Only tasks seen, and transitions, at or after &lt;time&gt; (ISO 8601, or now-&lt;n&gt; with s, m, h or d).</source>
        <translation>Nur Aufgaben, die ab &lt;Zeitpunkt&gt; gesehen wurden, und Statuswechsel ab &lt;Zeitpunkt&gt; (ISO 8601 oder now-&lt;n&gt; mit s, m, h oder d).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Only tasks first seen, and transitions, at or before &lt;time&gt;.</source>
        <translation>Nur Aufgaben, die bis &lt;Zeitpunkt&gt; zum ersten Mal gesehen wurden, und Statuswechsel bis &lt;Zeitpunkt&gt;.</translation>
    </message>
    <message>
        <source>Only the tasks (or their transitions) that match &lt;expression&gt;.</source>
        <translation>Nur die Aufgaben (oder ihre Statuswechsel), die zu &lt;Ausdruck&gt; passen.</translation>
    </message>
    <message>
        <source>Output format: json (default), csv, tree or transitions.</source>
        <translation>Ausgabeformat: json (Standard), csv, tree oder transitions.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use json, csv, tree or transitions</source>
        <translation>unbekanntes Format &quot;%1&quot;: json, csv, tree oder transitions verwenden</translation>
    </message>
    <message>
        <source>no history file at %1 (taskscope watch and the window record one)</source>
        <translation>keine Verlaufsdatei unter %1 (taskscope watch und das Fenster legen eine an)</translation>
    </message>
    <message>
        <source>cannot read the history %1: %2</source>
        <translation>der Verlauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>%1 holds no history yet</source>
        <translation>%1 enthält noch keinen Verlauf</translation>
    </message>
    <message>
        <source>%1 holds no history of %2 (it holds: %3)</source>
        <translation>%1 enthält keinen Verlauf von %2 (enthalten: %3)</translation>
    </message>
</context>
<context>
    <name>HistoryCommandLine</name>
    <message>
        <source>--connection, --url and --demo exclude each other: choose one</source>
        <translation>--connection, --url und --demo schließen einander aus: eines wählen</translation>
    </message>
    <message>
        <source>A connection saved in the window (File › Connections…), by its name.</source>
        <translation>Eine im Fenster gespeicherte Verbindung (Datei › Verbindungen…), mit ihrem Namen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The history file (default: %1).</source>
        <translation>Die Verlaufsdatei (Standard: %1).</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>no saved connection &quot;%1&quot;: no connection is saved</source>
        <translation>keine gespeicherte Verbindung &quot;%1&quot;: es ist keine Verbindung gespeichert</translation>
    </message>
    <message>
        <source>no saved connection &quot;%1&quot; (saved: %2)</source>
        <translation>keine gespeicherte Verbindung &quot;%1&quot; (gespeichert: %2)</translation>
    </message>
    <message>
        <source>not a time: &quot;%1&quot; (use an ISO 8601 time such as 2026-05-01T08:00:00Z, or now-&lt;n&gt; with s, m, h or d, such as now-24h)</source>
        <translation>kein Zeitpunkt: &quot;%1&quot; (einen Zeitpunkt nach ISO 8601 wie 2026-05-01T08:00:00Z verwenden oder now-&lt;n&gt; mit s, m, h oder d wie now-24h)</translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>The disk that holds the history file %1 is full: history is not recorded.</source>
        <translation>Der Datenträger mit der Verlaufsdatei %1 ist voll: Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Another process is writing the history file %1: this poll was not recorded.</source>
        <translation>Ein anderer Prozess schreibt in die Verlaufsdatei %1: Diese Abfrage wurde nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The history file %1 is read-only: history is not recorded.</source>
        <translation>Die Verlaufsdatei %1 ist schreibgeschützt: Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Cannot write the history file %1 (%2; is the disk full?): history is not recorded.</source>
        <translation>Die Verlaufsdatei %1 kann nicht geschrieben werden (%2; ist der Datenträger voll?): Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The history file %1 is damaged (%2): history is not recorded.</source>
        <translation>Die Verlaufsdatei %1 ist beschädigt (%2): Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Cannot write the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The history file %1 is damaged (%2) and cannot be moved aside: history is not recorded.</source>
        <translation>Die Verlaufsdatei %1 ist beschädigt (%2) und kann nicht beiseitegelegt werden: Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The history file was damaged (%1): it was moved to %2 and a new one was started.</source>
        <translation>Die Verlaufsdatei war beschädigt (%1): Sie wurde nach %2 verschoben, und eine neue wurde angelegt.</translation>
    </message>
    <message>
        <source>Cannot open the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The history file %1 is damaged or not a history file (%2).</source>
        <translation>Die Verlaufsdatei %1 ist beschädigt oder keine Verlaufsdatei (%2).</translation>
    </message>
    <message>
        <source>Cannot read the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The history file %1 holds no history yet.</source>
        <translation>Die Verlaufsdatei %1 enthält noch keinen Verlauf.</translation>
    </message>
    <message>
        <source>The history file %1 was written by a newer version of Taskscope (schema %2; this one knows %3): it is shown read-only and nothing is recorded.</source>
        <translation>Die Verlaufsdatei %1 wurde von einer neueren Taskscope-Version geschrieben (Schema %2; diese kennt %3): Sie wird schreibgeschützt angezeigt, und nichts wird aufgezeichnet.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the history file: history is not recorded.</source>
        <translation>Der Ordner %1 für die Verlaufsdatei kann nicht angelegt werden: Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The folder %1 is read-only: history is not recorded.</source>
        <translation>Der Ordner %1 ist schreibgeschützt: Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Another Taskscope process is writing the history file %1: it is shown read-only here and nothing is recorded.</source>
        <translation>Ein anderer Taskscope-Prozess schreibt in die Verlaufsdatei %1: Sie wird hier schreibgeschützt angezeigt, und nichts wird aufgezeichnet.</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>sie konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot update the history file %1 to this version of Taskscope (%2): history is not recorded.</source>
        <translation>Die Verlaufsdatei %1 kann nicht auf diese Taskscope-Version aktualisiert werden (%2): Der Verlauf wird nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>No history file was given.</source>
        <translation>Es wurde keine Verlaufsdatei angegeben.</translation>
    </message>
    <message>
        <source>The history file %1 is not a file.</source>
        <translation>Die Verlaufsdatei %1 ist keine Datei.</translation>
    </message>
    <message>
        <source>There is no history file %1.</source>
        <translation>Es gibt keine Verlaufsdatei %1.</translation>
    </message>
    <message>
        <source>The history file is not open: nothing is recorded.</source>
        <translation>Die Verlaufsdatei ist nicht geöffnet: Nichts wird aufgezeichnet.</translation>
    </message>
    <message>
        <source>The history file %1 is open read-only: nothing is recorded.</source>
        <translation>Die Verlaufsdatei %1 ist schreibgeschützt geöffnet: Nichts wird aufgezeichnet.</translation>
    </message>
    <message>
        <source>The history file is not open.</source>
        <translation>Die Verlaufsdatei ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>IncrementalSync</name>
    <message>
        <source>The server&apos;s incremental answers were incomplete; polling full lists from now on.</source>
        <translation>Die inkrementellen Antworten des Servers waren unvollständig; ab jetzt werden vollständige Listen abgefragt.</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>kein JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>the response has no &quot;items&quot; list</source>
        <translation>die Antwort hat keine Liste &quot;items&quot;</translation>
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
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Spiegelung</translation>
    </message>
</context>
<context>
    <name>TaskFormat</name>
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
        <source>%1 %2</source>
        <extracomment>a task&apos;s resource: its kind and its shortened id, &quot;Backup 1b2c3d4e…&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 · stalled</source>
        <comment>a state badge: the state&apos;s name, and that the task&apos;s progress has stopped</comment>
        <translation>%1 · stockt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>estimated time left</comment>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds, in an estimated time left</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>h</source>
        <comment>hours, in an estimated time left</comment>
        <translation>h</translation>
    </message>
    <message>
        <source>min</source>
        <comment>minutes, in an estimated time left</comment>
        <translation>min</translation>
    </message>
    <message>
        <source>≈ %1 %2</source>
        <comment>estimated time left: amount, unit</comment>
        <translation>≈ %1 %2</translation>
    </message>
    <message>
        <source>&lt; %1 %2</source>
        <comment>estimated time left: less than amount, unit</comment>
        <translation>&lt; %1 %2</translation>
    </message>
    <message>
        <source>≈ %1–%2 %3</source>
        <comment>estimated time left: from, to, unit</comment>
        <translation>≈ %1–%2 %3</translation>
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
    <message>
        <source>&quot;items&quot; appears more than once</source>
        <translation>&quot;items&quot; kommt mehr als einmal vor</translation>
    </message>
</context>
<context>
    <name>Taskscope::Attention</name>
    <message>
        <source>A task fails</source>
        <translation>Eine Aufgabe schlägt fehl</translation>
    </message>
    <message>
        <source>A task completes</source>
        <translation>Eine Aufgabe wird abgeschlossen</translation>
    </message>
    <message>
        <source>A task ends (completes, fails or is cancelled)</source>
        <translation>Eine Aufgabe endet (abgeschlossen, fehlgeschlagen oder abgebrochen)</translation>
    </message>
    <message>
        <source>A task stalls</source>
        <translation>Eine Aufgabe stockt</translation>
    </message>
    <message>
        <source>A task starts</source>
        <translation>Eine Aufgabe startet</translation>
    </message>
    <message>
        <source>%1 failed on %2</source>
        <translation>%1 ist auf %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 completed on %2</source>
        <translation>%1 wurde auf %2 abgeschlossen</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 wurde abgeschlossen</translation>
    </message>
    <message>
        <source>%1 was cancelled on %2</source>
        <translation>%1 wurde auf %2 abgebrochen</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1 stalled on %2</source>
        <comment>no progress for a long time</comment>
        <translation>%1 stockt auf %2</translation>
    </message>
    <message>
        <source>%1 stalled</source>
        <comment>no progress for a long time</comment>
        <translation>%1 stockt</translation>
    </message>
    <message>
        <source>%1 started on %2</source>
        <translation>%1 wurde auf %2 gestartet</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 wurde gestartet</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) failed on %1</source>
        <translation>
            <numerusform>%n Aufgabe ist auf %1 fehlgeschlagen</numerusform>
            <numerusform>%n Aufgaben sind auf %1 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) failed</source>
        <translation>
            <numerusform>%n Aufgabe ist fehlgeschlagen</numerusform>
            <numerusform>%n Aufgaben sind fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) completed on %1</source>
        <translation>
            <numerusform>%n Aufgabe wurde auf %1 abgeschlossen</numerusform>
            <numerusform>%n Aufgaben wurden auf %1 abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) completed</source>
        <translation>
            <numerusform>%n Aufgabe wurde abgeschlossen</numerusform>
            <numerusform>%n Aufgaben wurden abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled on %1</source>
        <translation>
            <numerusform>%n Aufgabe wurde auf %1 abgebrochen</numerusform>
            <numerusform>%n Aufgaben wurden auf %1 abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled</source>
        <translation>
            <numerusform>%n Aufgabe wurde abgebrochen</numerusform>
            <numerusform>%n Aufgaben wurden abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) stalled on %1</source>
        <comment>no progress for a long time</comment>
        <translation>
            <numerusform>%n Aufgabe stockt auf %1</numerusform>
            <numerusform>%n Aufgaben stocken auf %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) stalled</source>
        <comment>no progress for a long time</comment>
        <translation>
            <numerusform>%n Aufgabe stockt</numerusform>
            <numerusform>%n Aufgaben stocken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) started on %1</source>
        <translation>
            <numerusform>%n Aufgabe wurde auf %1 gestartet</numerusform>
            <numerusform>%n Aufgaben wurden auf %1 gestartet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) started</source>
        <translation>
            <numerusform>%n Aufgabe wurde gestartet</numerusform>
            <numerusform>%n Aufgaben wurden gestartet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>task · app</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>task: reason</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>reason title: detail</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: %2</source>
        <translation>Regel &quot;%1&quot;: %2</translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n minute(s) (at %1%)</source>
        <translation>
            <numerusform>Seit %n Minute kein Fortschritt (bei %1 %)</numerusform>
            <numerusform>Seit %n Minuten kein Fortschritt (bei %1 %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n minute(s)</source>
        <translation>
            <numerusform>Seit %n Minute kein Fortschritt</numerusform>
            <numerusform>Seit %n Minuten kein Fortschritt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <comment>tasks that need attention</comment>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…und %n weiteres</numerusform>
            <numerusform>…und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Taskscope::AttentionRuleDialog</name>
    <message>
        <source>Only &amp;watched tasks (and their subtasks)</source>
        <translation>Nur &amp;beobachtete Aufgaben (und ihre Unteraufgaben)</translation>
    </message>
    <message>
        <source>Notification Rule</source>
        <translation>Benachrichtigungsregel</translation>
    </message>
    <message>
        <source>Any task (for example: name in &apos;backup&apos; and appName in &apos;prod&apos;)</source>
        <translation>Alle Aufgaben (zum Beispiel: name in &apos;backup&apos; and appName in &apos;prod&apos;)</translation>
    </message>
    <message>
        <source>Any connection</source>
        <translation>Alle Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Ereignis:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>The filter is not valid: %1</source>
        <translation>Der Filter ist ungültig: %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::AttentionSettings</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>&amp;Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Send a &amp;Test Notification</source>
        <translation>&amp;Testbenachrichtigung senden</translation>
    </message>
    <message>
        <source>At start, notify the &amp;failures since the last run</source>
        <translation>Beim Start die &amp;Fehlschläge seit dem letzten Lauf melden</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Enabled</source>
        <comment>a notification rule is on (not muted)</comment>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Watched only</source>
        <translation>Nur beobachtete</translation>
    </message>
    <message>
        <source>Notify me when:</source>
        <translation>Benachrichtigen, wenn:</translation>
    </message>
    <message>
        <source>Notifications cannot be shown: no notification service and no tray.</source>
        <translation>Benachrichtigungen können nicht angezeigt werden: kein Benachrichtigungsdienst und kein Infobereich.</translation>
    </message>
    <message>
        <source>Notifications cannot be shown now (%1).</source>
        <translation>Benachrichtigungen können derzeit nicht angezeigt werden (%1).</translation>
    </message>
    <message>
        <source>Notifications are shown by: %1</source>
        <translation>Benachrichtigungen werden angezeigt über: %1</translation>
    </message>
    <message>
        <source>Taskscope test notification</source>
        <translation>Taskscope-Testbenachrichtigung</translation>
    </message>
    <message>
        <source>Notifications work: Taskscope will tell you here when a rule matches.</source>
        <translation>Benachrichtigungen funktionieren: Taskscope meldet sich hier, wenn eine Regel zutrifft.</translation>
    </message>
    <message>
        <source>Muted: this rule notifies nothing</source>
        <translation>Stummgeschaltet: Diese Regel benachrichtigt nicht</translation>
    </message>
    <message>
        <source>This rule notifies</source>
        <translation>Diese Regel benachrichtigt</translation>
    </message>
    <message>
        <source>Any task</source>
        <translation>Alle Aufgaben</translation>
    </message>
    <message>
        <source>This filter is not valid, so the rule notifies nothing: %1</source>
        <translation>Dieser Filter ist ungültig, daher benachrichtigt die Regel nicht: %1</translation>
    </message>
    <message>
        <source>Any connection</source>
        <translation>Alle Verbindungen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>Taskscope::ConnectionController</name>
    <message>
        <source>Cannot read the token of %1 from %2: %3</source>
        <translation>Das Token von %1 kann nicht gelesen werden (%2): %3</translation>
    </message>
    <message>
        <source>Demo server %1</source>
        <translation>Demo-Server %1</translation>
    </message>
    <message>
        <source>No system keychain (%1): the token stays in memory for this session only.</source>
        <translation>Kein System-Schlüsselbund (%1): Das Token bleibt nur für diese Sitzung im Speicher.</translation>
    </message>
</context>
<context>
    <name>Taskscope::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>https://astra.example.com</source>
        <translation>https://astra.example.com</translation>
    </message>
    <message>
        <source>the account id (a UUID)</source>
        <translation>die Konto-ID (eine UUID)</translation>
    </message>
    <message>
        <source>leave empty to keep the stored token</source>
        <translation>leer lassen, um das gespeicherte Token zu behalten</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>Tokens are kept in %1, never in the settings file.</source>
        <translation>Tokens werden nie in der Einstellungsdatei gespeichert. Speicherort: %1.</translation>
    </message>
    <message>
        <source>No system keychain: tokens are kept in memory for this session only.</source>
        <translation>Kein System-Schlüsselbund: Tokens werden nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>whole list at once</source>
        <translation>ganze Liste auf einmal</translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP (the token travels unencrypted)</source>
        <translation>Unverschlüsseltes HTT&amp;P erlauben (das Token wird unverschlüsselt übertragen)</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>Ver&amp;gessen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Account ID:</source>
        <translation>&amp;Konto-ID:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>Abfrage&amp;intervall:</translation>
    </message>
    <message>
        <source>Page si&amp;ze:</source>
        <translation>&amp;Seitengröße:</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>Vertrauenswürdige Zertifikate:</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>The server URL must be an http(s) address, for example https://astra.example.com.</source>
        <translation>Die Server-URL muss eine http(s)-Adresse sein, zum Beispiel https://astra.example.com.</translation>
    </message>
    <message>
        <source>The account ID is missing (Astra Control: Account → API access).</source>
        <translation>Die Konto-ID fehlt (Astra Control: Account → API access).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected: the server answered with the task list in %1 ms.</source>
        <translation>Verbunden: Der Server hat in %1 ms mit der Aufgabenliste geantwortet.</translation>
    </message>
    <message>
        <source>Check the API token and the account ID.</source>
        <translation>Überprüfen Sie das API-Token und die Konto-ID.</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
SHA-256: %3
Problems: %4</source>
        <translation>Inhaber: %1
Aussteller: %2
SHA-256: %3
Probleme: %4</translation>
    </message>
    <message>
        <source>Trust This Certificate for %1</source>
        <translation>Diesem Zertifikat für %1 vertrauen</translation>
    </message>
    <message>
        <source>The server or the account changed: enter the API token again.</source>
        <translation>Server oder Konto wurden geändert: Geben Sie das API-Token erneut ein.</translation>
    </message>
    <message>
        <source>Ask only for &amp;changed tasks between full lists</source>
        <translation>Zwischen vollständigen Listen nur &amp;geänderte Aufgaben abfragen</translation>
    </message>
    <message>
        <source>After a full list, each poll asks for the tasks modified since the newest one seen; every 12th poll, and after any error, takes the full list again to learn about removed tasks. Turn it off for a server that does not keep modificationTimestamp up to date.</source>
        <translation>Nach einer vollständigen Liste fragt jede Abfrage nur die Aufgaben ab, die seit der neuesten bereits gesehenen geändert wurden; jede 12. Abfrage und jede Abfrage nach einem Fehler holt wieder die vollständige Liste, um entfernte Aufgaben zu erkennen. Für einen Server ausschalten, der modificationTimestamp nicht aktuell hält.</translation>
    </message>
</context>
<context>
    <name>Taskscope::DBusNotifier</name>
    <message>
        <source>Desktop notifications (D-Bus)</source>
        <translation>Desktop-Benachrichtigungen (D-Bus)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Mute this rule</source>
        <translation>Diese Regel stummschalten</translation>
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
    <message>
        <source>Copy “%1”</source>
        <translation>“%1” kopieren</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
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
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Not listed since</source>
        <extracomment>a task the server no longer lists, shown from Taskscope&apos;s history</extracomment>
        <translation>Nicht mehr gelistet seit</translation>
    </message>
    <message>
        <source>first seen: %1</source>
        <extracomment>a task&apos;s state change in its history; %1 and %2 are state names</extracomment>
        <translation>zuerst gesehen: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>last seen</source>
        <translation>zuletzt gesehen</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
</context>
<context>
    <name>Taskscope::ErrorBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Connection Settings…</source>
        <translation>Verbindungseinstellungen…</translation>
    </message>
    <message>
        <source>Showing the tasks of the last good poll (%1): they may be out of date.</source>
        <translation>Angezeigt werden die Aufgaben der letzten erfolgreichen Abfrage (%1): Sie sind möglicherweise nicht mehr aktuell.</translation>
    </message>
    <message>
        <source>Next retry in %1 s.</source>
        <translation>Nächster Versuch in %1 s.</translation>
    </message>
    <message>
        <source>Polling is stopped until the connection settings change.</source>
        <translation>Die Abfrage ist angehalten, bis sich die Verbindungseinstellungen ändern.</translation>
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
        <translation>
            <numerusform>%n Aufgabe wird geschrieben.</numerusform>
            <numerusform>%n Aufgaben werden geschrieben.</numerusform>
        </translation>
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
    <message>
        <source>CSV (one row per task, for scripts and spreadsheets)</source>
        <translation>CSV (eine Zeile pro Aufgabe, für Skripte und Tabellenkalkulationen)</translation>
    </message>
</context>
<context>
    <name>Taskscope::FailureGroupsView</name>
    <message>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed tasks grouped by their reason: click a cause to show only its tasks.</source>
        <translation>Fehlgeschlagene Aufgaben nach Ursache gruppiert: Klicken Sie auf eine Ursache, um nur ihre Aufgaben anzuzeigen.</translation>
    </message>
    <message>
        <source>×%1</source>
        <extracomment>a count of failed tasks in the failure groups, &quot;×12&quot;</extracomment>
        <translation>×%1</translation>
    </message>
    <message>
        <source>No failed tasks</source>
        <translation>Keine fehlgeschlagenen Aufgaben</translation>
    </message>
</context>
<context>
    <name>Taskscope::FilterController</name>
    <message>
        <source>Cannot change the filter: %1</source>
        <translation>Der Filter kann nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::FilterEditor</name>
    <message>
        <source>Filter expression</source>
        <translation>Filterausdruck</translation>
    </message>
    <message>
        <source>Filter: state eq &apos;failed&apos; and startTime gt now-1h   (Ctrl+Space completes)</source>
        <translation>Filter: state eq &apos;failed&apos; and startTime gt now-1h   (Strg+Leertaste vervollständigt)</translation>
    </message>
    <message>
        <source>Filter expression: field op value, joined with and, or, not and parentheses.
Operators: eq ne lt gt lte gte in (contains) matches (regular expression).
Values: &apos;quoted text&apos;, numbers, now-1h. Fields such as state, name, percentDone, startTime, duration, app, cluster, namespace, stateDetails[*].title, metadata.labels[*].value.</source>
        <translation>Filterausdruck: Feld Operator Wert, verknüpft mit and, or, not und Klammern.
Operatoren: eq ne lt gt lte gte in (enthält) matches (regulärer Ausdruck).
Werte: &apos;Text in Anführungszeichen&apos;, Zahlen, now-1h. Felder wie state, name, percentDone, startTime, duration, app, cluster, namespace, stateDetails[*].title, metadata.labels[*].value.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Invalid filter</source>
        <translation>Ungültiger Filter</translation>
    </message>
    <message>
        <source>Valid filter</source>
        <translation>Gültiger Filter</translation>
    </message>
    <message>
        <source>No filter: every task is shown</source>
        <translation>Kein Filter: Alle Aufgaben werden angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n match</source>
        <translation>
            <numerusform>%1 von %n Aufgabe</numerusform>
            <numerusform>%1 von %n Aufgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>Name des Filters:</translation>
    </message>
    <message>
        <source>Save Current Filter…</source>
        <translation>Aktuellen Filter speichern…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>Taskscope::FreezeBar</name>
    <message>
        <source>Show Changes</source>
        <translation>Änderungen anzeigen</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <comment>a button: let the tree move again</comment>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Apply the changes and let the tree follow the polls again</source>
        <translation>Die Änderungen übernehmen und den Baum wieder den Abfragen folgen lassen</translation>
    </message>
    <message numerus="yes">
        <source>Frozen: %n change(s) since the tree was frozen</source>
        <translation>
            <numerusform>Eingefroren: %n Änderung, seit der Baum eingefroren wurde</numerusform>
            <numerusform>Eingefroren: %n Änderungen, seit der Baum eingefroren wurde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Frozen: %n change(s) since %1</source>
        <comment>the tree stopped moving; polls go on</comment>
        <translation>
            <numerusform>Eingefroren: %n Änderung seit %1</numerusform>
            <numerusform>Eingefroren: %n Änderungen seit %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Frozen since %1</source>
        <translation>Eingefroren seit %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::JournalModel</name>
    <message>
        <source>appeared: %1</source>
        <extracomment>Journal: a task seen for the first time, in its state (&quot;appeared: Running&quot;)</extracomment>
        <translation>erschienen: %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>Journal: a task&apos;s change of state, from → to (&quot;Running → Failed&quot;)</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1
id: %2</source>
        <extracomment>Journal: a task&apos;s tooltip, its name and its id</extracomment>
        <translation>%1
ID: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Journal column: when the change was seen</extracomment>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Task</source>
        <extracomment>Journal column: the task&apos;s name</extracomment>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>App</source>
        <extracomment>Journal column: the application the task is about</extracomment>
        <translation>App</translation>
    </message>
    <message>
        <source>Change</source>
        <extracomment>Journal column: the change of state (&quot;Running → Failed&quot;)</extracomment>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Reason</source>
        <extracomment>Journal column: why the task failed</extracomment>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Taskscope::JournalView</name>
    <message>
        <source>Mark as Read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Mark every change as read: only changes from now on will be in bold</source>
        <translation>Alle Änderungen als gelesen markieren: nur spätere werden fett angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n new since you last looked</source>
        <comment>Journal: state changes in bold</comment>
        <translation>
            <numerusform>%n neue Änderung seit Ihrem letzten Blick</numerusform>
            <numerusform>%n neue Änderungen seit Ihrem letzten Blick</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since you last looked (%1 without the filter)</source>
        <comment>Journal: state changes in bold</comment>
        <translation>
            <numerusform>%n neue Änderung seit Ihrem letzten Blick (%1 ohne Filter)</numerusform>
            <numerusform>%n neue Änderungen seit Ihrem letzten Blick (%1 ohne Filter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes after %1 are in bold</source>
        <extracomment>Journal: the tooltip of &quot;3 new since you last looked&quot;; %1 is a date and time</extracomment>
        <translation>Änderungen nach %1 sind fett</translation>
    </message>
    <message>
        <source>No state changes match the filter</source>
        <translation>Keine Statusänderung passt zum Filter</translation>
    </message>
    <message>
        <source>No state changes yet</source>
        <translation>Noch keine Statusänderungen</translation>
    </message>
</context>
<context>
    <name>Taskscope::KeychainTokenStore</name>
    <message>
        <source>the system keychain</source>
        <translation>der Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>kein D-Bus-Sitzungsbus</translation>
    </message>
</context>
<context>
    <name>Taskscope::MainWindow</name>
    <message>
        <source>Taskscope</source>
        <translation>Taskscope</translation>
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
        <translation>
            <numerusform>%n Aufgabe nach %1 exportiert</numerusform>
            <numerusform>%n Aufgaben nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Add, edit, test and choose the Astra Control connection (Ctrl+,)</source>
        <translation>Astra Control-Verbindung hinzufügen, bearbeiten, testen und auswählen (Strg+,)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern…</translation>
    </message>
    <message>
        <source>Type a filter expression (Ctrl+F, Ctrl+L)</source>
        <translation>Einen Filterausdruck eingeben (Strg+F, Strg+L)</translation>
    </message>
    <message>
        <source>C&amp;lear Filter</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Show &amp;Subtasks of Matches</source>
        <translation>&amp;Unteraufgaben von Treffern anzeigen</translation>
    </message>
    <message>
        <source>Show every subtask of a matching task, not only the matches and the tasks above them</source>
        <translation>Alle Unteraufgaben einer passenden Aufgabe anzeigen, nicht nur die Treffer und die Aufgaben darüber</translation>
    </message>
    <message>
        <source>Filter on the &amp;Server Too</source>
        <translation>Auch auf dem &amp;Server filtern</translation>
    </message>
    <message>
        <source>Send the clauses the server understands with each poll, so that less travels; the whole filter is still applied here. Parents that do not match are then not fetched, and their subtasks show as orphans.</source>
        <translation>Bei jeder Abfrage die Bedingungen mitsenden, die der Server versteht, damit weniger Daten übertragen werden; der vollständige Filter wird weiterhin hier angewendet. Übergeordnete Aufgaben, die nicht passen, werden dann nicht abgerufen, und ihre Unteraufgaben erscheinen als verwaist.</translation>
    </message>
    <message>
        <source>Data problems</source>
        <translation>Datenprobleme</translation>
    </message>
    <message numerus="yes">
        <source>The last poll returned %n item(s) with problems. Tasks with a usable id are shown with what could be read; the others were skipped.</source>
        <translation>
            <numerusform>Die letzte Abfrage hat %n Element mit Problemen geliefert. Aufgaben mit verwendbarer ID werden mit den lesbaren Daten angezeigt; die übrigen wurden übersprungen.</numerusform>
            <numerusform>Die letzte Abfrage hat %n Elemente mit Problemen geliefert. Aufgaben mit verwendbarer ID werden mit den lesbaren Daten angezeigt; die übrigen wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data problem(s)</source>
        <translation>
            <numerusform>%n Datenproblem</numerusform>
            <numerusform>%n Datenprobleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) match</source>
        <translation>
            <numerusform>Treffer: %1 von %n Aufgabe</numerusform>
            <numerusform>Treffer: %1 von %n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>Alle &amp;aufklappen</translation>
    </message>
    <message>
        <source>Show the subtasks of every task</source>
        <translation>Die Unteraufgaben aller Aufgaben anzeigen</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
    <message>
        <source>Show only the top-level tasks</source>
        <translation>Nur die Aufgaben der obersten Ebene anzeigen</translation>
    </message>
    <message>
        <source>Connect to the &amp;Demo Server</source>
        <translation>Mit dem &amp;Demo-Server verbinden</translation>
    </message>
    <message>
        <source>Watch the built-in demo server&apos;s simulated backups (no account needed)</source>
        <translation>Die simulierten Sicherungen des integrierten Demo-Servers verfolgen (kein Konto erforderlich)</translation>
    </message>
    <message>
        <source>Demo Server</source>
        <translation>Demo-Server</translation>
    </message>
    <message>
        <source>Cannot start the demo server: %1</source>
        <translation>Der Demo-Server kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>&amp;Resume Polling</source>
        <translation>Abfragen &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Poll again at the usual pace (Space in the tree)</source>
        <translation>Wieder im üblichen Takt abfragen (Leertaste im Baum)</translation>
    </message>
    <message>
        <source>Failures by Cause</source>
        <translation>Fehlschläge nach Ursache</translation>
    </message>
    <message>
        <source>&amp;Group Failures by Cause</source>
        <translation>Fehlschläge nach Ursache &amp;gruppieren</translation>
    </message>
    <message>
        <source>List failed tasks by their reason, with counts; click one to show only its tasks</source>
        <translation>Fehlgeschlagene Aufgaben nach Ursache auflisten, mit Anzahl; auf eine Ursache klicken, um nur ihre Aufgaben anzuzeigen</translation>
    </message>
    <message>
        <source>Names unavailable</source>
        <extracomment>shown in the status bar when the account&apos;s lists of apps, clusters... could not be read</extracomment>
        <translation>Namen nicht verfügbar</translation>
    </message>
    <message>
        <source>data %1 old</source>
        <extracomment>the status bar while the last poll failed: how old the rows are</extracomment>
        <translation>Daten %1 alt</translation>
    </message>
    <message numerus="yes">
        <source>The previous filter is still applied: %1 of %n task(s) match</source>
        <translation>
            <numerusform>Der vorherige Filter ist weiterhin aktiv: %1 von %n Aufgabe</numerusform>
            <numerusform>Der vorherige Filter ist weiterhin aktiv: %1 von %n Aufgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No filter is applied: %n task(s)</source>
        <translation>
            <numerusform>Kein Filter aktiv: %n Aufgabe</numerusform>
            <numerusform>Kein Filter aktiv: %n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Some names cannot be shown; ids are shown instead.
%1</source>
        <translation>Einige Namen können nicht angezeigt werden; stattdessen werden IDs angezeigt.
%1</translation>
    </message>
    <message>
        <source>History off</source>
        <extracomment>shown in the status bar while the history file is not being written</extracomment>
        <translation>Verlauf aus</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Every state change as it happens and from the history, newest first; what came while you looked elsewhere in bold</source>
        <translation>Jede Statusänderung live und aus dem Verlauf, neueste zuerst; fett, was kam, während Sie woanders hinsahen</translation>
    </message>
    <message>
        <source>That task is not in the tree: the filter hides it, or it is no longer known.</source>
        <translation>Diese Aufgabe ist nicht im Baum: Der Filter blendet sie aus, oder sie ist nicht mehr bekannt.</translation>
    </message>
    <message>
        <source>Include &amp;Finished Tasks from History</source>
        <translation>&amp;Beendete Aufgaben aus dem Verlauf einbeziehen</translation>
    </message>
    <message>
        <source>Keep showing tasks the server no longer lists (it keeps them about a day), dimmed, with a clock, from Taskscope&apos;s history</source>
        <translation>Aufgaben, die der Server nicht mehr auflistet (er behält sie etwa einen Tag), weiterhin anzeigen: abgeblendet, mit einer Uhr, aus dem Verlauf von Taskscope</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>Verlauf schreibgeschützt</translation>
    </message>
    <message>
        <source>Keep Watching in the Tray?</source>
        <translation>Im Infobereich weiter beobachten?</translation>
    </message>
    <message>
        <source>Taskscope can keep polling and notify you from the system tray when you close this window. Quit it from the tray&apos;s menu or with File › Quit.</source>
        <translation>Taskscope kann nach dem Schließen dieses Fensters weiter abfragen und Sie über den Infobereich benachrichtigen. Beenden Sie es über das Menü im Infobereich oder mit Datei › Beenden.</translation>
    </message>
    <message>
        <source>Keep Running in the Tray</source>
        <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Taskscope asks only once; the choice is kept.</source>
        <translation>Taskscope fragt nur einmal; die Auswahl wird gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Benachrichtigungen…</translation>
    </message>
    <message>
        <source>Which events notify you (a task fails, ends, stalls, starts), for which tasks, and a test</source>
        <translation>Bei welchen Ereignissen Sie benachrichtigt werden (eine Aufgabe schlägt fehl, endet, stockt, startet), für welche Aufgaben, und ein Test</translation>
    </message>
    <message>
        <source>Mark Failures as &amp;Seen</source>
        <translation>Fehlschläge als gesehen &amp;markieren</translation>
    </message>
    <message>
        <source>Stop highlighting the failures you have not selected yet</source>
        <translation>Fehlschläge, die Sie noch nicht ausgewählt haben, nicht mehr hervorheben</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Einfrieren</translation>
    </message>
    <message>
        <source>Stop the tree from moving while polling goes on; unfreeze to see every change (F9)</source>
        <translation>Den Baum anhalten, während die Abfragen weiterlaufen; freigeben, um alle Änderungen zu sehen (F9)</translation>
    </message>
    <message>
        <source>Frozen: the tree stays as it is; polling goes on (F9 to unfreeze)</source>
        <translation>Eingefroren: Der Baum bleibt, wie er ist; die Abfragen laufen weiter (F9 zum Freigeben)</translation>
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
    <name>Taskscope::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Taskscope::NameDirectory</name>
    <message numerus="yes">
        <source>more than %n pages</source>
        <translation>
            <numerusform>mehr als %n Seite</numerusform>
            <numerusform>mehr als %n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>the server repeated a continue token</source>
        <translation>der Server hat ein continue-Token wiederholt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>App names</source>
        <translation>App-Namen</translation>
    </message>
    <message>
        <source>Cluster names</source>
        <translation>Cluster-Namen</translation>
    </message>
    <message>
        <source>Cloud names</source>
        <translation>Cloud-Namen</translation>
    </message>
    <message>
        <source>Namespace names</source>
        <translation>Namespace-Namen</translation>
    </message>
</context>
<context>
    <name>Taskscope::PageFetcher</name>
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
        <source>%1 redirected more than %2 times</source>
        <translation>%1 hat mehr als %2-mal umgeleitet</translation>
    </message>
</context>
<context>
    <name>Taskscope::SnapshotAssembler</name>
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
    <name>Taskscope::StateBar</name>
    <message>
        <source>Task states</source>
        <translation>Aufgabenstatus</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>state chip: tasks in a state Taskscope does not know</comment>
        <translation>Sonstige</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln task(s)</source>
        <comment>state chip: a state&apos;s name and its count</comment>
        <translation>
            <numerusform>%1: %Ln Aufgabe</numerusform>
            <numerusform>%1: %Ln Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Click: only %1 tasks.
Ctrl+click: add %1.
Alt+click: exclude %1.</source>
        <comment>state chip</comment>
        <translation>Klick: nur Aufgaben mit Status %1.
Strg+Klick: %1 hinzufügen.
Alt+Klick: %1 ausschließen.</translation>
    </message>
    <message>
        <source>Shown by the filter.
Click: remove %1 from the filter.
Alt+click: exclude %1 instead.</source>
        <comment>state chip</comment>
        <translation>Vom Filter eingeschlossen.
Klick: %1 aus dem Filter entfernen.
Alt+Klick: %1 stattdessen ausschließen.</translation>
    </message>
    <message>
        <source>Excluded by the filter.
Click: stop excluding %1.
Ctrl+click: add %1 instead.</source>
        <comment>state chip</comment>
        <translation>Vom Filter ausgeschlossen.
Klick: %1 nicht mehr ausschließen.
Strg+Klick: %1 stattdessen hinzufügen.</translation>
    </message>
    <message>
        <source>Right-click for a menu.</source>
        <comment>state chip</comment>
        <translation>Rechtsklick: Kontextmenü.</translation>
    </message>
    <message>
        <source>Only %1 tasks</source>
        <comment>state chip menu</comment>
        <translation>Nur Aufgaben mit Status %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>state chip menu</comment>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Exclude %1</source>
        <comment>state chip menu</comment>
        <translation>%1 ausschließen</translation>
    </message>
    <message>
        <source>Remove %1 from the filter</source>
        <comment>state chip menu</comment>
        <translation>%1 aus dem Filter entfernen</translation>
    </message>
    <message>
        <source>Stalled</source>
        <comment>state chip</comment>
        <extracomment>the chip of running tasks whose progress stopped moving</extracomment>
        <translation>Stockt</translation>
    </message>
    <message>
        <source>Shown by the filter.
Click: remove the stalled clause from the filter.</source>
        <comment>state chip</comment>
        <translation>Vom Filter eingeschlossen.
Klick: die stalled-Bedingung aus dem Filter entfernen.</translation>
    </message>
    <message>
        <source>Running tasks whose progress has not moved for at least 10 minutes (or 5 times their usual pace).
Click: only stalled tasks.</source>
        <comment>state chip</comment>
        <translation>Laufende Aufgaben, deren Fortschritt sich seit mindestens 10 Minuten (oder dem Fünffachen ihres üblichen Takts) nicht bewegt hat.
Klick: nur stockende Aufgaben.</translation>
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
        <source>No progress reported</source>
        <translation>Kein Fortschritt gemeldet</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
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
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Internal Name</source>
        <translation>Interner Name</translation>
    </message>
    <message>
        <source>In subtask “%1”:</source>
        <extracomment>the subtask whose failure a parent shows</extracomment>
        <translation>In der Unteraufgabe “%1”:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
Name not known: %2</source>
        <extracomment>a resource whose name is not known: its id, and why</extracomment>
        <translation>%1
Name unbekannt: %2</translation>
    </message>
    <message>
        <source>the account&apos;s lists do not name it</source>
        <translation>die Listen des Kontos enthalten keinen Namen dafür</translation>
    </message>
    <message>
        <source>%1
id %2</source>
        <translation>%1
ID %2</translation>
    </message>
    <message>
        <source>From history: the server stopped listing it at %1</source>
        <extracomment>a task shown from Taskscope&apos;s history; %1 is a date and time</extracomment>
        <translation>Aus dem Verlauf: Der Server listet sie seit %1 nicht mehr auf</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>★</source>
        <extracomment>the header of the narrow column of stars (watched tasks)</extracomment>
        <translation>★</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Nicht beobachtet</translation>
    </message>
    <message>
        <source>Not enough progress yet, and fewer than 3 past runs of this kind for this app</source>
        <translation>Noch nicht genug Fortschritt und weniger als 3 frühere Läufe dieser Art für diese App</translation>
    </message>
    <message>
        <source>From its recent progress and from past runs of this kind for this app</source>
        <translation>Aus dem jüngsten Fortschritt und früheren Läufen dieser Art für diese App</translation>
    </message>
    <message>
        <source>From past runs of this kind for this app</source>
        <translation>Aus früheren Läufen dieser Art für diese App</translation>
    </message>
    <message>
        <source>From its recent progress</source>
        <translation>Aus dem jüngsten Fortschritt</translation>
    </message>
    <message>
        <source>Stalled: no progress since %1</source>
        <extracomment>a running task whose progress stopped moving; %1 is a date and time</extracomment>
        <translation>Stockt: kein Fortschritt seit %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::TaskTreeView</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Copy Cell Text</source>
        <translation>Zellentext kopieren</translation>
    </message>
    <message>
        <source>Copy Row as JSON</source>
        <translation>Zeile als JSON kopieren</translation>
    </message>
    <message>
        <source>Copy Task ID</source>
        <translation>Aufgaben-ID kopieren</translation>
    </message>
    <message>
        <source>Expand Subtree</source>
        <translation>Teilbaum aufklappen</translation>
    </message>
    <message>
        <source>Collapse Subtree</source>
        <translation>Teilbaum zuklappen</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Beobachten</translation>
    </message>
    <message>
        <source>Keep this task and its subtasks in the Watched strip, and notify when it ends</source>
        <translation>Diese Aufgabe und ihre Unteraufgaben in der Leiste “Beobachtet” behalten und benachrichtigen, wenn sie endet</translation>
    </message>
</context>
<context>
    <name>Taskscope::TrayController</name>
    <message>
        <source>&amp;Hide Window</source>
        <translation>Fenster &amp;ausblenden</translation>
    </message>
    <message>
        <source>Recent Events</source>
        <translation>Letzte Ereignisse</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Noch keine Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Show Window</source>
        <translation>Fenster &amp;anzeigen</translation>
    </message>
    <message>
        <source>%1: %L2</source>
        <comment>tray tooltip: a state&apos;s name, its task count</comment>
        <translation>%1: %L2</translation>
    </message>
    <message>
        <source>No tasks</source>
        <translation>Keine Aufgaben</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s) not yet seen</source>
        <translation>
            <numerusform>%n noch nicht gesehener Fehlschlag</numerusform>
            <numerusform>%n noch nicht gesehene Fehlschläge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>tray event: a task&apos;s title, its app</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 wurde abgeschlossen</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 wurde beendet</translation>
    </message>
    <message>
        <source>%1 stalled</source>
        <translation>%1 stockt</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 wurde gestartet</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>tray event: its local time, what happened</comment>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>Taskscope::TrayNotifier</name>
    <message>
        <source>Tray icon messages</source>
        <translation>Meldungen des Infobereichssymbols</translation>
    </message>
</context>
<context>
    <name>Taskscope::UnavailableNotifier</name>
    <message>
        <source>No notification service</source>
        <translation>Kein Benachrichtigungsdienst</translation>
    </message>
</context>
<context>
    <name>Taskscope::WatchCommand</name>
    <message>
        <source>the history records again</source>
        <translation>der Verlauf zeichnet wieder auf</translation>
    </message>
    <message numerus="yes">
        <source>%1 (retrying in %n s)</source>
        <translation>
            <numerusform>%1 (neuer Versuch in %n s)</numerusform>
            <numerusform>%1 (neuer Versuch in %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Poll without a display, record the history, and print each state transition as it happens.</source>
        <translation>Ohne Anzeige abfragen, den Verlauf aufzeichnen und jeden Statuswechsel ausgeben, sobald er geschieht.</translation>
    </message>
    <message>
        <source>Print only the transitions of tasks that match &lt;expression&gt; (everything is recorded).</source>
        <translation>Nur die Statuswechsel von Aufgaben ausgeben, die zu &lt;Ausdruck&gt; passen (aufgezeichnet wird alles).</translation>
    </message>
    <message>
        <source>End after &lt;seconds&gt; (default: until interrupted).</source>
        <translation>Nach &lt;Sekunden&gt; enden (Standard: bis zur Unterbrechung).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Poll every &lt;seconds&gt; (default: the saved connection&apos;s interval, else 10).</source>
        <translation>Alle &lt;Sekunden&gt; abfragen (Standard: das Intervall der gespeicherten Verbindung, sonst 10).</translation>
    </message>
    <message>
        <source>say what to watch: --connection NAME, --url URL --account ID, or --demo</source>
        <translation>angeben, was beobachtet werden soll: --connection NAME, --url URL --account ID oder --demo</translation>
    </message>
    <message>
        <source>--duration takes a number of seconds above 0</source>
        <translation>--duration erwartet eine Anzahl Sekunden über 0</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds from 0.1 to 86400</source>
        <translation>--interval erwartet eine Anzahl Sekunden von 0,1 bis 86400</translation>
    </message>
    <message>
        <source>the system keychain did not answer</source>
        <translation>der Schlüsselbund des Systems hat nicht geantwortet</translation>
    </message>
    <message>
        <source>the system keychain holds no token for it</source>
        <translation>der Schlüsselbund des Systems enthält kein Token dafür</translation>
    </message>
    <message>
        <source>the system keychain is not available (%1)</source>
        <translation>der Schlüsselbund des Systems ist nicht verfügbar (%1)</translation>
    </message>
    <message>
        <source>no API token for &quot;%1&quot;: %2; use --token-file FILE or set ASTRA_TOKEN</source>
        <translation>kein API-Token für &quot;%1&quot;: %2; --token-file DATEI verwenden oder ASTRA_TOKEN setzen</translation>
    </message>
    <message>
        <source>cannot record the history in %1: %2</source>
        <translation>der Verlauf kann nicht in %1 aufgezeichnet werden: %2</translation>
    </message>
</context>
<context>
    <name>Taskscope::WatchedStrip</name>
    <message>
        <source>Watched</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>Stop Watching</source>
        <translation>Nicht mehr beobachten</translation>
    </message>
</context>
<context>
    <name>Taskscope::WatchedTasksProxy</name>
    <message>
        <source>%1 — hidden by: %2</source>
        <comment>a watched task the tree&apos;s filter hides: its name, the clause</comment>
        <translation>%1 — ausgeblendet durch: %2</translation>
    </message>
    <message>
        <source>The tree&apos;s filter hides “%1”: %2</source>
        <translation>Der Filter des Baums blendet “%1” aus: %2</translation>
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
        <source>No system keychain (%1): tokens stay in memory for this session only. Use --token-file FILE or set ASTRA_TOKEN.</source>
        <translation>Kein System-Schlüsselbund (%1): Tokens bleiben nur für diese Sitzung im Speicher. --token-file DATEI verwenden oder ASTRA_TOKEN setzen.</translation>
    </message>
    <message>
        <source>Start with the filter &lt;expression&gt;.</source>
        <translation>Mit dem Filter &lt;Ausdruck&gt; starten.</translation>
    </message>
    <message>
        <source>expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>taskscope: --filter: %1</source>
        <translation>taskscope: --filter: %1</translation>
    </message>
    <message>
        <source>Keep the history in &lt;file&gt; (default: %1).</source>
        <translation>Den Verlauf in &lt;Datei&gt; speichern (Standard: %1).</translation>
    </message>
    <message>
        <source>Keep no history this session.</source>
        <translation>In dieser Sitzung keinen Verlauf speichern.</translation>
    </message>
    <message>
        <source>taskscope: --history and --no-history exclude each other</source>
        <translation>taskscope: --history und --no-history schließen sich gegenseitig aus</translation>
    </message>
</context>
</TS>
