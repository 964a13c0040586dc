<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ApiError</name>
    <message>
        <source>No error</source>
        <translation>Aucune erreur</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>Hôte introuvable</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Certificat non approuvé</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>Erreur réseau</translation>
    </message>
    <message>
        <source>HTTP error</source>
        <translation>Erreur HTTP</translation>
    </message>
    <message>
        <source>Malformed response</source>
        <translation>Réponse mal formée</translation>
    </message>
    <message>
        <source>Response too large</source>
        <translation>Réponse trop volumineuse</translation>
    </message>
    <message>
        <source>Response cut short</source>
        <translation>Réponse tronquée</translation>
    </message>
    <message>
        <source>Redirect to another origin refused</source>
        <translation>Redirection vers une autre origine refusée</translation>
    </message>
    <message>
        <source>Plain HTTP refused</source>
        <translation>HTTP non chiffré refusé</translation>
    </message>
    <message>
        <source>Paging loop</source>
        <translation>Boucle de pagination</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Aucun jeton</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>[invalid: %1]</source>
        <translation>[non valide : %1]</translation>
    </message>
    <message>
        <source>%1 presented a certificate for %2 issued by %3 (SHA-256 %4)</source>
        <translation>%1 a présenté un certificat pour %2 émis par %3 (SHA-256 %4)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>invalid query parameter: name (reason)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Host %1 not found: check the server URL and the network.</source>
        <translation>Hôte %1 introuvable : vérifiez l&apos;URL du serveur et le réseau.</translation>
    </message>
    <message>
        <source>Connection refused by %1: check the server URL and port, and that the server is running.</source>
        <translation>Connexion refusée par %1 : vérifiez l&apos;URL et le port du serveur, et que le serveur est bien démarré.</translation>
    </message>
    <message>
        <source>Account %1 not found at %2: check the account id (%3).</source>
        <translation>Compte %1 introuvable sur %2 : vérifiez l&apos;identifiant du compte (%3).</translation>
    </message>
</context>
<context>
    <name>ConnectionOptions</name>
    <message>
        <source>Use the built-in demo server (live simulated backups; no account needed).</source>
        <translation>Utiliser le serveur de démonstration intégré (sauvegardes simulées en direct ; aucun compte requis).</translation>
    </message>
    <message>
        <source>The Astra Control URL, e.g. https://astra.example.com.</source>
        <translation>L&apos;URL d&apos;Astra Control, par ex. https://astra.example.com.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The Astra Control account id.</source>
        <translation>L&apos;identifiant du compte Astra Control.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Read the API token from the first line of &lt;file&gt; (else $ASTRA_TOKEN).</source>
        <translation>Lire le jeton d&apos;API depuis la première ligne de &lt;fichier&gt; (sinon $ASTRA_TOKEN).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Ask for &lt;n&gt; tasks per page (limit=n); default: no paging.</source>
        <translation>Demander &lt;n&gt; tâches par page (limit=n) ; par défaut : pas de pagination.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Allow plain http to a host that is not this machine (the token travels unencrypted).</source>
        <translation>Autoriser le http non chiffré vers un hôte autre que cette machine (le jeton transite en clair).</translation>
    </message>
    <message>
        <source>Give up on a request after &lt;s&gt; seconds without data (default 30).</source>
        <translation>Abandonner une requête après &lt;s&gt; secondes sans données (30 par défaut).</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>--page-size takes a whole number of at least 1</source>
        <translation>--page-size attend un nombre entier supérieur ou égal à 1</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds between 0 and 3600</source>
        <translation>--timeout attend un nombre de secondes entre 0 et 3600</translation>
    </message>
    <message>
        <source>--demo and --url exclude each other</source>
        <translation>--demo et --url s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>cannot start the demo server: %1</source>
        <translation>impossible de démarrer le serveur de démonstration : %1</translation>
    </message>
    <message>
        <source>say where the tasks come from: --url URL --account ID, or --demo</source>
        <translation>indiquez la provenance des tâches : --url URL --account ID, ou --demo</translation>
    </message>
    <message>
        <source>--url: not an http(s) URL: %1</source>
        <translation>--url : pas une URL http(s) : %1</translation>
    </message>
    <message>
        <source>--url needs --account ID</source>
        <translation>--url nécessite --account ID</translation>
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
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>impossible d&apos;écrire sur la sortie standard : %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Export Astra Control tasks without a display.</source>
        <translation>Exporter les tâches Astra Control sans affichage.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; (atomically) instead of standard output.</source>
        <translation>Écrire dans &lt;fichier&gt; (de façon atomique) au lieu de la sortie standard.</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>champs</translation>
    </message>
    <message>
        <source>The export command.</source>
        <translation>La commande export.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argument inattendu : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement : %1</translation>
    </message>
    <message>
        <source>--input excludes --url and --demo: say where the tasks come from once</source>
        <translation>--input exclut --url et --demo : n&apos;indiquez qu&apos;une seule provenance des tâches</translation>
    </message>
    <message>
        <source>say where the tasks come from: --input FILE, --url URL --account ID, or --demo</source>
        <translation>indiquez la provenance des tâches : --input FICHIER, --url URL --account ID, ou --demo</translation>
    </message>
    <message>
        <source>no API token: use --token-file FILE or set ASTRA_TOKEN</source>
        <translation>aucun jeton d&apos;API : utilisez --token-file FICHIER ou définissez ASTRA_TOKEN</translation>
    </message>
    <message>
        <source>Read the task list from &lt;file&gt; (a response to GET .../tasks; - is standard input).</source>
        <translation>Lire la liste des tâches depuis &lt;fichier&gt; (une réponse à GET .../tasks ; - désigne l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>For items that are arrays of values (a response to include=...): their field names, comma-separated.</source>
        <translation>Pour des éléments qui sont des tableaux de valeurs (une réponse à include=...) : les noms de leurs champs, séparés par des virgules.</translation>
    </message>
    <message>
        <source>Export only the tasks that match &lt;expression&gt; (the filter language of the GUI), in tree order.</source>
        <translation>N&apos;exporter que les tâches correspondant à &lt;expression&gt; (le langage de filtre de l&apos;interface graphique), dans l&apos;ordre de l&apos;arborescence.</translation>
    </message>
    <message>
        <source>expression</source>
        <translation>expression</translation>
    </message>
    <message>
        <source>Do not send the clauses the server understands as filter= parameters (the whole expression is always applied here too).</source>
        <translation>Ne pas envoyer les conditions que le serveur comprend sous forme de paramètres filter= (l&apos;expression complète est de toute façon appliquée ici aussi).</translation>
    </message>
    <message>
        <source>--filter: %1</source>
        <translation>--filter : %1</translation>
    </message>
    <message>
        <source>Output format: json (default), tree or csv.</source>
        <translation>Format de sortie : json (par défaut), tree ou csv.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use json, tree or csv</source>
        <translation>format &quot;%1&quot; inconnu : utilisez json, tree ou csv</translation>
    </message>
    <message>
        <source>warning: names not resolved: %1</source>
        <translation>avertissement : noms non résolus : %1</translation>
    </message>
</context>
<context>
    <name>FilterMenu</name>
    <message>
        <source>Show Only “%1”</source>
        <translation>Afficher uniquement “%1”</translation>
    </message>
    <message>
        <source>Exclude “%1”</source>
        <translation>Exclure “%1”</translation>
    </message>
    <message>
        <source>Show This App (%1)</source>
        <translation>Afficher cette application (%1)</translation>
    </message>
    <message>
        <source>Show This Cluster (%1)</source>
        <translation>Afficher ce cluster (%1)</translation>
    </message>
    <message>
        <source>Show This Namespace (%1)</source>
        <translation>Afficher cet espace de noms (%1)</translation>
    </message>
</context>
<context>
    <name>FilterParser</name>
    <message>
        <source>unexpected end of the filter: %1</source>
        <translation>fin inattendue du filtre : %1</translation>
    </message>
    <message>
        <source>the quoted text has no closing quote</source>
        <translation>le texte entre guillemets n&apos;a pas de guillemet fermant</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>caractère inattendu &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1, found &apos;%2&apos;</source>
        <translation>%1, &apos;%2&apos; trouvé</translation>
    </message>
    <message>
        <source>unmatched &apos;)&apos;</source>
        <translation>&apos;)&apos; sans &apos;(&apos; correspondante</translation>
    </message>
    <message>
        <source>expected &apos;and&apos; or &apos;or&apos;</source>
        <translation>&apos;and&apos; ou &apos;or&apos; attendu</translation>
    </message>
    <message>
        <source>the filter is nested too deeply</source>
        <translation>le filtre est trop profondément imbriqué</translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed</source>
        <translation>cette &apos;(&apos; n&apos;est jamais fermée</translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or &apos;)&apos;</source>
        <translation>&apos;and&apos;, &apos;or&apos; ou &apos;)&apos; attendu</translation>
    </message>
    <message>
        <source>expected a field name, &apos;not&apos; or &apos;(&apos;</source>
        <translation>nom de champ, &apos;not&apos; ou &apos;(&apos; attendu</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <translation>champ &apos;%1&apos; inconnu ; vouliez-vous dire &apos;%2&apos; ?</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;</source>
        <translation>champ &apos;%1&apos; inconnu</translation>
    </message>
    <message>
        <source>expected an operator (eq, ne, lt, gt, lte, gte, in, matches) after &apos;%1&apos;</source>
        <translation>opérateur (eq, ne, lt, gt, lte, gte, in, matches) attendu après &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a value: &apos;quoted text&apos;, a number or now-1h</source>
        <translation>valeur attendue : &apos;texte entre guillemets&apos;, un nombre ou now-1h</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares text, and &apos;%2&apos; is not text</source>
        <translation>&apos;%1&apos; compare du texte, et &apos;%2&apos; n&apos;est pas du texte</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is text; a relative time compares only with timestamps</source>
        <translation>&apos;%1&apos; est du texte ; un temps relatif ne se compare qu&apos;à des horodatages</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>expression régulière non valide : %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes a number, not &apos;%2&apos;</source>
        <translation>&apos;%1&apos; attend un nombre, pas &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the number %1 is out of range</source>
        <translation>le nombre %1 est hors limites</translation>
    </message>
    <message>
        <source>the relative time %1 reaches too far back</source>
        <translation>le temps relatif %1 remonte trop loin dans le passé</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes a timestamp like &apos;2024-05-01T12:00:00Z&apos; or a relative time like now-1h</source>
        <translation>&apos;%1&apos; attend un horodatage comme &apos;2024-05-01T12:00:00Z&apos; ou un temps relatif comme now-1h</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (colonne %2)</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>Show the tasks and state transitions the history holds, without a display or a network.</source>
        <translation>Afficher les tâches et les changements d&apos;état que contient l&apos;historique, sans affichage ni réseau.</translation>
    </message>
    <message>
        <source>Only tasks seen, and transitions, at or after &lt;time&gt; (ISO 8601, or now-&lt;n&gt; with s, m, h or d).</source>
        <translation>Seulement les tâches vues, et les changements, à partir de &lt;instant&gt; (ISO 8601, ou now-&lt;n&gt; avec s, m, h ou d).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>instant</translation>
    </message>
    <message>
        <source>Only tasks first seen, and transitions, at or before &lt;time&gt;.</source>
        <translation>Seulement les tâches vues pour la première fois, et les changements, jusqu&apos;à &lt;instant&gt;.</translation>
    </message>
    <message>
        <source>Only the tasks (or their transitions) that match &lt;expression&gt;.</source>
        <translation>Seulement les tâches (ou leurs changements d&apos;état) qui correspondent à &lt;expression&gt;.</translation>
    </message>
    <message>
        <source>Output format: json (default), csv, tree or transitions.</source>
        <translation>Format de sortie : json (par défaut), csv, tree ou transitions.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use json, csv, tree or transitions</source>
        <translation>format &quot;%1&quot; inconnu : utilisez json, csv, tree ou transitions</translation>
    </message>
    <message>
        <source>no history file at %1 (taskscope watch and the window record one)</source>
        <translation>aucun fichier d&apos;historique dans %1 (taskscope watch et la fenêtre en enregistrent un)</translation>
    </message>
    <message>
        <source>cannot read the history %1: %2</source>
        <translation>impossible de lire l&apos;historique %1 : %2</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>remarque : %1</translation>
    </message>
    <message>
        <source>%1 holds no history yet</source>
        <translation>%1 ne contient encore aucun historique</translation>
    </message>
    <message>
        <source>%1 holds no history of %2 (it holds: %3)</source>
        <translation>%1 ne contient aucun historique de %2 (il contient : %3)</translation>
    </message>
</context>
<context>
    <name>HistoryCommandLine</name>
    <message>
        <source>--connection, --url and --demo exclude each other: choose one</source>
        <translation>--connection, --url et --demo s&apos;excluent : choisissez-en un</translation>
    </message>
    <message>
        <source>A connection saved in the window (File › Connections…), by its name.</source>
        <translation>Une connexion enregistrée dans la fenêtre (Fichier › Connexions…), par son nom.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>The history file (default: %1).</source>
        <translation>Le fichier d&apos;historique (par défaut : %1).</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>La commande.</translation>
    </message>
    <message>
        <source>no saved connection &quot;%1&quot;: no connection is saved</source>
        <translation>aucune connexion enregistrée &quot;%1&quot; : aucune connexion n&apos;est enregistrée</translation>
    </message>
    <message>
        <source>no saved connection &quot;%1&quot; (saved: %2)</source>
        <translation>aucune connexion enregistrée &quot;%1&quot; (enregistrées : %2)</translation>
    </message>
    <message>
        <source>not a time: &quot;%1&quot; (use an ISO 8601 time such as 2026-05-01T08:00:00Z, or now-&lt;n&gt; with s, m, h or d, such as now-24h)</source>
        <translation>pas un instant : &quot;%1&quot; (utilisez un instant ISO 8601 comme 2026-05-01T08:00:00Z, ou now-&lt;n&gt; avec s, m, h ou d, comme now-24h)</translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>The disk that holds the history file %1 is full: history is not recorded.</source>
        <translation>Le disque qui contient le fichier d&apos;historique %1 est plein : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>Another process is writing the history file %1: this poll was not recorded.</source>
        <translation>Un autre processus écrit le fichier d&apos;historique %1 : cette interrogation n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>The history file %1 is read-only: history is not recorded.</source>
        <translation>Le fichier d&apos;historique %1 est en lecture seule : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>Cannot write the history file %1 (%2; is the disk full?): history is not recorded.</source>
        <translation>Impossible d&apos;écrire le fichier d&apos;historique %1 (%2 ; le disque est-il plein ?) : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>The history file %1 is damaged (%2): history is not recorded.</source>
        <translation>Le fichier d&apos;historique %1 est endommagé (%2) : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>Cannot write the history file %1: %2</source>
        <translation>Impossible d&apos;écrire le fichier d&apos;historique %1 : %2</translation>
    </message>
    <message>
        <source>The history file %1 is damaged (%2) and cannot be moved aside: history is not recorded.</source>
        <translation>Le fichier d&apos;historique %1 est endommagé (%2) et ne peut pas être mis de côté : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>The history file was damaged (%1): it was moved to %2 and a new one was started.</source>
        <translation>Le fichier d&apos;historique était endommagé (%1) : il a été déplacé vers %2 et un nouveau a été commencé.</translation>
    </message>
    <message>
        <source>Cannot open the history file %1: %2</source>
        <translation>Impossible d&apos;ouvrir le fichier d&apos;historique %1 : %2</translation>
    </message>
    <message>
        <source>The history file %1 is damaged or not a history file (%2).</source>
        <translation>Le fichier d&apos;historique %1 est endommagé ou n&apos;est pas un fichier d&apos;historique (%2).</translation>
    </message>
    <message>
        <source>Cannot read the history file %1: %2</source>
        <translation>Impossible de lire le fichier d&apos;historique %1 : %2</translation>
    </message>
    <message>
        <source>The history file %1 holds no history yet.</source>
        <translation>Le fichier d&apos;historique %1 ne contient encore aucun historique.</translation>
    </message>
    <message>
        <source>The history file %1 was written by a newer version of Taskscope (schema %2; this one knows %3): it is shown read-only and nothing is recorded.</source>
        <translation>Le fichier d&apos;historique %1 a été écrit par une version plus récente de Taskscope (schéma %2 ; celle-ci connaît le %3) : il est affiché en lecture seule et rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the history file: history is not recorded.</source>
        <translation>Impossible de créer le dossier %1 du fichier d&apos;historique : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>The folder %1 is read-only: history is not recorded.</source>
        <translation>Le dossier %1 est en lecture seule : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>Another Taskscope process is writing the history file %1: it is shown read-only here and nothing is recorded.</source>
        <translation>Un autre processus Taskscope écrit le fichier d&apos;historique %1 : il est affiché en lecture seule ici et rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>il n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <source>Cannot update the history file %1 to this version of Taskscope (%2): history is not recorded.</source>
        <translation>Impossible de mettre le fichier d&apos;historique %1 à jour pour cette version de Taskscope (%2) : l&apos;historique n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>No history file was given.</source>
        <translation>Aucun fichier d&apos;historique n&apos;a été indiqué.</translation>
    </message>
    <message>
        <source>The history file %1 is not a file.</source>
        <translation>Le fichier d&apos;historique %1 n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <source>There is no history file %1.</source>
        <translation>Il n&apos;y a pas de fichier d&apos;historique %1.</translation>
    </message>
    <message>
        <source>The history file is not open: nothing is recorded.</source>
        <translation>Le fichier d&apos;historique n&apos;est pas ouvert : rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>The history file %1 is open read-only: nothing is recorded.</source>
        <translation>Le fichier d&apos;historique %1 est ouvert en lecture seule : rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>The history file is not open.</source>
        <translation>Le fichier d&apos;historique n&apos;est pas ouvert.</translation>
    </message>
</context>
<context>
    <name>IncrementalSync</name>
    <message>
        <source>The server&apos;s incremental answers were incomplete; polling full lists from now on.</source>
        <translation>Les réponses incrémentales du serveur étaient incomplètes ; interrogation de la liste complète désormais.</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>pas du JSON (%1 à l&apos;octet %2)</translation>
    </message>
    <message>
        <source>the response has no &quot;items&quot; list</source>
        <translation>la réponse n&apos;a pas de liste &quot;items&quot;</translation>
    </message>
</context>
<context>
    <name>ResourceUri</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
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
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Instantané</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Miroir</translation>
    </message>
</context>
<context>
    <name>TaskFormat</name>
    <message>
        <source>Not started</source>
        <comment>task state</comment>
        <translation>Pas démarrée</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task state</comment>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>task state</comment>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Pausing</source>
        <comment>task state</comment>
        <translation>Pause en cours</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>task state</comment>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <comment>task state</comment>
        <translation>Annulation en cours</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task state</comment>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task state</comment>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>task state</comment>
        <translation>Inconnu</translation>
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
        <translation>Sa tâche parente %1 n&apos;est pas dans la liste : affichée au niveau supérieur.</translation>
    </message>
    <message>
        <source>It names itself as its parent: shown at the top level.</source>
        <translation>Elle se désigne elle-même comme parente : affichée au niveau supérieur.</translation>
    </message>
    <message>
        <source>Its parent chain loops back to it (parent %1): the loop is cut here.</source>
        <translation>Sa chaîne de parents revient sur elle-même (parente %1) : la boucle est coupée ici.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>a task&apos;s resource: its kind and its shortened id, &quot;Backup 1b2c3d4e…&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 · stalled</source>
        <comment>a state badge: the state&apos;s name, and that the task&apos;s progress has stopped</comment>
        <translation>%1 · bloquée</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>estimated time left</comment>
        <translation>Inconnu</translation>
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
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>text</source>
        <translation>du texte</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>une valeur inconnue</translation>
    </message>
    <message>
        <source>expected %1, got %2; left empty</source>
        <translation>attendu : %1, reçu : %2 ; laissé vide</translation>
    </message>
    <message>
        <source>expected a number, got the text &quot;%1&quot;; read as %2</source>
        <translation>attendu : un nombre, reçu : le texte &quot;%1&quot; ; lu comme %2</translation>
    </message>
    <message>
        <source>expected a number, got the text &quot;%1&quot;; left empty</source>
        <translation>attendu : un nombre, reçu : le texte &quot;%1&quot; ; laissé vide</translation>
    </message>
    <message>
        <source>a timestamp</source>
        <translation>un horodatage</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timestamp (YYYY-MM-DDTHH:MM:SS[.fraction]Z); left empty</source>
        <translation>&quot;%1&quot; n&apos;est pas un horodatage (YYYY-MM-DDTHH:MM:SS[.fraction]Z) ; laissé vide</translation>
    </message>
    <message>
        <source>an array of text</source>
        <translation>un tableau de textes</translation>
    </message>
    <message>
        <source>an array of objects</source>
        <translation>un tableau d&apos;objets</translation>
    </message>
    <message>
        <source>missing required field</source>
        <translation>champ obligatoire manquant</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;; kept as is</source>
        <translation>état &quot;%1&quot; inconnu ; conservé tel quel</translation>
    </message>
    <message>
        <source>%1 is outside 0..100</source>
        <translation>%1 est hors de l&apos;intervalle 0..100</translation>
    </message>
    <message>
        <source>the id is empty or not text; item skipped</source>
        <translation>l&apos;id est vide ou n&apos;est pas du texte ; élément ignoré</translation>
    </message>
    <message>
        <source>missing required field; item skipped</source>
        <translation>champ obligatoire manquant ; élément ignoré</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>élément %1</translation>
    </message>
    <message>
        <source>response</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>%1 (task %2)</source>
        <translation>%1 (tâche %2)</translation>
    </message>
    <message>
        <source>%1 (at byte %2)</source>
        <translation>%1 (à l&apos;octet %2)</translation>
    </message>
    <message>
        <source>the response is not valid UTF-8; invalid bytes were replaced with U+FFFD</source>
        <translation>la réponse n&apos;est pas de l&apos;UTF-8 valide ; les octets non valides ont été remplacés par U+FFFD</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation>JSON mal formé : %1</translation>
    </message>
    <message>
        <source>the response is %1, not a task list object</source>
        <translation>la réponse est %1, et non un objet liste de tâches</translation>
    </message>
    <message>
        <source>&quot;items&quot; is %1, not an array</source>
        <translation>&quot;items&quot; est %1, et non un tableau</translation>
    </message>
    <message>
        <source>the item is an array of values, but no include order is known; item skipped</source>
        <translation>l&apos;élément est un tableau de valeurs, mais aucun ordre include n&apos;est connu ; élément ignoré</translation>
    </message>
    <message>
        <source>the item is %1, not an object; item skipped</source>
        <translation>l&apos;élément est %1, et non un objet ; élément ignoré</translation>
    </message>
    <message>
        <source>the response has no &quot;items&quot; array</source>
        <translation>la réponse n&apos;a pas de tableau &quot;items&quot;</translation>
    </message>
    <message>
        <source>the item has %1 values, but the include order names %2 fields</source>
        <translation>l&apos;élément a %1 valeurs, mais l&apos;ordre d&apos;include nomme %2 champs</translation>
    </message>
    <message>
        <source>&quot;items&quot; appears more than once</source>
        <translation>&quot;items&quot; apparaît plus d&apos;une fois</translation>
    </message>
</context>
<context>
    <name>Taskscope::Attention</name>
    <message>
        <source>A task fails</source>
        <translation>Une tâche échoue</translation>
    </message>
    <message>
        <source>A task completes</source>
        <translation>Une tâche se termine avec succès</translation>
    </message>
    <message>
        <source>A task ends (completes, fails or is cancelled)</source>
        <translation>Une tâche prend fin (terminée, échouée ou annulée)</translation>
    </message>
    <message>
        <source>A task stalls</source>
        <translation>Une tâche se bloque</translation>
    </message>
    <message>
        <source>A task starts</source>
        <translation>Une tâche démarre</translation>
    </message>
    <message>
        <source>%1 failed on %2</source>
        <translation>%1 a échoué sur %2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 a échoué</translation>
    </message>
    <message>
        <source>%1 completed on %2</source>
        <translation>%1 s&apos;est terminée sur %2</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 s&apos;est terminée</translation>
    </message>
    <message>
        <source>%1 was cancelled on %2</source>
        <translation>%1 a été annulée sur %2</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 a été annulée</translation>
    </message>
    <message>
        <source>%1 stalled on %2</source>
        <comment>no progress for a long time</comment>
        <translation>%1 est bloquée sur %2</translation>
    </message>
    <message>
        <source>%1 stalled</source>
        <comment>no progress for a long time</comment>
        <translation>%1 est bloquée</translation>
    </message>
    <message>
        <source>%1 started on %2</source>
        <translation>%1 a démarré sur %2</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 a démarré</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) failed on %1</source>
        <translation>
            <numerusform>%n tâche a échoué sur %1</numerusform>
            <numerusform>%n tâches ont échoué sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) failed</source>
        <translation>
            <numerusform>%n tâche a échoué</numerusform>
            <numerusform>%n tâches ont échoué</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) completed on %1</source>
        <translation>
            <numerusform>%n tâche s&apos;est terminée sur %1</numerusform>
            <numerusform>%n tâches se sont terminées sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) completed</source>
        <translation>
            <numerusform>%n tâche s&apos;est terminée</numerusform>
            <numerusform>%n tâches se sont terminées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled on %1</source>
        <translation>
            <numerusform>%n tâche a été annulée sur %1</numerusform>
            <numerusform>%n tâches ont été annulées sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled</source>
        <translation>
            <numerusform>%n tâche a été annulée</numerusform>
            <numerusform>%n tâches ont été annulées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) stalled on %1</source>
        <comment>no progress for a long time</comment>
        <translation>
            <numerusform>%n tâche est bloquée sur %1</numerusform>
            <numerusform>%n tâches sont bloquées sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) stalled</source>
        <comment>no progress for a long time</comment>
        <translation>
            <numerusform>%n tâche est bloquée</numerusform>
            <numerusform>%n tâches sont bloquées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) started on %1</source>
        <translation>
            <numerusform>%n tâche a démarré sur %1</numerusform>
            <numerusform>%n tâches ont démarré sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) started</source>
        <translation>
            <numerusform>%n tâche a démarré</numerusform>
            <numerusform>%n tâches ont démarré</numerusform>
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
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>reason title: detail</comment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: %2</source>
        <translation>Règle &quot;%1&quot; : %2</translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n minute(s) (at %1%)</source>
        <translation>
            <numerusform>Aucune progression depuis %n minute (à %1 %)</numerusform>
            <numerusform>Aucune progression depuis %n minutes (à %1 %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n minute(s)</source>
        <translation>
            <numerusform>Aucune progression depuis %n minute</numerusform>
            <numerusform>Aucune progression depuis %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <comment>tasks that need attention</comment>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…et %n autre</numerusform>
            <numerusform>…et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Taskscope::AttentionRuleDialog</name>
    <message>
        <source>Only &amp;watched tasks (and their subtasks)</source>
        <translation>Uniquement les tâches &amp;suivies (et leurs sous-tâches)</translation>
    </message>
    <message>
        <source>Notification Rule</source>
        <translation>Règle de notification</translation>
    </message>
    <message>
        <source>Any task (for example: name in &apos;backup&apos; and appName in &apos;prod&apos;)</source>
        <translation>Toutes les tâches (par exemple : name in &apos;backup&apos; and appName in &apos;prod&apos;)</translation>
    </message>
    <message>
        <source>Any connection</source>
        <translation>Toutes les connexions</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Événement :</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtre :</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Connexion :</translation>
    </message>
    <message>
        <source>The filter is not valid: %1</source>
        <translation>Le filtre n&apos;est pas valide : %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::AttentionSettings</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>Rétablir les &amp;valeurs par défaut</translation>
    </message>
    <message>
        <source>Send a &amp;Test Notification</source>
        <translation>Envoyer une notification de &amp;test</translation>
    </message>
    <message>
        <source>At start, notify the &amp;failures since the last run</source>
        <translation>Au démarrage, signaler les &amp;échecs survenus depuis la dernière exécution</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Enabled</source>
        <comment>a notification rule is on (not muted)</comment>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Watched only</source>
        <translation>Suivies uniquement</translation>
    </message>
    <message>
        <source>Notify me when:</source>
        <translation>Me notifier quand :</translation>
    </message>
    <message>
        <source>Notifications cannot be shown: no notification service and no tray.</source>
        <translation>Impossible d&apos;afficher les notifications : aucun service de notification et aucune zone de notification.</translation>
    </message>
    <message>
        <source>Notifications cannot be shown now (%1).</source>
        <translation>Impossible d&apos;afficher les notifications pour le moment (%1).</translation>
    </message>
    <message>
        <source>Notifications are shown by: %1</source>
        <translation>Notifications affichées par : %1</translation>
    </message>
    <message>
        <source>Taskscope test notification</source>
        <translation>Notification de test de Taskscope</translation>
    </message>
    <message>
        <source>Notifications work: Taskscope will tell you here when a rule matches.</source>
        <translation>Les notifications fonctionnent : Taskscope vous préviendra ici lorsqu&apos;une règle correspond.</translation>
    </message>
    <message>
        <source>Muted: this rule notifies nothing</source>
        <translation>En sourdine : cette règle n&apos;envoie aucune notification</translation>
    </message>
    <message>
        <source>This rule notifies</source>
        <translation>Cette règle envoie des notifications</translation>
    </message>
    <message>
        <source>Any task</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message>
        <source>This filter is not valid, so the rule notifies nothing: %1</source>
        <translation>Ce filtre n&apos;est pas valide, la règle n&apos;envoie donc aucune notification : %1</translation>
    </message>
    <message>
        <source>Any connection</source>
        <translation>Toutes les connexions</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>Taskscope::ConnectionController</name>
    <message>
        <source>Cannot read the token of %1 from %2: %3</source>
        <translation>Impossible de lire le jeton de %1 depuis %2 : %3</translation>
    </message>
    <message>
        <source>Demo server %1</source>
        <translation>Serveur de démonstration %1</translation>
    </message>
    <message>
        <source>No system keychain (%1): the token stays in memory for this session only.</source>
        <translation>Aucun trousseau système (%1) : le jeton reste en mémoire pour cette session uniquement.</translation>
    </message>
</context>
<context>
    <name>Taskscope::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Connexions enregistrées</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>https://astra.example.com</source>
        <translation>https://astra.example.com</translation>
    </message>
    <message>
        <source>the account id (a UUID)</source>
        <translation>l&apos;identifiant du compte (un UUID)</translation>
    </message>
    <message>
        <source>leave empty to keep the stored token</source>
        <translation>laisser vide pour conserver le jeton enregistré</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Afficher le jeton</translation>
    </message>
    <message>
        <source>Tokens are kept in %1, never in the settings file.</source>
        <translation>Les jetons sont conservés dans %1, jamais dans le fichier de paramètres.</translation>
    </message>
    <message>
        <source>No system keychain: tokens are kept in memory for this session only.</source>
        <translation>Aucun trousseau système : les jetons sont conservés en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>whole list at once</source>
        <translation>toute la liste en une fois</translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP (the token travels unencrypted)</source>
        <translation>Autoriser le &amp;HTTP non chiffré (le jeton transite en clair)</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL du serveur :</translation>
    </message>
    <message>
        <source>&amp;Account ID:</source>
        <translation>&amp;Identifiant du compte :</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>&amp;Jeton d&apos;API :</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>In&amp;tervalle d&apos;interrogation :</translation>
    </message>
    <message>
        <source>Page si&amp;ze:</source>
        <translation>Taille de &amp;page :</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>Certificats approuvés :</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>T&amp;ester la connexion</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>Certificat non approuvé</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Donnez un nom à la connexion.</translation>
    </message>
    <message>
        <source>The server URL must be an http(s) address, for example https://astra.example.com.</source>
        <translation>L&apos;URL du serveur doit être une adresse http(s), par exemple https://astra.example.com.</translation>
    </message>
    <message>
        <source>The account ID is missing (Astra Control: Account → API access).</source>
        <translation>L&apos;identifiant du compte est manquant (Astra Control : Account → API access).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected: the server answered with the task list in %1 ms.</source>
        <translation>Connecté : le serveur a répondu avec la liste des tâches en %1 ms.</translation>
    </message>
    <message>
        <source>Check the API token and the account ID.</source>
        <translation>Vérifiez le jeton d&apos;API et l&apos;identifiant du compte.</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
SHA-256: %3
Problems: %4</source>
        <translation>Sujet : %1
Émetteur : %2
SHA-256 : %3
Problèmes : %4</translation>
    </message>
    <message>
        <source>Trust This Certificate for %1</source>
        <translation>Faire confiance à ce certificat pour %1</translation>
    </message>
    <message>
        <source>The server or the account changed: enter the API token again.</source>
        <translation>Le serveur ou le compte a changé : saisissez à nouveau le jeton d&apos;API.</translation>
    </message>
    <message>
        <source>Ask only for &amp;changed tasks between full lists</source>
        <translation>Ne demander que les tâches &amp;modifiées entre deux listes complètes</translation>
    </message>
    <message>
        <source>After a full list, each poll asks for the tasks modified since the newest one seen; every 12th poll, and after any error, takes the full list again to learn about removed tasks. Turn it off for a server that does not keep modificationTimestamp up to date.</source>
        <translation>Après une liste complète, chaque interrogation ne demande que les tâches modifiées depuis la plus récente déjà vue ; une interrogation sur 12, et après toute erreur, reprend la liste complète pour apprendre les tâches supprimées. À désactiver pour un serveur qui ne tient pas modificationTimestamp à jour.</translation>
    </message>
</context>
<context>
    <name>Taskscope::DBusNotifier</name>
    <message>
        <source>Desktop notifications (D-Bus)</source>
        <translation>Notifications du bureau (D-Bus)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Mute this rule</source>
        <translation>Mettre cette règle en sourdine</translation>
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
        <translation>Sélectionnez une tâche pour voir ses détails.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON brut</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copier %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Id de la tâche</translation>
    </message>
    <message>
        <source>Parent task id</source>
        <translation>Id de la tâche parente</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Can go to</source>
        <translation>Peut passer à</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Id de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Resource id</source>
        <translation>Id de la ressource</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
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
        <translation>Copier “%1”</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vue pour la première fois</translation>
    </message>
    <message>
        <source>Not listed since</source>
        <extracomment>a task the server no longer lists, shown from Taskscope&apos;s history</extracomment>
        <translation>Plus listée depuis</translation>
    </message>
    <message>
        <source>first seen: %1</source>
        <extracomment>a task&apos;s state change in its history; %1 and %2 are state names</extracomment>
        <translation>vue pour la première fois : %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>last seen</source>
        <translation>vue pour la dernière fois</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Historique (%1)</translation>
    </message>
</context>
<context>
    <name>Taskscope::ErrorBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Connection Settings…</source>
        <translation>Paramètres de connexion…</translation>
    </message>
    <message>
        <source>Showing the tasks of the last good poll (%1): they may be out of date.</source>
        <translation>Tâches du dernier relevé réussi (%1) : elles peuvent ne plus être à jour.</translation>
    </message>
    <message>
        <source>Next retry in %1 s.</source>
        <translation>Nouvel essai dans %1 s.</translation>
    </message>
    <message>
        <source>Polling is stopped until the connection settings change.</source>
        <translation>L&apos;interrogation est arrêtée jusqu&apos;à la modification des paramètres de connexion.</translation>
    </message>
</context>
<context>
    <name>Taskscope::ExportDialog</name>
    <message>
        <source>&amp;Selected tasks and their subtasks</source>
        <translation>Tâches &amp;sélectionnées et leurs sous-tâches</translation>
    </message>
    <message>
        <source>Export Tasks</source>
        <translation>Exporter les tâches</translation>
    </message>
    <message>
        <source>&amp;All tasks</source>
        <translation>&amp;Toutes les tâches</translation>
    </message>
    <message>
        <source>&amp;Visible tasks (as filtered)</source>
        <translation>Tâches &amp;visibles (selon le filtre)</translation>
    </message>
    <message>
        <source>JSON (the API&apos;s shape, every field)</source>
        <translation>JSON (la forme de l&apos;API, tous les champs)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>Tâches :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) will be written.</source>
        <translation>
            <numerusform>%n tâche sera écrite.</numerusform>
            <numerusform>%n tâches seront écrites.</numerusform>
        </translation>
    </message>
    <message>
        <source>No filter is applied.</source>
        <translation>Aucun filtre n&apos;est appliqué.</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filtre : %1</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>CSV (one row per task, for scripts and spreadsheets)</source>
        <translation>CSV (une ligne par tâche, pour les scripts et les tableurs)</translation>
    </message>
</context>
<context>
    <name>Taskscope::FailureGroupsView</name>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouées</translation>
    </message>
    <message>
        <source>Failed tasks grouped by their reason: click a cause to show only its tasks.</source>
        <translation>Tâches échouées regroupées par cause : cliquez sur une cause pour n&apos;afficher que ses tâches.</translation>
    </message>
    <message>
        <source>×%1</source>
        <extracomment>a count of failed tasks in the failure groups, &quot;×12&quot;</extracomment>
        <translation>×%1</translation>
    </message>
    <message>
        <source>No failed tasks</source>
        <translation>Aucune tâche échouée</translation>
    </message>
</context>
<context>
    <name>Taskscope::FilterController</name>
    <message>
        <source>Cannot change the filter: %1</source>
        <translation>Impossible de modifier le filtre : %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::FilterEditor</name>
    <message>
        <source>Filter expression</source>
        <translation>Expression de filtre</translation>
    </message>
    <message>
        <source>Filter: state eq &apos;failed&apos; and startTime gt now-1h   (Ctrl+Space completes)</source>
        <translation>Filtre : state eq &apos;failed&apos; and startTime gt now-1h   (Ctrl+Espace pour compléter)</translation>
    </message>
    <message>
        <source>Filter expression: field op value, joined with and, or, not and parentheses.
Operators: eq ne lt gt lte gte in (contains) matches (regular expression).
Values: &apos;quoted text&apos;, numbers, now-1h. Fields such as state, name, percentDone, startTime, duration, app, cluster, namespace, stateDetails[*].title, metadata.labels[*].value.</source>
        <translation>Expression de filtre : champ opérateur valeur, reliés par and, or, not et des parenthèses.
Opérateurs : eq ne lt gt lte gte in (contient) matches (expression régulière).
Valeurs : &apos;texte entre guillemets&apos;, nombres, now-1h. Champs tels que state, name, percentDone, startTime, duration, app, cluster, namespace, stateDetails[*].title, metadata.labels[*].value.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrés</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtres enregistrés</translation>
    </message>
    <message>
        <source>Invalid filter</source>
        <translation>Filtre non valide</translation>
    </message>
    <message>
        <source>Valid filter</source>
        <translation>Filtre valide</translation>
    </message>
    <message>
        <source>No filter: every task is shown</source>
        <translation>Aucun filtre : toutes les tâches sont affichées</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n match</source>
        <translation>
            <numerusform>%1 sur %n tâche</numerusform>
            <numerusform>%1 sur %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n correspondance</numerusform>
            <numerusform>%n correspondances</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Enregistrer le filtre</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>Nom du filtre :</translation>
    </message>
    <message>
        <source>Save Current Filter…</source>
        <translation>Enregistrer le filtre actuel…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>Taskscope::FreezeBar</name>
    <message>
        <source>Show Changes</source>
        <translation>Afficher les changements</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <comment>a button: let the tree move again</comment>
        <translation>Libérer</translation>
    </message>
    <message>
        <source>Apply the changes and let the tree follow the polls again</source>
        <translation>Appliquer les changements et laisser l&apos;arborescence suivre à nouveau les interrogations</translation>
    </message>
    <message numerus="yes">
        <source>Frozen: %n change(s) since the tree was frozen</source>
        <translation>
            <numerusform>Figée : %n changement depuis que l&apos;arborescence a été figée</numerusform>
            <numerusform>Figée : %n changements depuis que l&apos;arborescence a été figée</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Frozen: %n change(s) since %1</source>
        <comment>the tree stopped moving; polls go on</comment>
        <translation>
            <numerusform>Figée : %n changement depuis %1</numerusform>
            <numerusform>Figée : %n changements depuis %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Frozen since %1</source>
        <translation>Figée depuis %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::JournalModel</name>
    <message>
        <source>appeared: %1</source>
        <extracomment>Journal: a task seen for the first time, in its state (&quot;appeared: Running&quot;)</extracomment>
        <translation>apparue : %1</translation>
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
id : %2</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Journal column: when the change was seen</extracomment>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Task</source>
        <extracomment>Journal column: the task&apos;s name</extracomment>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>App</source>
        <extracomment>Journal column: the application the task is about</extracomment>
        <translation>Application</translation>
    </message>
    <message>
        <source>Change</source>
        <extracomment>Journal column: the change of state (&quot;Running → Failed&quot;)</extracomment>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Reason</source>
        <extracomment>Journal column: why the task failed</extracomment>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>Taskscope::JournalView</name>
    <message>
        <source>Mark as Read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Mark every change as read: only changes from now on will be in bold</source>
        <translation>Marquer tous les changements comme lus : seuls les suivants seront en gras</translation>
    </message>
    <message numerus="yes">
        <source>%n new since you last looked</source>
        <comment>Journal: state changes in bold</comment>
        <translation>
            <numerusform>%n nouveau depuis votre dernière consultation</numerusform>
            <numerusform>%n nouveaux depuis votre dernière consultation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since you last looked (%1 without the filter)</source>
        <comment>Journal: state changes in bold</comment>
        <translation>
            <numerusform>%n nouveau depuis votre dernière consultation (%1 sans le filtre)</numerusform>
            <numerusform>%n nouveaux depuis votre dernière consultation (%1 sans le filtre)</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes after %1 are in bold</source>
        <extracomment>Journal: the tooltip of &quot;3 new since you last looked&quot;; %1 is a date and time</extracomment>
        <translation>Les changements après %1 sont en gras</translation>
    </message>
    <message>
        <source>No state changes match the filter</source>
        <translation>Aucun changement d&apos;état ne correspond au filtre</translation>
    </message>
    <message>
        <source>No state changes yet</source>
        <translation>Aucun changement d&apos;état pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>Taskscope::KeychainTokenStore</name>
    <message>
        <source>the system keychain</source>
        <translation>le trousseau du système</translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>aucun bus de session D-Bus</translation>
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
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1 — account %2</source>
        <translation>%1 — compte %2</translation>
    </message>
    <message>
        <source>Last poll %1 (%2 ms)</source>
        <translation>Dernière interrogation %1 (%2 ms)</translation>
    </message>
    <message>
        <source>next in %1 s</source>
        <translation>prochaine dans %1 s</translation>
    </message>
    <message>
        <source>polling…</source>
        <translation>interrogation…</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Actualiser maintenant</translation>
    </message>
    <message>
        <source>Poll the server now (F5)</source>
        <translation>Interroger le serveur maintenant (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation>Mettre en &amp;pause les relevés</translation>
    </message>
    <message>
        <source>Stop polling; the tasks shown stay as they are (Space in the tree)</source>
        <translation>Arrêter les relevés ; les tâches affichées restent telles quelles (Espace dans l&apos;arbre)</translation>
    </message>
    <message>
        <source>&amp;Copy as JSON</source>
        <translation>&amp;Copier en JSON</translation>
    </message>
    <message>
        <source>Copy the selected tasks to the clipboard in the API&apos;s JSON shape</source>
        <translation>Copier les tâches sélectionnées dans le presse-papiers, au format JSON de l&apos;API</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n task(s) as JSON</source>
        <translation>
            <numerusform>%n tâche copiée en JSON</numerusform>
            <numerusform>%n tâches copiées en JSON</numerusform>
        </translation>
    </message>
    <message>
        <source>polling paused</source>
        <translation>relevés en pause</translation>
    </message>
    <message>
        <source>&amp;Newest First</source>
        <translation>Les plus &amp;récentes d&apos;abord</translation>
    </message>
    <message>
        <source>Top-level tasks newest first, subtasks in their order (the default)</source>
        <translation>Tâches de premier niveau les plus récentes d&apos;abord, sous-tâches dans leur ordre (par défaut)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Write all, visible or selected tasks to a JSON or CSV file (Ctrl+E)</source>
        <translation>Écrire toutes les tâches, les visibles ou les sélectionnées dans un fichier JSON ou CSV (Ctrl+E)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1</source>
        <translation>
            <numerusform>%n tâche exportée vers %1</numerusform>
            <numerusform>%n tâches exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Connexions…</translation>
    </message>
    <message>
        <source>Add, edit, test and choose the Astra Control connection (Ctrl+,)</source>
        <translation>Ajouter, modifier, tester et choisir la connexion Astra Control (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrer…</translation>
    </message>
    <message>
        <source>Type a filter expression (Ctrl+F, Ctrl+L)</source>
        <translation>Saisir une expression de filtre (Ctrl+F, Ctrl+L)</translation>
    </message>
    <message>
        <source>C&amp;lear Filter</source>
        <translation>&amp;Effacer le filtre</translation>
    </message>
    <message>
        <source>Show &amp;Subtasks of Matches</source>
        <translation>Afficher les &amp;sous-tâches des correspondances</translation>
    </message>
    <message>
        <source>Show every subtask of a matching task, not only the matches and the tasks above them</source>
        <translation>Afficher toutes les sous-tâches d&apos;une tâche correspondante, et pas seulement les correspondances et leurs tâches parentes</translation>
    </message>
    <message>
        <source>Filter on the &amp;Server Too</source>
        <translation>Filtrer aussi &amp;côté serveur</translation>
    </message>
    <message>
        <source>Send the clauses the server understands with each poll, so that less travels; the whole filter is still applied here. Parents that do not match are then not fetched, and their subtasks show as orphans.</source>
        <translation>Envoyer à chaque interrogation les conditions que le serveur comprend, afin de réduire le volume transféré ; le filtre complet reste appliqué ici. Les tâches parentes qui ne correspondent pas ne sont alors pas récupérées, et leurs sous-tâches apparaissent comme orphelines.</translation>
    </message>
    <message>
        <source>Data problems</source>
        <translation>Problèmes de données</translation>
    </message>
    <message numerus="yes">
        <source>The last poll returned %n item(s) with problems. Tasks with a usable id are shown with what could be read; the others were skipped.</source>
        <translation>
            <numerusform>La dernière interrogation a renvoyé %n élément présentant des problèmes. Les tâches ayant un id utilisable sont affichées avec ce qui a pu être lu ; les autres ont été ignorées.</numerusform>
            <numerusform>La dernière interrogation a renvoyé %n éléments présentant des problèmes. Les tâches ayant un id utilisable sont affichées avec ce qui a pu être lu ; les autres ont été ignorées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data problem(s)</source>
        <translation>
            <numerusform>%n problème de données</numerusform>
            <numerusform>%n problèmes de données</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) match</source>
        <translation>
            <numerusform>Correspondances : %1 sur %n tâche</numerusform>
            <numerusform>Correspondances : %1 sur %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>Tout &amp;développer</translation>
    </message>
    <message>
        <source>Show the subtasks of every task</source>
        <translation>Afficher les sous-tâches de chaque tâche</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>Tout &amp;réduire</translation>
    </message>
    <message>
        <source>Show only the top-level tasks</source>
        <translation>N&apos;afficher que les tâches de premier niveau</translation>
    </message>
    <message>
        <source>Connect to the &amp;Demo Server</source>
        <translation>Se connecter au serveur de &amp;démonstration</translation>
    </message>
    <message>
        <source>Watch the built-in demo server&apos;s simulated backups (no account needed)</source>
        <translation>Suivre les sauvegardes simulées du serveur de démonstration intégré (aucun compte requis)</translation>
    </message>
    <message>
        <source>Demo Server</source>
        <translation>Serveur de démonstration</translation>
    </message>
    <message>
        <source>Cannot start the demo server: %1</source>
        <translation>Impossible de démarrer le serveur de démonstration : %1</translation>
    </message>
    <message>
        <source>&amp;Resume Polling</source>
        <translation>&amp;Reprendre les relevés</translation>
    </message>
    <message>
        <source>Poll again at the usual pace (Space in the tree)</source>
        <translation>Reprendre les relevés au rythme habituel (Espace dans l&apos;arbre)</translation>
    </message>
    <message>
        <source>Failures by Cause</source>
        <translation>Échecs par cause</translation>
    </message>
    <message>
        <source>&amp;Group Failures by Cause</source>
        <translation>&amp;Grouper les échecs par cause</translation>
    </message>
    <message>
        <source>List failed tasks by their reason, with counts; click one to show only its tasks</source>
        <translation>Lister les tâches échouées par cause, avec leur nombre ; cliquer sur une cause pour n&apos;afficher que ses tâches</translation>
    </message>
    <message>
        <source>Names unavailable</source>
        <extracomment>shown in the status bar when the account&apos;s lists of apps, clusters... could not be read</extracomment>
        <translation>Noms indisponibles</translation>
    </message>
    <message>
        <source>data %1 old</source>
        <extracomment>the status bar while the last poll failed: how old the rows are</extracomment>
        <translation>données vieilles de %1</translation>
    </message>
    <message numerus="yes">
        <source>The previous filter is still applied: %1 of %n task(s) match</source>
        <translation>
            <numerusform>Le filtre précédent reste appliqué : %1 sur %n tâche</numerusform>
            <numerusform>Le filtre précédent reste appliqué : %1 sur %n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No filter is applied: %n task(s)</source>
        <translation>
            <numerusform>Aucun filtre n&apos;est appliqué : %n tâche</numerusform>
            <numerusform>Aucun filtre n&apos;est appliqué : %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Some names cannot be shown; ids are shown instead.
%1</source>
        <translation>Certains noms ne peuvent pas être affichés ; les id sont affichés à la place.
%1</translation>
    </message>
    <message>
        <source>History off</source>
        <extracomment>shown in the status bar while the history file is not being written</extracomment>
        <translation>Historique désactivé</translation>
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
        <translation>Chaque changement d&apos;état en direct et depuis l&apos;historique, les plus récents d&apos;abord ; en gras, ce qui est arrivé pendant que vous regardiez ailleurs</translation>
    </message>
    <message>
        <source>That task is not in the tree: the filter hides it, or it is no longer known.</source>
        <translation>Cette tâche n&apos;est pas dans l&apos;arborescence : le filtre la masque, ou elle n&apos;est plus connue.</translation>
    </message>
    <message>
        <source>Include &amp;Finished Tasks from History</source>
        <translation>Inclure les tâches &amp;terminées de l&apos;historique</translation>
    </message>
    <message>
        <source>Keep showing tasks the server no longer lists (it keeps them about a day), dimmed, with a clock, from Taskscope&apos;s history</source>
        <translation>Continuer d&apos;afficher les tâches que le serveur ne liste plus (il les garde environ un jour), estompées, avec une horloge, depuis l&apos;historique de Taskscope</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>Historique en lecture seule</translation>
    </message>
    <message>
        <source>Keep Watching in the Tray?</source>
        <translation>Continuer la surveillance dans la zone de notification ?</translation>
    </message>
    <message>
        <source>Taskscope can keep polling and notify you from the system tray when you close this window. Quit it from the tray&apos;s menu or with File › Quit.</source>
        <translation>Taskscope peut continuer ses interrogations et vous avertir depuis la zone de notification lorsque vous fermez cette fenêtre. Quittez-le depuis le menu de la zone de notification ou avec Fichier › Quitter.</translation>
    </message>
    <message>
        <source>Keep Running in the Tray</source>
        <translation>Continuer dans la zone de notification</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Taskscope asks only once; the choice is kept.</source>
        <translation>Taskscope ne pose la question qu&apos;une fois ; le choix est conservé.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Notifications…</translation>
    </message>
    <message>
        <source>Which events notify you (a task fails, ends, stalls, starts), for which tasks, and a test</source>
        <translation>Quels événements vous sont notifiés (une tâche échoue, prend fin, se bloque, démarre), pour quelles tâches, et un test</translation>
    </message>
    <message>
        <source>Mark Failures as &amp;Seen</source>
        <translation>Marquer les échecs comme &amp;vus</translation>
    </message>
    <message>
        <source>Stop highlighting the failures you have not selected yet</source>
        <translation>Ne plus mettre en évidence les échecs que vous n&apos;avez pas encore sélectionnés</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Figer</translation>
    </message>
    <message>
        <source>Stop the tree from moving while polling goes on; unfreeze to see every change (F9)</source>
        <translation>Figer l&apos;arborescence pendant que les interrogations continuent ; libérer pour voir tous les changements (F9)</translation>
    </message>
    <message>
        <source>Frozen: the tree stays as it is; polling goes on (F9 to unfreeze)</source>
        <translation>Figée : l&apos;arborescence reste telle quelle ; les interrogations continuent (F9 pour libérer)</translation>
    </message>
</context>
<context>
    <name>Taskscope::MemoryTokenStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation>la mémoire (cette session uniquement)</translation>
    </message>
</context>
<context>
    <name>Taskscope::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Taskscope::NameDirectory</name>
    <message numerus="yes">
        <source>more than %n pages</source>
        <translation>
            <numerusform>plus de %n page</numerusform>
            <numerusform>plus de %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>the server repeated a continue token</source>
        <translation>le serveur a répété un jeton continue</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>App names</source>
        <translation>Noms des applications</translation>
    </message>
    <message>
        <source>Cluster names</source>
        <translation>Noms des clusters</translation>
    </message>
    <message>
        <source>Cloud names</source>
        <translation>Noms des clouds</translation>
    </message>
    <message>
        <source>Namespace names</source>
        <translation>Noms des espaces de noms</translation>
    </message>
</context>
<context>
    <name>Taskscope::PageFetcher</name>
    <message>
        <source>not an http(s) URL: %1</source>
        <translation>pas une URL http(s) : %1</translation>
    </message>
    <message>
        <source>the token would travel unencrypted to %1; use https, or allow plain http explicitly</source>
        <translation>le jeton transiterait en clair vers %1 ; utilisez https ou autorisez explicitement le http non chiffré</translation>
    </message>
    <message>
        <source>no API token is set for this connection</source>
        <translation>aucun jeton d&apos;API n&apos;est défini pour cette connexion</translation>
    </message>
    <message>
        <source>%1 redirected to %2</source>
        <translation>%1 a redirigé vers %2</translation>
    </message>
    <message>
        <source>the server announced %1 bytes; the limit is %2</source>
        <translation>le serveur a annoncé %1 octets ; la limite est de %2</translation>
    </message>
    <message>
        <source>the response passed the limit of %1 bytes</source>
        <translation>la réponse a dépassé la limite de %1 octets</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>aucune donnée depuis %1 s</translation>
    </message>
    <message>
        <source>%1 of %2 bytes arrived</source>
        <translation>%1 octets reçus sur %2</translation>
    </message>
    <message>
        <source>%1 redirected more than %2 times</source>
        <translation>%1 a redirigé plus de %2 fois</translation>
    </message>
</context>
<context>
    <name>Taskscope::SnapshotAssembler</name>
    <message>
        <source>the server sent the same continue token twice</source>
        <translation>le serveur a envoyé deux fois le même jeton continue</translation>
    </message>
    <message>
        <source>more than %1 pages</source>
        <translation>plus de %1 pages</translation>
    </message>
</context>
<context>
    <name>Taskscope::StateBar</name>
    <message>
        <source>Task states</source>
        <translation>États des tâches</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>state chip: tasks in a state Taskscope does not know</comment>
        <translation>Autre</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln task(s)</source>
        <comment>state chip: a state&apos;s name and its count</comment>
        <translation>
            <numerusform>%1 : %Ln tâche</numerusform>
            <numerusform>%1 : %Ln tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Click: only %1 tasks.
Ctrl+click: add %1.
Alt+click: exclude %1.</source>
        <comment>state chip</comment>
        <translation>Clic : uniquement l&apos;état %1.
Ctrl+clic : ajouter l&apos;état %1.
Alt+clic : exclure l&apos;état %1.</translation>
    </message>
    <message>
        <source>Shown by the filter.
Click: remove %1 from the filter.
Alt+click: exclude %1 instead.</source>
        <comment>state chip</comment>
        <translation>Inclus par le filtre.
Clic : retirer l&apos;état %1 du filtre.
Alt+clic : exclure plutôt l&apos;état %1.</translation>
    </message>
    <message>
        <source>Excluded by the filter.
Click: stop excluding %1.
Ctrl+click: add %1 instead.</source>
        <comment>state chip</comment>
        <translation>Exclu par le filtre.
Clic : ne plus exclure l&apos;état %1.
Ctrl+clic : ajouter plutôt l&apos;état %1.</translation>
    </message>
    <message>
        <source>Right-click for a menu.</source>
        <comment>state chip</comment>
        <translation>Clic droit : menu contextuel.</translation>
    </message>
    <message>
        <source>Only %1 tasks</source>
        <comment>state chip menu</comment>
        <translation>Uniquement l&apos;état %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <comment>state chip menu</comment>
        <translation>Ajouter l&apos;état %1</translation>
    </message>
    <message>
        <source>Exclude %1</source>
        <comment>state chip menu</comment>
        <translation>Exclure l&apos;état %1</translation>
    </message>
    <message>
        <source>Remove %1 from the filter</source>
        <comment>state chip menu</comment>
        <translation>Retirer l&apos;état %1 du filtre</translation>
    </message>
    <message>
        <source>Stalled</source>
        <comment>state chip</comment>
        <extracomment>the chip of running tasks whose progress stopped moving</extracomment>
        <translation>Bloquée</translation>
    </message>
    <message>
        <source>Shown by the filter.
Click: remove the stalled clause from the filter.</source>
        <comment>state chip</comment>
        <translation>Inclus par le filtre.
Clic : retirer la condition stalled du filtre.</translation>
    </message>
    <message>
        <source>Running tasks whose progress has not moved for at least 10 minutes (or 5 times their usual pace).
Click: only stalled tasks.</source>
        <comment>state chip</comment>
        <translation>Tâches en cours dont la progression n&apos;a pas bougé depuis au moins 10 minutes (ou 5 fois leur rythme habituel).
Clic : uniquement les tâches bloquées.</translation>
    </message>
</context>
<context>
    <name>Taskscope::TaskTreeModel</name>
    <message>
        <source>a task without an id; skipped</source>
        <translation>une tâche sans id ; ignorée</translation>
    </message>
    <message>
        <source>duplicate id; the first task with this id is kept</source>
        <translation>id en double ; la première tâche avec cet id est conservée</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>No progress reported</source>
        <translation>Aucune progression indiquée</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Internal Name</source>
        <translation>Nom interne</translation>
    </message>
    <message>
        <source>In subtask “%1”:</source>
        <extracomment>the subtask whose failure a parent shows</extracomment>
        <translation>Dans la sous-tâche “%1” :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1
Name not known: %2</source>
        <extracomment>a resource whose name is not known: its id, and why</extracomment>
        <translation>%1
Nom inconnu : %2</translation>
    </message>
    <message>
        <source>the account&apos;s lists do not name it</source>
        <translation>les listes du compte ne donnent pas son nom</translation>
    </message>
    <message>
        <source>%1
id %2</source>
        <translation>%1
id %2</translation>
    </message>
    <message>
        <source>From history: the server stopped listing it at %1</source>
        <extracomment>a task shown from Taskscope&apos;s history; %1 is a date and time</extracomment>
        <translation>Depuis l&apos;historique : le serveur a cessé de la lister le %1</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>★</source>
        <extracomment>the header of the narrow column of stars (watched tasks)</extracomment>
        <translation>★</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Suivie</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Non suivie</translation>
    </message>
    <message>
        <source>Not enough progress yet, and fewer than 3 past runs of this kind for this app</source>
        <translation>Pas encore assez de progression, et moins de 3 exécutions passées de ce type pour cette application</translation>
    </message>
    <message>
        <source>From its recent progress and from past runs of this kind for this app</source>
        <translation>D&apos;après sa progression récente et les exécutions passées de ce type pour cette application</translation>
    </message>
    <message>
        <source>From past runs of this kind for this app</source>
        <translation>D&apos;après les exécutions passées de ce type pour cette application</translation>
    </message>
    <message>
        <source>From its recent progress</source>
        <translation>D&apos;après sa progression récente</translation>
    </message>
    <message>
        <source>Stalled: no progress since %1</source>
        <extracomment>a running task whose progress stopped moving; %1 is a date and time</extracomment>
        <translation>Bloquée : aucune progression depuis le %1</translation>
    </message>
</context>
<context>
    <name>Taskscope::TaskTreeView</name>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Copy Cell Text</source>
        <translation>Copier le texte de la cellule</translation>
    </message>
    <message>
        <source>Copy Row as JSON</source>
        <translation>Copier la ligne en JSON</translation>
    </message>
    <message>
        <source>Copy Task ID</source>
        <translation>Copier l&apos;id de la tâche</translation>
    </message>
    <message>
        <source>Expand Subtree</source>
        <translation>Développer la sous-arborescence</translation>
    </message>
    <message>
        <source>Collapse Subtree</source>
        <translation>Réduire la sous-arborescence</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Suivre</translation>
    </message>
    <message>
        <source>Keep this task and its subtasks in the Watched strip, and notify when it ends</source>
        <translation>Garder cette tâche et ses sous-tâches dans le bandeau Suivies, et avertir quand elle prend fin</translation>
    </message>
</context>
<context>
    <name>Taskscope::TrayController</name>
    <message>
        <source>&amp;Hide Window</source>
        <translation>&amp;Masquer la fenêtre</translation>
    </message>
    <message>
        <source>Recent Events</source>
        <translation>Événements récents</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Aucun événement pour l&apos;instant</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Show Window</source>
        <translation>&amp;Afficher la fenêtre</translation>
    </message>
    <message>
        <source>%1: %L2</source>
        <comment>tray tooltip: a state&apos;s name, its task count</comment>
        <translation>%1 : %L2</translation>
    </message>
    <message>
        <source>No tasks</source>
        <translation>Aucune tâche</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s) not yet seen</source>
        <translation>
            <numerusform>%n échec pas encore vu</numerusform>
            <numerusform>%n échecs pas encore vus</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>tray event: a task&apos;s title, its app</comment>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 a échoué</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 s&apos;est terminée</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 a pris fin</translation>
    </message>
    <message>
        <source>%1 stalled</source>
        <translation>%1 est bloquée</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 a démarré</translation>
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
        <translation>Messages de l&apos;icône de la zone de notification</translation>
    </message>
</context>
<context>
    <name>Taskscope::UnavailableNotifier</name>
    <message>
        <source>No notification service</source>
        <translation>Aucun service de notification</translation>
    </message>
</context>
<context>
    <name>Taskscope::WatchCommand</name>
    <message>
        <source>the history records again</source>
        <translation>l&apos;historique enregistre de nouveau</translation>
    </message>
    <message numerus="yes">
        <source>%1 (retrying in %n s)</source>
        <translation>
            <numerusform>%1 (nouvel essai dans %n s)</numerusform>
            <numerusform>%1 (nouvel essai dans %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Poll without a display, record the history, and print each state transition as it happens.</source>
        <translation>Interroger sans affichage, enregistrer l&apos;historique et afficher chaque changement d&apos;état dès qu&apos;il a lieu.</translation>
    </message>
    <message>
        <source>Print only the transitions of tasks that match &lt;expression&gt; (everything is recorded).</source>
        <translation>N&apos;afficher que les changements des tâches qui correspondent à &lt;expression&gt; (tout est enregistré).</translation>
    </message>
    <message>
        <source>End after &lt;seconds&gt; (default: until interrupted).</source>
        <translation>S&apos;arrêter après &lt;secondes&gt; (par défaut : jusqu&apos;à interruption).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Poll every &lt;seconds&gt; (default: the saved connection&apos;s interval, else 10).</source>
        <translation>Interroger toutes les &lt;secondes&gt; (par défaut : l&apos;intervalle de la connexion enregistrée, sinon 10).</translation>
    </message>
    <message>
        <source>say what to watch: --connection NAME, --url URL --account ID, or --demo</source>
        <translation>indiquez quoi surveiller : --connection NOM, --url URL --account ID, ou --demo</translation>
    </message>
    <message>
        <source>--duration takes a number of seconds above 0</source>
        <translation>--duration attend un nombre de secondes supérieur à 0</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds from 0.1 to 86400</source>
        <translation>--interval attend un nombre de secondes de 0,1 à 86400</translation>
    </message>
    <message>
        <source>the system keychain did not answer</source>
        <translation>le trousseau du système n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>the system keychain holds no token for it</source>
        <translation>le trousseau du système ne contient aucun jeton pour elle</translation>
    </message>
    <message>
        <source>the system keychain is not available (%1)</source>
        <translation>le trousseau du système n&apos;est pas disponible (%1)</translation>
    </message>
    <message>
        <source>no API token for &quot;%1&quot;: %2; use --token-file FILE or set ASTRA_TOKEN</source>
        <translation>aucun jeton d&apos;API pour &quot;%1&quot; : %2 ; utilisez --token-file FICHIER ou définissez ASTRA_TOKEN</translation>
    </message>
    <message>
        <source>cannot record the history in %1: %2</source>
        <translation>impossible d&apos;enregistrer l&apos;historique dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>Taskscope::WatchedStrip</name>
    <message>
        <source>Watched</source>
        <translation>Suivies</translation>
    </message>
    <message>
        <source>Stop Watching</source>
        <translation>Ne plus suivre</translation>
    </message>
</context>
<context>
    <name>Taskscope::WatchedTasksProxy</name>
    <message>
        <source>%1 — hidden by: %2</source>
        <comment>a watched task the tree&apos;s filter hides: its name, the clause</comment>
        <translation>%1 — masquée par : %2</translation>
    </message>
    <message>
        <source>The tree&apos;s filter hides “%1”: %2</source>
        <translation>Le filtre de l&apos;arborescence masque “%1” : %2</translation>
    </message>
</context>
<context>
    <name>TokenFromEnvironment</name>
    <message>
        <source>cannot read the token file %1: %2</source>
        <translation>impossible de lire le fichier de jeton %1 : %2</translation>
    </message>
    <message>
        <source>the token file %1 is empty</source>
        <translation>le fichier de jeton %1 est vide</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Live monitor for NetApp Astra Control tasks.</source>
        <translation>Surveillance en direct des tâches NetApp Astra Control.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (for example fr, de).</source>
        <translation>Utiliser la langue &lt;code&gt; (par exemple fr, de).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>taskscope: cannot write %1</source>
        <translation>taskscope : impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Render the main window to &lt;file&gt; (PNG) once the first tasks are shown, and exit.</source>
        <translation>Enregistrer la fenêtre principale dans &lt;fichier&gt; (PNG) dès que les premières tâches sont affichées, puis quitter.</translation>
    </message>
    <message>
        <source>Wait &lt;ms&gt; milliseconds after the first tasks before the screenshot.</source>
        <translation>Attendre &lt;ms&gt; millisecondes après les premières tâches avant la capture d&apos;écran.</translation>
    </message>
    <message>
        <source>taskscope: %1</source>
        <translation>taskscope : %1</translation>
    </message>
    <message>
        <source>No system keychain (%1): tokens stay in memory for this session only. Use --token-file FILE or set ASTRA_TOKEN.</source>
        <translation>Aucun trousseau système (%1) : les jetons restent en mémoire pour cette session uniquement. Utilisez --token-file FICHIER ou définissez ASTRA_TOKEN.</translation>
    </message>
    <message>
        <source>Start with the filter &lt;expression&gt;.</source>
        <translation>Démarrer avec le filtre &lt;expression&gt;.</translation>
    </message>
    <message>
        <source>expression</source>
        <translation>expression</translation>
    </message>
    <message>
        <source>taskscope: --filter: %1</source>
        <translation>taskscope : --filter : %1</translation>
    </message>
    <message>
        <source>Keep the history in &lt;file&gt; (default: %1).</source>
        <translation>Conserver l&apos;historique dans &lt;fichier&gt; (par défaut : %1).</translation>
    </message>
    <message>
        <source>Keep no history this session.</source>
        <translation>Ne conserver aucun historique pour cette session.</translation>
    </message>
    <message>
        <source>taskscope: --history and --no-history exclude each other</source>
        <translation>taskscope : --history et --no-history s&apos;excluent mutuellement</translation>
    </message>
</context>
</TS>
