<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot change the registry key %1.</source>
        <translation>Der Registrierungsschlüssel %1 kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>ConnectionChecks</name>
    <message numerus="yes">
        <source>Connected to %1, server %2; %n table(s) in %3.</source>
        <translation>
            <numerusform>Verbunden mit %1, Server %2; %n Tabelle in %3.</numerusform>
            <numerusform>Verbunden mit %1, Server %2; %n Tabellen in %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>cannot write: %1</source>
        <translation>Schreiben nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>In sync</source>
        <translation>Synchron</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>A remote is offline</source>
        <translation>Eine Gegenstelle ist offline</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>Synchronisierung fortsetzen</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>Synchronisierung anhalten</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Start hidden in the system tray (where there is one).</source>
        <translation>Versteckt im Systembereich der Kontrollleiste starten (sofern vorhanden).</translation>
    </message>
    <message>
        <source>Runs and monitors mysql-sync for one site: connections, clients, sync status, errors and configuration, with a tray icon.</source>
        <translation>Führt mysql-sync für einen Standort aus und überwacht es: Verbindungen, Clients, Synchronisierungsstatus, Fehler und Konfiguration, mit einem Symbol im Systembereich.</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: expected at most one configuration file (see --help)</source>
        <translation>mysql-sync-monitor: höchstens eine Konfigurationsdatei erwartet (siehe --help)</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: --tab: expected one of %1</source>
        <translation>mysql-sync-monitor: --tab: erwartet wird einer von %1</translation>
    </message>
    <message>
        <source>The configuration file (default: the last one used; without one, a first-run page creates it).</source>
        <translation>Die Konfigurationsdatei (Vorgabe: die zuletzt verwendete; gibt es keine, legt eine Seite für den ersten Start sie an).</translation>
    </message>
    <message>
        <source>Open on this tab: overview, clients, status, conflicts, consistency, errors, configuration, transformers or feed (shown when the configuration has a feed section).</source>
        <translation>Mit diesem Tab öffnen: overview, clients, status, conflicts, consistency, errors, configuration, transformers oder feed (vorhanden, wenn die Konfiguration einen Abschnitt feed hat).</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::BrokerSetupWizard</name>
    <message>
        <source>Secure broker setup</source>
        <translation>Sicheren Broker einrichten</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::BrokerVerifier</name>
    <message>
        <source>Connected to %1 with the certificate and password of %2; the broker accepted the subscriptions %3.</source>
        <translation>Mit %1 verbunden, mit Zertifikat und Passwort von %2; der Broker hat die Abonnements %3 angenommen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the broker did not answer within %1 s</source>
        <translation>der Broker hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::CertificateFilesCheck</name>
    <message>
        <source>%1: %2, issued by %3, valid until %4</source>
        <translation>%1: %2, ausgestellt von %3, gültig bis %4</translation>
    </message>
    <message>
        <source>%1.%2: the certificate expired on %3</source>
        <translation>%1.%2: das Zertifikat ist am %3 abgelaufen</translation>
    </message>
    <message>
        <source>%1.%2: the certificate expires in %3 days</source>
        <translation>%1.%2: das Zertifikat läuft in %3 Tagen ab</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate (%2)</source>
        <translation>%1 ist kein PEM-Zertifikat (%2)</translation>
    </message>
    <message>
        <source>%1.ca: %2 is not a certificate authority (CA:FALSE)</source>
        <translation>%1.ca: %2 ist keine Zertifizierungsstelle (CA:FALSE)</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate (%2)</source>
        <translation>%1 ist kein lesbares PEM-Zertifikat (%2)</translation>
    </message>
    <message>
        <source>cert: not signed by the CA above (fine only if the server trusts its issuer)</source>
        <translation>cert: nicht von der obigen CA signiert (nur in Ordnung, wenn der Server dessen Aussteller vertraut)</translation>
    </message>
    <message>
        <source>%1 is not a PEM private key</source>
        <translation>%1 ist kein privater PEM-Schlüssel</translation>
    </message>
    <message>
        <source>%1 is not the key of the certificate %2</source>
        <translation>%1 ist nicht der Schlüssel des Zertifikats %2</translation>
    </message>
    <message>
        <source>a key is set but no certificate</source>
        <translation>ein Schlüssel ist angegeben, aber kein Zertifikat</translation>
    </message>
    <message>
        <source>key: belongs to the certificate</source>
        <translation>key: gehört zum Zertifikat</translation>
    </message>
    <message>
        <source>a certificate is set but no key</source>
        <translation>ein Zertifikat ist angegeben, aber kein Schlüssel</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ClientsModel</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not configured)</source>
        <translation>%1 (nicht konfiguriert)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Online for</source>
        <translation>Noch online</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Outbox depth %1 at %2 rows/s, the average send rate of the last minutes</source>
        <translation>Ausgang mit %1 Zeilen bei %2 Zeilen/s, der durchschnittlichen Senderate der letzten Minuten</translation>
    </message>
    <message>
        <source>Nothing was sent in the last minutes: no rate to estimate with</source>
        <translation>In den letzten Minuten wurde nichts gesendet: keine Rate für eine Schätzung</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Catch-up (estimate)</source>
        <translation>Aufholen (Schätzung)</translation>
    </message>
    <message>
        <source>nothing owed</source>
        <translation>nichts offen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>about %n s</source>
        <translation>
            <numerusform>etwa %n s</numerusform>
            <numerusform>etwa %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s</source>
        <translation>etwa %1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>etwa %1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>about %n days</source>
        <translation>
            <numerusform>etwa %n Tag</numerusform>
            <numerusform>etwa %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Its clock minus ours, estimated from the `until` of its heartbeats (assuming its checkInterval is ours). Up to a minute either way does not make it look offline.</source>
        <translation>Seine Uhr minus unsere, geschätzt aus dem `until` seiner Heartbeats (unter der Annahme, dass sein checkInterval unserem entspricht). Bis zu einer Minute in beide Richtungen lässt ihn nicht offline erscheinen.</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Uhrabweichung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 s behind</source>
        <translation>%1 s nach</translation>
    </message>
    <message>
        <source>%1 s ahead</source>
        <translation>%1 s vor</translation>
    </message>
    <message>
        <source>This remote speaks only what an earlier engine speaks: the per-row protocol, one message per row. Its topics carry no sender, so a broker ACL cannot bind them to the sender&apos;s login: any login allowed on them can send or acknowledge in this remote&apos;s name. Remotes that announce our extension channel get batches on topics bound to their sender.</source>
        <translation>Diese Gegenstelle spricht nur, was eine frühere Engine spricht: das zeilenweise Protokoll, eine Nachricht je Zeile. Seine Topics nennen keinen Absender, daher kann eine ACL des Brokers sie nicht an die Anmeldung des Absenders binden: jede Anmeldung, die sie verwenden darf, kann im Namen dieser Gegenstelle senden oder quittieren. Gegenstellen, die unseren Erweiterungskanal ankündigen, erhalten Stapel auf Topics, die an ihren Absender gebunden sind.</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>Rows/message</source>
        <translation>Zeilen/Nachricht</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Per-row</source>
        <translation>Zeilenweise</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ClientsPage</name>
    <message>
        <source>Every configured remote and every client seen on /info. &quot;Online for&quot; counts down to the heartbeat the client promised. Pending and errors are rows of sync_status, counted every few seconds; the catch-up estimate of an offline remote is its outbox at the recent send rate.</source>
        <translation>Jede konfigurierte Gegenstelle und jeder auf /info gesehene Client. „Noch online“ zählt bis zum Lebenszeichen herunter, das der Client angekündigt hat. Ausstehend und Fehler sind Zeilen von sync_status, die alle paar Sekunden gezählt werden; die Aufhol-Schätzung einer Gegenstelle, die offline ist, ergibt sich aus ihrem Ausgang bei der aktuellen Senderate.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ColumnMapEditor</name>
    <message>
        <source>Local column</source>
        <translation>Lokale Spalte</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Add all columns</source>
        <translation>Alle Spalten hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConfigFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at offset %3)</source>
        <translation>%1: kein JSON-Objekt (%2 bei Position %3)</translation>
    </message>
    <message>
        <source>%1: cannot make the backup %2</source>
        <translation>%1: die Sicherungskopie %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot write the backup: %2</source>
        <translation>%1: die Sicherungskopie kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1: Speichern nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1: cannot make the file private: %2</source>
        <translation>%1: die Zugriffsrechte der Datei können nicht eingeschränkt werden: %2</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConfigForm</name>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Client-Name</translation>
    </message>
    <message>
        <source>Remote clients</source>
        <translation>Gegenstellen</translation>
    </message>
    <message>
        <source>Sync tables</source>
        <translation>Zu sendende Tabellen</translation>
    </message>
    <message>
        <source>Receive tables</source>
        <translation>Zu empfangende Tabellen</translation>
    </message>
    <message>
        <source>Queue directory</source>
        <translation>Warteschlangen-Ordner</translation>
    </message>
    <message>
        <source>Check interval (ms)</source>
        <translation>Prüfintervall (ms)</translation>
    </message>
    <message>
        <source>Logging level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>Transformer directory</source>
        <translation>Transformer-Ordner</translation>
    </message>
    <message>
        <source>Capture interval (ms)</source>
        <translation>Erfassungsintervall (ms)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source>Resend timeout (ms)</source>
        <translation>Zeit bis zum erneuten Senden (ms)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>WebSocket path</source>
        <translation>WebSocket-Pfad</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Keep-alive (s)</source>
        <translation>Keep-alive (s)</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>Clean Session</translation>
    </message>
    <message>
        <source>Reconnect period (ms)</source>
        <translation>Wiederverbindungsintervall (ms)</translation>
    </message>
    <message>
        <source>Connect timeout (ms)</source>
        <translation>Verbindungs-Zeitlimit (ms)</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>host:port, comma separated</source>
        <translation>Host:Port, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Send window</source>
        <translation>Sendefenster</translation>
    </message>
    <message>
        <source>Transformer time limit (ms)</source>
        <translation>Zeitlimit der Transformer (ms)</translation>
    </message>
    <message>
        <source>Socket path</source>
        <translation>Socket-Pfad</translation>
    </message>
    <message>
        <source>Character set</source>
        <translation>Zeichensatz</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Fallback brokers</source>
        <translation>Ausweich-Broker</translation>
    </message>
    <message>
        <source>Transformers&apos; user</source>
        <translation>Benutzer der Transformer</translation>
    </message>
    <message>
        <source>Fast path</source>
        <translation>Schneller Weg</translation>
    </message>
    <message>
        <source>Rows per batch</source>
        <translation>Zeilen je Stapel</translation>
    </message>
    <message>
        <source>Bytes per batch</source>
        <translation>Bytes je Stapel</translation>
    </message>
    <message>
        <source>Compress batches</source>
        <translation>Stapel komprimieren</translation>
    </message>
    <message>
        <source>table=newest|manual|priority:site_a&gt;site_b, comma separated</source>
        <translation>tabelle=newest|manual|priority:site_a&gt;site_b, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Filtered columns</source>
        <translation>Gefilterte Spalten</translation>
    </message>
    <message>
        <source>Conflict policies</source>
        <translation>Konfliktregeln</translation>
    </message>
    <message>
        <source>Background verification (ms)</source>
        <translation>Hintergrundprüfung (ms)</translation>
    </message>
    <message>
        <source>Initial load</source>
        <translation>Erstbefüllung</translation>
    </message>
    <message>
        <source>MariaDB / MySQL</source>
        <translation>MariaDB / MySQL</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>The site&apos;s database: mysqlConfig for MariaDB or MySQL, postgresConfig for PostgreSQL.</source>
        <translation>Die Datenbank des Standorts: mysqlConfig für MariaDB oder MySQL, postgresConfig für PostgreSQL.</translation>
    </message>
    <message>
        <source>Database kind</source>
        <translation>Datenbankart</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConfigPage</name>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON-Quelltext</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save and restart sync</source>
        <translation>Speichern und Synchronisierung neu starten</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>Die Konfiguration ist gültig.</translation>
    </message>
    <message>
        <source>No configuration file loaded.</source>
        <translation>Keine Konfigurationsdatei geladen.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>No configuration file is loaded.</source>
        <translation>Es ist keine Konfigurationsdatei geladen.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictDetails</name>
    <message>
        <source>Keep this site&apos;s</source>
        <translation>Diesen Standort behalten</translation>
    </message>
    <message>
        <source>Take the remote&apos;s</source>
        <translation>Die der Gegenstelle übernehmen</translation>
    </message>
    <message>
        <source>Edit and keep…</source>
        <translation>Bearbeiten und behalten …</translation>
    </message>
    <message>
        <source>This site&apos;s row stays as it is now and is sent to every site</source>
        <translation>Die Zeile dieses Standorts bleibt, wie sie ist, und wird an jeden Standort gesendet</translation>
    </message>
    <message>
        <source>The remote&apos;s version becomes the row here and is sent to every site</source>
        <translation>Die Fassung der Gegenstelle wird hier zur Zeile und an jeden Standort gesendet</translation>
    </message>
    <message>
        <source>Write the row to keep, starting from either version; it is sent to every site</source>
        <translation>Die zu behaltende Zeile schreiben, ausgehend von einer der beiden Fassungen; sie wird an jeden Standort gesendet</translation>
    </message>
    <message>
        <source>Select a conflict to see both versions.</source>
        <translation>Einen Konflikt auswählen, um beide Fassungen zu sehen.</translation>
    </message>
    <message>
        <source>%1, key %2</source>
        <translation>%1, Schlüssel %2</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Regel: %1</translation>
    </message>
    <message>
        <source>This site: %1, changed %2</source>
        <translation>Dieser Standort: %1, geändert %2</translation>
    </message>
    <message>
        <source>Remote: %1, changed %2</source>
        <translation>Gegenstelle: %1, geändert %2</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Erkannt: %1</translation>
    </message>
    <message>
        <source>State: open</source>
        <translation>Zustand: offen</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Settled by %1 at %2</source>
        <translation>Entschieden von %1 am %2</translation>
    </message>
    <message>
        <source>The remote deleted the row.</source>
        <translation>Die Gegenstelle hat die Zeile gelöscht.</translation>
    </message>
    <message>
        <source>This site does not have the row (deleted or never written here).</source>
        <translation>Dieser Standort hat die Zeile nicht (gelöscht oder hier nie geschrieben).</translation>
    </message>
    <message>
        <source>This site (%1)</source>
        <translation>Dieser Standort (%1)</translation>
    </message>
    <message>
        <source>Remote (%1)</source>
        <translation>Gegenstelle (%1)</translation>
    </message>
    <message>
        <source>Take the remote&apos;s (delete the row)</source>
        <translation>Die der Gegenstelle übernehmen (Zeile löschen)</translation>
    </message>
    <message>
        <source>Keep this site&apos;s (no row)</source>
        <translation>Diesen Standort behalten (keine Zeile)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictEditDialog</name>
    <message>
        <source>Start from this site&apos;s</source>
        <translation>Von diesem Standort ausgehen</translation>
    </message>
    <message>
        <source>Start from the remote&apos;s</source>
        <translation>Von der Gegenstelle ausgehen</translation>
    </message>
    <message>
        <source>Edit and keep — %1, key %2</source>
        <translation>Bearbeiten und behalten — %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>Values in JSON: &quot;text&quot;, 12, null. Anything else is taken as text. The row is written here and sent to every site.</source>
        <translation>Werte in JSON: &quot;Text&quot;, 12, null. Alles andere gilt als Text. Die Zeile wird hier geschrieben und an jeden Standort gesendet.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Keep this row</source>
        <translation>Diese Zeile behalten</translation>
    </message>
    <message>
        <source>Neither version has a row to start from.</source>
        <translation>Keine der beiden Fassungen hat eine Zeile als Ausgangspunkt.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictNotifier</name>
    <message>
        <source>mysql-sync conflicts</source>
        <translation>mysql-sync-Konflikte</translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s): two sites changed the same row; %1 open in the Conflicts tab</source>
        <translation>
            <numerusform>%n neuer Konflikt: zwei Standorte haben dieselbe Zeile geändert; %1 offen im Tab Konflikte</numerusform>
            <numerusform>%n neue Konflikte: zwei Standorte haben dieselbe Zeile geändert; %1 offen im Tab Konflikte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictPoliciesText</name>
    <message>
        <source>conflicts: &quot;%1&quot;: %2 (write for example: %3)</source>
        <translation>conflicts: „%1“: %2 (zum Beispiel: %3)</translation>
    </message>
    <message>
        <source>expected table=policy</source>
        <translation>erwartet: tabelle=regel</translation>
    </message>
    <message>
        <source>the table name is missing</source>
        <translation>der Tabellenname fehlt</translation>
    </message>
    <message>
        <source>the table %1 is named twice</source>
        <translation>die Tabelle %1 ist zweimal genannt</translation>
    </message>
    <message>
        <source>the policy must be newest, manual or priority:site&gt;site</source>
        <translation>die Regel muss newest, manual oder priority:standort&gt;standort sein</translation>
    </message>
    <message>
        <source>priority needs its sites, the first winning: priority:site_a&gt;site_b</source>
        <translation>priority braucht ihre Standorte, der erste gewinnt: priority:site_a&gt;site_b</translation>
    </message>
    <message>
        <source>a site name is missing between the &apos;&gt;&apos;</source>
        <translation>zwischen den „&gt;“ fehlt ein Standortname</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictsModel</name>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>entschieden</translation>
    </message>
    <message>
        <source>settled: this site&apos;s kept</source>
        <translation>entschieden: dieser Standort behalten</translation>
    </message>
    <message>
        <source>settled: remote&apos;s taken</source>
        <translation>entschieden: Gegenstelle übernommen</translation>
    </message>
    <message>
        <source>settled: edited</source>
        <translation>entschieden: bearbeitet</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictsPage</name>
    <message>
        <source>Open and settled</source>
        <translation>Offen und entschieden</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>conflict %1: settlement sent to the engine</source>
        <translation>Konflikt %1: Entscheidung an die Engine gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) shown</source>
        <translation>
            <numerusform>%n Konflikt angezeigt</numerusform>
            <numerusform>%n Konflikte angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — wird geladen …</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConnectionChecks</name>
    <message>
        <source>Cannot use the broker address %1: %2</source>
        <translation>Die Broker-Adresse %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Connected to the broker %1.</source>
        <translation>Mit dem Broker %1 verbunden.</translation>
    </message>
    <message>
        <source>Connected to the broker %1 as %2.</source>
        <translation>Mit dem Broker %1 als %2 verbunden.</translation>
    </message>
    <message>
        <source>Broker %1: %2</source>
        <translation>Broker %1: %2</translation>
    </message>
    <message>
        <source>Broker %1: no answer within %2 s (check mqttConfig.host, mqttConfig.port and the firewall)</source>
        <translation>Broker %1: keine Antwort innerhalb von %2 s (prüfen Sie mqttConfig.host, mqttConfig.port und die Firewall)</translation>
    </message>
    <message>
        <source>Broker %1: %2 (is the broker running, and are mqttConfig.host and mqttConfig.port right?)</source>
        <translation>Broker %1: %2 (läuft der Broker, und stimmen mqttConfig.host und mqttConfig.port?)</translation>
    </message>
    <message>
        <source>Broker %1: %2:%3 accepts connections but did not answer as an MQTT broker within %4 s (is it the broker&apos;s port? A TLS port needs mqttConfig.protocol mqtts)</source>
        <translation>Broker %1: %2:%3 nimmt Verbindungen an, hat aber nicht innerhalb von %4 s als MQTT-Broker geantwortet (ist es der Port des Brokers? Ein TLS-Port erfordert mqttConfig.protocol mqtts)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConnectionTestPanel</name>
    <message>
        <source>Test database</source>
        <translation>Datenbank testen</translation>
    </message>
    <message>
        <source>Test broker</source>
        <translation>Broker testen</translation>
    </message>
    <message>
        <source>Testing database…</source>
        <translation>Datenbank wird getestet …</translation>
    </message>
    <message>
        <source>Testing broker…</source>
        <translation>Broker wird getestet …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConsistencyLoader</name>
    <message>
        <source>repair of %1 on %2 queued (verification %3)</source>
        <translation>Reparatur von %1 auf %2 eingereiht (Überprüfung %3)</translation>
    </message>
    <message>
        <source>verification of %1 against %2 queued (%3)</source>
        <translation>Überprüfung von %1 gegen %2 eingereiht (%3)</translation>
    </message>
    <message>
        <source>%1 is loaded into %2 again from its first key</source>
        <translation>%1 wird ab dem ersten Schlüssel erneut nach %2 geladen</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConsistencyModel</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 differ</source>
        <translation>%1 abweichend</translation>
    </message>
    <message>
        <source>%1 missing there</source>
        <translation>%1 fehlen dort</translation>
    </message>
    <message>
        <source>%1 extra there</source>
        <translation>%1 nur dort</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message numerus="yes">
        <source> — %n row(s) sent again</source>
        <translation>
            <numerusform> — %n Zeile erneut gesendet</numerusform>
            <numerusform> — %n Zeilen erneut gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>noch nicht erfasst</translation>
    </message>
    <message>
        <source>loaded %1</source>
        <translation>geladen %1</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>loading: %1 row(s) sent</source>
        <translation>lädt: %1 Zeile(n) gesendet</translation>
    </message>
    <message>
        <source>repair queued</source>
        <translation>Reparatur eingereiht</translation>
    </message>
    <message>
        <source>verification queued</source>
        <translation>Überprüfung eingereiht</translation>
    </message>
    <message>
        <source>repairing</source>
        <translation>Reparatur</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>%1 of %2 rows (%3%)</source>
        <translation>%1 von %2 Zeilen (%3 %)</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Zuletzt überprüft</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Initial load</source>
        <translation>Erstbefüllung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>to be loaded</source>
        <translation>zu laden</translation>
    </message>
    <message>
        <source>The engine sends the table&apos;s rows when %1 is online</source>
        <translation>Die Engine sendet die Zeilen der Tabelle, sobald %1 online ist</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConsistencyPage</name>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>Reparieren…</translation>
    </message>
    <message>
        <source>Load again…</source>
        <translation>Erneut laden…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Compare the selected table with the remote&apos;s copy, row by row (nothing is changed)</source>
        <translation>Die gewählte Tabelle Zeile für Zeile mit der Kopie der Gegenstelle vergleichen (nichts wird geändert)</translation>
    </message>
    <message>
        <source>Compare, then send the rows that differ or are missing on the remote again from this site</source>
        <translation>Vergleichen, dann die Zeilen, die auf der Gegenstelle abweichen oder fehlen, von diesem Standort erneut senden</translation>
    </message>
    <message>
        <source>Send every row of the selected table to the remote again, from its first key</source>
        <translation>Jede Zeile der gewählten Tabelle ab dem ersten Schlüssel erneut an die Gegenstelle senden</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation>Letzte Überprüfung</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>Select a table and remote to see its last verification.</source>
        <translation>Eine Tabelle und Gegenstelle auswählen, um ihre letzte Überprüfung zu sehen.</translation>
    </message>
    <message>
        <source>%1 has not been verified against %2 yet.</source>
        <translation>%1 wurde noch nicht gegen %2 überprüft.</translation>
    </message>
    <message>
        <source>Repair %1 of %2 against %3</source>
        <translation>Reparatur %1 von %2 gegen %3</translation>
    </message>
    <message>
        <source>Verification %1 of %2 against %3</source>
        <translation>Überprüfung %1 von %2 gegen %3</translation>
    </message>
    <message>
        <source>Asked for %1, finished %2; %3 row(s) of this site compared.</source>
        <translation>Angefordert %1, beendet %2; %3 Zeile(n) dieses Standorts verglichen.</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>missing there</source>
        <translation>fehlt dort</translation>
    </message>
    <message>
        <source>extra there (only the remote has it)</source>
        <translation>nur dort (nur die Gegenstelle hat sie)</translation>
    </message>
    <message>
        <source>Repair %1 on %2</source>
        <translation>%1 auf %2 reparieren</translation>
    </message>
    <message>
        <source>The rows of %1 that differ on %2 or that it lacks are sent again from this site: %2&apos;s copies of them are overwritten, and rows only %2 has are deleted there.

Repair now?</source>
        <translation>Die Zeilen von %1, die auf %2 abweichen oder dort fehlen, werden von diesem Standort erneut gesendet: die Kopien von %2 werden überschrieben, und Zeilen, die nur %2 hat, werden dort gelöscht.

Jetzt reparieren?</translation>
    </message>
    <message>
        <source>asking for a repair of %1 on %2…</source>
        <translation>Reparatur von %1 auf %2 wird angefordert…</translation>
    </message>
    <message>
        <source>asking for a verification of %1 against %2…</source>
        <translation>Überprüfung von %1 gegen %2 wird angefordert…</translation>
    </message>
    <message>
        <source>Load %1 into %2 again</source>
        <translation>%1 erneut nach %2 laden</translation>
    </message>
    <message>
        <source>Every row of %1 is sent to %2 again, from its first key, while live changes keep flowing. %2&apos;s copies of these rows are overwritten.

Load again now?</source>
        <translation>Jede Zeile von %1 wird ab dem ersten Schlüssel erneut an %2 gesendet, während laufende Änderungen weiter fließen. Die Kopien dieser Zeilen auf %2 werden überschrieben.

Jetzt erneut laden?</translation>
    </message>
    <message>
        <source>asking for a new load of %1 into %2…</source>
        <translation>neues Laden von %1 nach %2 wird angefordert…</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::EntityDiffModel</name>
    <message>
        <source>(absent)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ErrorNotifier</name>
    <message>
        <source>remote %1</source>
        <translation>Gegenstelle %1</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>table %1, key %2</source>
        <translation>Tabelle %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>[%1] %2 (%3)</source>
        <translation>[%1] %2 (%3)</translation>
    </message>
    <message>
        <source>mysql-sync error</source>
        <translation>mysql-sync-Fehler</translation>
    </message>
    <message>
        <source>mysql-sync errors</source>
        <translation>mysql-sync-Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s); the latest: %1</source>
        <translation>
            <numerusform>%n weiterer Fehler; der letzte: %1</numerusform>
            <numerusform>%n weitere Fehler; der letzte: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ErrorsModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>refused by &quot;%1&quot;</source>
        <translation>abgelehnt durch „%1“</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ErrorsPage</name>
    <message>
        <source>Filter (any column)</source>
        <translation>Filter (beliebige Spalte)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Export errors</source>
        <translation>Fehler exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ExpiryBanner</name>
    <message>
        <source>A certificate has expired.</source>
        <translation>Ein Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>A certificate expires soon.</source>
        <translation>Ein Zertifikat läuft bald ab.</translation>
    </message>
    <message>
        <source>Make new ones with Tools → Secure broker setup (or mysql-sync setup-broker) and install them before then.</source>
        <translation>Erstellen Sie mit Extras → Sicheren Broker einrichten (oder mysql-sync setup-broker) neue Zertifikate und installieren Sie sie vor dem Ablauf.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ExpiryWatcher</name>
    <message>
        <source>%1 (%2, CN %3) expired on %4.</source>
        <translation>%1 (%2, CN %3) ist am %4 abgelaufen.</translation>
    </message>
    <message>
        <source>%1 (%2, CN %3) expires in 1 day, on %4.</source>
        <translation>%1 (%2, CN %3) läuft in 1 Tag ab, am %4.</translation>
    </message>
    <message>
        <source>%1 (%2, CN %3) expires in %5 days, on %4.</source>
        <translation>%1 (%2, CN %3) läuft in %5 Tagen ab, am %4.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedClientsModel</name>
    <message>
        <source>(not logged in)</source>
        <translation>(nicht angemeldet)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Nachrichten/s</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedMonitor</name>
    <message>
        <source>The live feed cannot start: %1</source>
        <translation>Der Live-Feed kann nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedPage</name>
    <message>
        <source>The live feed is not running (the configuration has no feed section).</source>
        <translation>Der Live-Feed läuft nicht (die Konfiguration hat keinen Abschnitt feed).</translation>
    </message>
    <message numerus="yes">
        <source>Listening on port %1: %n client(s) connected; %2 dropped for not keeping up; %3 change(s) the feed fell too far behind to push; %4 not published on the broker.</source>
        <translation>
            <numerusform>Lauscht auf Port %1: %n Client verbunden; %2 getrennt, weil zu langsam; %3 Änderung(en), für die der Feed zu weit zurücklag; %4 nicht am Broker veröffentlicht.</numerusform>
            <numerusform>Lauscht auf Port %1: %n Clients verbunden; %2 getrennt, weil zu langsam; %3 Änderung(en), für die der Feed zu weit zurücklag; %4 nicht am Broker veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The live feed is starting… (connecting to its database, then listening)</source>
        <translation>Der Live-Feed startet … (er verbindet sich mit seiner Datenbank, dann nimmt er Verbindungen an)</translation>
    </message>
    <message>
        <source>The live feed is not running.</source>
        <translation>Der Live-Feed läuft nicht.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedSettings</name>
    <message>
        <source>Live feed (WebSocket push to apps and browsers)</source>
        <translation>Live-Feed (WebSocket-Push an Apps und Browser)</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Lauschen auf</translation>
    </message>
    <message>
        <source>Tokens table</source>
        <translation>Token-Tabelle</translation>
    </message>
    <message>
        <source>Token column</source>
        <translation>Token-Spalte</translation>
    </message>
    <message>
        <source>User id column</source>
        <translation>Spalte der Benutzer-ID</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Per table: the column(s) holding the user id a row belongs to, or * for every client; a table not listed reaches no client.</source>
        <translation>Je Tabelle: die Spalte(n) mit der Benutzer-ID, der eine Zeile gehört, oder * für jeden Client; eine nicht genannte Tabelle erreicht keinen Client.</translation>
    </message>
    <message>
        <source>Never pushed</source>
        <translation>Nie gesendet</translation>
    </message>
    <message>
        <source>Publish token</source>
        <translation>Publish-Token</translation>
    </message>
    <message>
        <source>Where the securityToken of POST /publish is read from; empty: /publish refused.</source>
        <translation>Woher das securityToken von POST /publish gelesen wird; leer: /publish wird abgelehnt.</translation>
    </message>
    <message>
        <source>Publish the changes on the broker for standalone feed servers</source>
        <translation>Änderungen am Broker für eigenständige Feed-Server veröffentlichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not table=column, table=column,column or table=*</source>
        <translation>&quot;%1&quot; ist nicht tabelle=spalte, tabelle=spalte,spalte oder tabelle=*</translation>
    </message>
    <message>
        <source>the table %1 is listed twice</source>
        <translation>die Tabelle %1 ist doppelt genannt</translation>
    </message>
    <message>
        <source>(a token written in the file: kept)</source>
        <translation>(ein Token in der Datei: bleibt erhalten)</translation>
    </message>
    <message>
        <source>expected keychain:NAME, env:VARIABLE or file:PATH (the token itself is never typed here)</source>
        <translation>erwartet keychain:NAME, env:VARIABLE oder file:PFAD (das Token selbst wird hier nie eingegeben)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FilterBar</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Search key</source>
        <translation>Schlüssel suchen</translation>
    </message>
    <message>
        <source>Any table</source>
        <translation>Jede Tabelle</translation>
    </message>
    <message>
        <source>Any remote</source>
        <translation>Jede Gegenstelle</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FiltersEditor</name>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FirstRunPage</name>
    <message>
        <source>Create configuration</source>
        <translation>Konfiguration anlegen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Set up this site&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Diesen Standort einrichten&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>There is no configuration yet. Name this site (client name), enter its database and the broker, the sites it exchanges rows with (remote clients), the tables, and the folder for queued changes. Test the connections, then create the file.</source>
        <translation>Es gibt noch keine Konfiguration. Geben Sie diesem Standort einen Namen (Client-Name) und tragen Sie seine Datenbank und den Broker ein, die Standorte, mit denen er Zeilen austauscht (Gegenstellen), die Tabellen und den Ordner für zwischengespeicherte Änderungen. Testen Sie die Verbindungen und legen Sie dann die Datei an.</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Save the configuration as</source>
        <translation>Konfiguration speichern unter</translation>
    </message>
    <message>
        <source>Configuration files (*.json)</source>
        <translation>Konfigurationsdateien (*.json)</translation>
    </message>
    <message>
        <source>The configuration is being saved.</source>
        <translation>Die Konfiguration wird gespeichert.</translation>
    </message>
    <message>
        <source>Choose where to save the configuration (Save as).</source>
        <translation>Wählen Sie, wo die Konfiguration gespeichert werden soll (Speichern unter).</translation>
    </message>
    <message>
        <source>%1 already exists: choose another file, or open it with File &gt; Open configuration.</source>
        <translation>%1 existiert bereits: Wählen Sie eine andere Datei, oder öffnen Sie sie mit Datei &gt; Konfiguration öffnen.</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::KeychainPasswordField</name>
    <message>
        <source>in the keychain as &quot;%1&quot; (service %2)</source>
        <translation>im Schlüsselbund als „%1“ (Dienst %2)</translation>
    </message>
    <message>
        <source>from the environment variable %1</source>
        <translation>aus der Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>from the file %1</source>
        <translation>aus der Datei %1</translation>
    </message>
    <message>
        <source>by reference</source>
        <translation>per Verweis</translation>
    </message>
    <message>
        <source>Store in keychain</source>
        <translation>Im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Write this password into the configuration file in plain text (not recommended)</source>
        <translation>Dieses Passwort im Klartext in die Konfigurationsdatei schreiben (nicht empfohlen)</translation>
    </message>
    <message>
        <source>Not stored yet: it goes to the keychain when you leave the field or press &quot;Store in keychain&quot;.</source>
        <translation>Noch nicht gespeichert: Es kommt in den Schlüsselbund, sobald Sie das Feld verlassen oder auf „Im Schlüsselbund speichern“ klicken.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Kept: %1. Type a new password to replace it.</source>
        <translation>Beibehalten: %1. Geben Sie ein neues Passwort ein, um es zu ersetzen.</translation>
    </message>
    <message>
        <source>This password is in plain text in the configuration file. Untick the box below and press &quot;Store in keychain&quot; to keep it in the keychain instead.</source>
        <translation>Dieses Passwort steht im Klartext in der Konfigurationsdatei. Deaktivieren Sie das Kästchen unten und klicken Sie auf „Im Schlüsselbund speichern“, um es stattdessen im Schlüsselbund aufzubewahren.</translation>
    </message>
    <message>
        <source>No password set.</source>
        <translation>Kein Passwort festgelegt.</translation>
    </message>
    <message>
        <source>%1: the password is still being stored in the keychain; save again in a moment</source>
        <translation>%1: das Passwort wird noch im Schlüsselbund gespeichert; speichern Sie gleich noch einmal</translation>
    </message>
    <message>
        <source>%1: the password was not saved: %2. Unlock the keychain and press &quot;Store in keychain&quot;, or tick &quot;Write this password into the configuration file in plain text&quot;</source>
        <translation>%1: das Passwort wurde nicht gespeichert: %2. Entsperren Sie den Schlüsselbund und klicken Sie auf „Im Schlüsselbund speichern“, oder aktivieren Sie „Dieses Passwort im Klartext in die Konfigurationsdatei schreiben“</translation>
    </message>
    <message>
        <source>%1: the password typed is not stored yet: press &quot;Store in keychain&quot;</source>
        <translation>%1: das eingegebene Passwort ist noch nicht gespeichert: Klicken Sie auf „Im Schlüsselbund speichern“</translation>
    </message>
    <message>
        <source>set the client name first (the keychain entry is named after it)</source>
        <translation>legen Sie zuerst den Client-Namen fest (der Schlüsselbund-Eintrag wird danach benannt)</translation>
    </message>
    <message>
        <source>Not stored: %1.</source>
        <translation>Nicht gespeichert: %1.</translation>
    </message>
    <message>
        <source>Storing in the keychain as &quot;%1&quot;…</source>
        <translation>Wird im Schlüsselbund als „%1“ gespeichert …</translation>
    </message>
    <message>
        <source>Not stored in the keychain: %1. The password is not written anywhere: unlock the keychain and press &quot;Store in keychain&quot; again, or tick the box below.</source>
        <translation>Nicht im Schlüsselbund gespeichert: %1. Das Passwort wird nirgends geschrieben: Entsperren Sie den Schlüsselbund und klicken Sie erneut auf „Im Schlüsselbund speichern“, oder aktivieren Sie das Kästchen unten.</translation>
    </message>
    <message>
        <source>Not stored yet.</source>
        <translation>Noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Stored %1; the configuration file holds only this reference.</source>
        <translation>Gespeichert %1; die Konfigurationsdatei enthält nur diesen Verweis.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::MainWindow</name>
    <message>
        <source>mysql-sync monitor</source>
        <translation>mysql-sync-Monitor</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <source>Errors &amp;&amp; log</source>
        <translation>Fehler &amp;&amp; Protokoll</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation>Konfiguration ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>mysql-sync-monitor &amp;einrichten …</translation>
    </message>
    <message>
        <source>mysql-sync stopped</source>
        <translation>mysql-sync wurde beendet</translation>
    </message>
    <message>
        <source>%1 — mysql-sync monitor</source>
        <translation>%1 — mysql-sync-Monitor</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <source>Configuration files (*.json)</source>
        <translation>Konfigurationsdateien (*.json)</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (angehalten)</translation>
    </message>
    <message>
        <source>%1 — paused</source>
        <translation>%1 — angehalten</translation>
    </message>
    <message>
        <source>Transformers</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>Ablauf von Zertifikaten</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Secure broker setup…</source>
        <translation>&amp;Sicheren Broker einrichten …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading the passwords of %1 from the keychain…</source>
        <translation>Die Passwörter von %1 werden aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>There is no Feed tab: %1 has no feed section (the live feed is set up on the Configuration tab, &quot;Live feed&quot;).</source>
        <translation>Es gibt keinen Tab „Feed“: %1 hat keinen Abschnitt feed (den Live-Feed richten Sie im Tab „Konfiguration“ unter „Live-Feed“ ein).</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::MappingDialog</name>
    <message>
        <source>Published as</source>
        <translation>Veröffentlicht als</translation>
    </message>
    <message>
        <source>Remote column</source>
        <translation>Entfernte Spalte</translation>
    </message>
    <message>
        <source>Sync table mapping</source>
        <translation>Abbildung einer zu sendenden Tabelle</translation>
    </message>
    <message>
        <source>Receive table mapping</source>
        <translation>Abbildung einer zu empfangenden Tabelle</translation>
    </message>
    <message>
        <source>Local table</source>
        <translation>Lokale Tabelle</translation>
    </message>
    <message>
        <source>the local table&apos;s name</source>
        <translation>der Name der lokalen Tabelle</translation>
    </message>
    <message>
        <source>&quot;as&quot;: the name remotes receive this table under</source>
        <translation>„as“: der Name, unter dem die Gegenstellen diese Tabelle empfangen</translation>
    </message>
    <message>
        <source>&quot;from&quot;: the name the remote sends this table under</source>
        <translation>„from“: der Name, unter dem die Gegenstelle diese Tabelle sendet</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Empfangen als</translation>
    </message>
    <message>
        <source>Publish only these columns, under these names</source>
        <translation>Nur diese Spalten senden, unter diesen Namen</translation>
    </message>
    <message>
        <source>Write only these columns (remote column → local column)</source>
        <translation>Nur diese Spalten schreiben (entfernte Spalte → lokale Spalte)</translation>
    </message>
    <message>
        <source>&quot;columns&quot;; unticked: every column under its own name</source>
        <translation>„columns“; nicht angehakt: jede Spalte unter ihrem eigenen Namen</translation>
    </message>
    <message>
        <source>A remote may change only the ticked columns of an existing row</source>
        <translation>Eine Gegenstelle darf in einer vorhandenen Zeile nur die angehakten Spalten ändern</translation>
    </message>
    <message>
        <source>&quot;update&quot;; unticked: every column it writes</source>
        <translation>„update“; nicht angehakt: jede Spalte, die sie schreibt</translation>
    </message>
    <message>
        <source>A remote may add rows (&quot;insert&quot;)</source>
        <translation>Eine Gegenstelle darf Zeilen hinzufügen („insert“)</translation>
    </message>
    <message>
        <source>A remote may delete rows (&quot;delete&quot;)</source>
        <translation>Eine Gegenstelle darf Zeilen löschen („delete“)</translation>
    </message>
    <message>
        <source>Mirror: after an initial load, delete the rows the source lacks (&quot;mirror&quot;)</source>
        <translation>Spiegel: nach einem ersten Abgleich die Zeilen löschen, die der Quelle fehlen („mirror“)</translation>
    </message>
    <message>
        <source>Choose the local table.</source>
        <translation>Wählen Sie die lokale Tabelle.</translation>
    </message>
    <message>
        <source>Add the columns to map, or untick &quot;%1&quot;.</source>
        <translation>Fügen Sie die abzubildenden Spalten hinzu oder entfernen Sie den Haken bei „%1“.</translation>
    </message>
    <message>
        <source>Row %1 of the column map needs both column names.</source>
        <translation>Zeile %1 der Spaltenabbildung braucht beide Spaltennamen.</translation>
    </message>
    <message>
        <source>Local column `%1` is listed twice in the column map.</source>
        <translation>Die lokale Spalte `%1` steht zweimal in der Spaltenabbildung.</translation>
    </message>
    <message>
        <source>Remote column `%1` is listed twice in the column map.</source>
        <translation>Die entfernte Spalte `%1` steht zweimal in der Spaltenabbildung.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::OverviewPage</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Sync-Engine</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Rows in (applied)</source>
        <translation>Zeilen empfangen (übernommen)</translation>
    </message>
    <message>
        <source>Rows out (sent)</source>
        <translation>Zeilen gesendet</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Resent</source>
        <translation>Erneut gesendet</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Relayed</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>Receipts in / out</source>
        <translation>Quittungen empfangen / gesendet</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <source>remote %1</source>
        <translation>Gegenstelle %1</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>%1 [%2] %3%4</source>
        <translation>%1 [%2] %3%4</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>beendet: %1</translation>
    </message>
    <message>
        <source>Rows per second, last 5 minutes</source>
        <translation>Zeilen pro Sekunde, letzte 5 Minuten</translation>
    </message>
    <message>
        <source>From unknown senders (dropped)</source>
        <translation>Von unbekannten Absendern (verworfen)</translation>
    </message>
    <message>
        <source>Messages whose sender is not one of this site&apos;s remote clients: ignored, counted, and logged once a minute per name</source>
        <translation>Nachrichten, deren Absender keiner der entfernten Clients dieses Standorts ist: ignoriert, gezählt und einmal pro Minute und Name protokolliert</translation>
    </message>
    <message>
        <source>Rows per message</source>
        <translation>Zeilen je Nachricht</translation>
    </message>
    <message>
        <source>Changes sent ÷ the MQTT messages that carried them: 1 on the per-row protocol, many where remotes get batches</source>
        <translation>Gesendete Änderungen ÷ die MQTT-Nachrichten, die sie trugen: 1 beim zeilenweisen Protokoll, viele, wo Gegenstellen Stapel erhalten</translation>
    </message>
    <message>
        <source>Bytes per row</source>
        <translation>Bytes je Zeile</translation>
    </message>
    <message>
        <source>Payload bytes of those messages ÷ changes sent (after compression, without the MQTT headers)</source>
        <translation>Nutzdaten-Bytes dieser Nachrichten ÷ gesendete Änderungen (nach der Kompression, ohne die MQTT-Header)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Rows two sites changed without seeing each other&apos;s change; open: waiting for an operator (policy manual) or not yet settled. Click to open the Conflicts tab.</source>
        <translation>Zeilen, die zwei Standorte geändert haben, ohne die Änderung des anderen zu sehen; offen: wartet auf eine Entscheidung (Regel manual) oder noch nicht entschieden. Klicken öffnet den Tab Konflikte.</translation>
    </message>
    <message>
        <source>Conflicts seen / settled</source>
        <translation>Konflikte erkannt / entschieden</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 offen</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::RateChart</name>
    <message>
        <source>Rows per second in and out</source>
        <translation>Zeilen pro Sekunde, empfangen und gesendet</translation>
    </message>
    <message>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>-%1 min</source>
        <translation>-%1 min</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <source>in (applied)</source>
        <translation>empfangen (übernommen)</translation>
    </message>
    <message>
        <source>out (sent)</source>
        <translation>gesendet</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::RemoteNotifier</name>
    <message>
        <source>%1 is offline</source>
        <translation>%1 ist offline</translation>
    </message>
    <message>
        <source>No heartbeat from %1: its changes wait in the outbox until it is back.</source>
        <translation>Kein Lebenszeichen von %1: Die Änderungen für diese Gegenstelle warten im Ausgang, bis sie wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>%1 is online</source>
        <translation>%1 ist online</translation>
    </message>
    <message>
        <source>%1 is back online</source>
        <translation>%1 ist wieder online</translation>
    </message>
    <message>
        <source>What waited in the outbox for %1 is being sent.</source>
        <translation>Was im Ausgang für %1 gewartet hat, wird jetzt gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n remotes changed state</source>
        <translation>
            <numerusform>%n Gegenstelle hat den Zustand geändert</numerusform>
            <numerusform>%n Gegenstellen haben den Zustand geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Back online: %1</source>
        <translation>Wieder online: %1</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>Online: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SecuritySettings</name>
    <message>
        <source>Broker password</source>
        <translation>Broker-Passwort</translation>
    </message>
    <message>
        <source>Broker TLS</source>
        <translation>Broker-TLS</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datenbank-Passwort</translation>
    </message>
    <message>
        <source>Database TLS</source>
        <translation>Datenbank-TLS</translation>
    </message>
    <message>
        <source>The password of the transformers&apos; database user (Transformers&apos; user); leave it empty when that field is empty.</source>
        <translation>Das Passwort des Datenbankbenutzers der Transformer (Benutzer der Transformer); leer lassen, wenn jenes Feld leer ist.</translation>
    </message>
    <message>
        <source>Transformers&apos; database password</source>
        <translation>Datenbank-Passwort der Transformer</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The language changes when mysql-sync-monitor is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von mysql-sync-monitor.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start bei der Anmeldung</translation>
    </message>
    <message>
        <source>Start mysql-sync-monitor at login, in the system tray</source>
        <translation>mysql-sync-monitor bei der Anmeldung im Systembereich starten</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupFilesPage</name>
    <message>
        <source>Keys, certificates and Mosquitto files</source>
        <translation>Schlüssel, Zertifikate und Mosquitto-Dateien</translation>
    </message>
    <message>
        <source>Nothing usable was made: %1. Go back to change the settings.</source>
        <translation>Es wurde nichts Verwendbares erstellt: %1. Gehen Sie zurück, um die Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Making keys and certificates in %1…</source>
        <translation>Schlüssel und Zertifikate werden in %1 erstellt …</translation>
    </message>
    <message>
        <source>Written to %1. Keys and passwords are readable only by you (0600). Keep ca.key offline: whoever has it can make certificates the broker trusts.</source>
        <translation>Nach %1 geschrieben. Schlüssel und Passwörter sind nur für Sie lesbar (0600). Bewahren Sie ca.key offline auf: Wer diese Datei besitzt, kann Zertifikate erstellen, denen der Broker vertraut.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupInstallPage</name>
    <message>
        <source>Where the files go</source>
        <translation>Wohin die Dateien gehören</translation>
    </message>
    <message>
        <source>Install the broker&apos;s files and restart Mosquitto, then copy each site&apos;s files to that site. The next page checks the result.</source>
        <translation>Installieren Sie die Dateien des Brokers und starten Sie Mosquitto neu; kopieren Sie dann die Dateien jedes Standorts an diesen Standort. Die nächste Seite prüft das Ergebnis.</translation>
    </message>
    <message>
        <source>&lt;code&gt;clients/%1.password&lt;/code&gt; (keep it &lt;code&gt;chmod 600&lt;/code&gt;, owned by the user that runs mysql-sync)</source>
        <translation>&lt;code&gt;clients/%1.password&lt;/code&gt; (mit &lt;code&gt;chmod 600&lt;/code&gt; belassen, Eigentümer ist der Benutzer, unter dem mysql-sync läuft)</translation>
    </message>
    <message>
        <source>nothing: the password is in this computer&apos;s keychain as &lt;code&gt;%1-broker&lt;/code&gt;; on another computer store it in that keychain under the same name, or put it in a 0600 file and set &lt;code&gt;&quot;password&quot;: {&quot;file&quot;: &quot;%1.password&quot;}&lt;/code&gt;</source>
        <translation>nichts: Das Passwort liegt im Schlüsselbund dieses Computers als &lt;code&gt;%1-broker&lt;/code&gt;; speichern Sie es auf einem anderen Computer unter demselben Namen in dessen Schlüsselbund, oder legen Sie es in einer Datei mit Modus 0600 ab und setzen Sie &lt;code&gt;&quot;password&quot;: {&quot;file&quot;: &quot;%1.password&quot;}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The broker.&lt;/b&gt; &lt;code&gt;%1/mosquitto.conf&lt;/code&gt; enables a TLS listener on port %2 that requires a client certificate signed by &lt;code&gt;ca.crt&lt;/code&gt; &lt;i&gt;and&lt;/i&gt; a password (&lt;code&gt;passwordfile&lt;/code&gt;), and applies the per-site rights of &lt;code&gt;acl&lt;/code&gt;. It names &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;server.crt&lt;/code&gt;, &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; and &lt;code&gt;acl&lt;/code&gt; by their absolute paths in %1: if you move them, change those lines. Mosquitto&apos;s user must be able to read &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; and &lt;code&gt;acl&lt;/code&gt; (give them to that user, keep mode 0600). &lt;code&gt;ca.key&lt;/code&gt; is not needed by the broker: keep it offline, it makes certificates.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Der Broker.&lt;/b&gt; &lt;code&gt;%1/mosquitto.conf&lt;/code&gt; aktiviert einen TLS-Listener auf Port %2, der ein von &lt;code&gt;ca.crt&lt;/code&gt; signiertes Client-Zertifikat &lt;i&gt;und&lt;/i&gt; ein Passwort (&lt;code&gt;passwordfile&lt;/code&gt;) verlangt, und wendet die Rechte je Standort aus &lt;code&gt;acl&lt;/code&gt; an. Die Datei verweist auf &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;server.crt&lt;/code&gt;, &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; und &lt;code&gt;acl&lt;/code&gt; über deren absolute Pfade in %1: Wenn Sie diese Dateien verschieben, ändern Sie die entsprechenden Zeilen. Der Benutzer von Mosquitto muss &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; und &lt;code&gt;acl&lt;/code&gt; lesen können (übertragen Sie sie an diesen Benutzer, behalten Sie Modus 0600 bei). &lt;code&gt;ca.key&lt;/code&gt; wird vom Broker nicht benötigt: Bewahren Sie diese Datei offline auf, mit ihr lassen sich Zertifikate erstellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Linux&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Copy the broker&apos;s files to &lt;code&gt;/etc/mosquitto/mysql-sync/&lt;/code&gt; and &lt;code&gt;chown mosquitto&lt;/code&gt; the key, password and ACL files.&lt;/li&gt;&lt;li&gt;Put &lt;code&gt;mosquitto.conf&lt;/code&gt; in &lt;code&gt;/etc/mosquitto/conf.d/mysql-sync.conf&lt;/code&gt; (Debian and Ubuntu include that folder) with the paths changed, or start Mosquitto with &lt;code&gt;-c&lt;/code&gt; on it.&lt;/li&gt;&lt;li&gt;&lt;code&gt;sudo systemctl restart mosquitto&lt;/code&gt;, then &lt;code&gt;journalctl -u mosquitto&lt;/code&gt; shows &quot;Opening ipv4 listen socket on port %1&quot;.&lt;/li&gt;&lt;li&gt;Open port %1/tcp in the firewall (e.g. &lt;code&gt;sudo ufw allow %1/tcp&lt;/code&gt;).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Linux&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Kopieren Sie die Dateien des Brokers nach &lt;code&gt;/etc/mosquitto/mysql-sync/&lt;/code&gt; und übertragen Sie die Schlüssel-, Passwort- und ACL-Dateien mit &lt;code&gt;chown mosquitto&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;Legen Sie &lt;code&gt;mosquitto.conf&lt;/code&gt; mit angepassten Pfaden als &lt;code&gt;/etc/mosquitto/conf.d/mysql-sync.conf&lt;/code&gt; ab (Debian und Ubuntu binden diesen Ordner ein), oder starten Sie Mosquitto mit &lt;code&gt;-c&lt;/code&gt; und dieser Datei.&lt;/li&gt;&lt;li&gt;&lt;code&gt;sudo systemctl restart mosquitto&lt;/code&gt;; danach zeigt &lt;code&gt;journalctl -u mosquitto&lt;/code&gt; &quot;Opening ipv4 listen socket on port %1&quot;.&lt;/li&gt;&lt;li&gt;Öffnen Sie Port %1/tcp in der Firewall (z. B. &lt;code&gt;sudo ufw allow %1/tcp&lt;/code&gt;).&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Windows&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Copy the broker&apos;s files to &lt;code&gt;C:\Program Files\mosquitto\mysql-sync\&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;Merge &lt;code&gt;mosquitto.conf&lt;/code&gt; into &lt;code&gt;C:\Program Files\mosquitto\mosquitto.conf&lt;/code&gt; with the paths changed (forward slashes work).&lt;/li&gt;&lt;li&gt;Restart the service: &lt;code&gt;net stop mosquitto&lt;/code&gt; and &lt;code&gt;net start mosquitto&lt;/code&gt; in an administrator prompt (or Services, &quot;Mosquitto Broker&quot;, Restart).&lt;/li&gt;&lt;li&gt;Allow port %1 in Windows Defender Firewall (inbound rule, TCP).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Windows&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Kopieren Sie die Dateien des Brokers nach &lt;code&gt;C:\Program Files\mosquitto\mysql-sync\&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;Übernehmen Sie den Inhalt von &lt;code&gt;mosquitto.conf&lt;/code&gt; mit angepassten Pfaden in &lt;code&gt;C:\Program Files\mosquitto\mosquitto.conf&lt;/code&gt; (normale Schrägstriche funktionieren).&lt;/li&gt;&lt;li&gt;Starten Sie den Dienst neu: &lt;code&gt;net stop mosquitto&lt;/code&gt; und &lt;code&gt;net start mosquitto&lt;/code&gt; in einer Eingabeaufforderung als Administrator (oder unter Dienste, „Mosquitto Broker“, Neu starten).&lt;/li&gt;&lt;li&gt;Erlauben Sie Port %1 in der Windows Defender Firewall (eingehende Regel, TCP).&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;macOS&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Homebrew&apos;s Mosquitto reads &lt;code&gt;/opt/homebrew/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Apple silicon) or &lt;code&gt;/usr/local/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Intel): copy the files next to it and merge the configuration with the paths changed.&lt;/li&gt;&lt;li&gt;&lt;code&gt;brew services restart mosquitto&lt;/code&gt;.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;macOS&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Mosquitto aus Homebrew liest &lt;code&gt;/opt/homebrew/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Apple Silicon) bzw. &lt;code&gt;/usr/local/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Intel): Kopieren Sie die Dateien daneben und übernehmen Sie die Konfiguration mit angepassten Pfaden.&lt;/li&gt;&lt;li&gt;&lt;code&gt;brew services restart mosquitto&lt;/code&gt;.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Each site (%1)&lt;/h3&gt;&lt;p&gt;Copy to the computer of the site, e.g. &lt;code&gt;%2&lt;/code&gt;: &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;clients/%2.crt&lt;/code&gt;, &lt;code&gt;clients/%2.key&lt;/code&gt; (mode 0600), &lt;code&gt;clients/%2.json&lt;/code&gt; and %3. &lt;code&gt;%2.json&lt;/code&gt; expects &lt;code&gt;ca.crt&lt;/code&gt; one folder above it (&lt;code&gt;&quot;ca&quot;: &quot;../ca.crt&quot;&lt;/code&gt;): keep that layout or change the path.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Linux: &lt;code&gt;/etc/mysql-sync/&lt;/code&gt; (folder &lt;code&gt;root:mysql-sync&lt;/code&gt;, mode 0750) for the daemon, with the key and password files owned by &lt;code&gt;mysql-sync&lt;/code&gt; and mode 0600 (mysql-sync refuses a password file that others can read), or any folder of the user who runs the desktop app.&lt;/li&gt;&lt;li&gt;Windows: &lt;code&gt;C:\ProgramData\mysql-sync\&lt;/code&gt;, readable only by the service&apos;s account and administrators.&lt;/li&gt;&lt;li&gt;macOS: &lt;code&gt;/Library/Application Support/mysql-sync/&lt;/code&gt; for a LaunchDaemon, or the user&apos;s &lt;code&gt;~/Library/Application Support/mysql-sync/&lt;/code&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Then complete &lt;code&gt;mysqlConfig&lt;/code&gt;, &lt;code&gt;syncTables&lt;/code&gt; and &lt;code&gt;receiveTables&lt;/code&gt; in the site&apos;s file (the Configuration tab does it and keeps the database password in the keychain) and start mysql-sync.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Jeder Standort (%1)&lt;/h3&gt;&lt;p&gt;Kopieren Sie auf den Computer des Standorts, z. B. &lt;code&gt;%2&lt;/code&gt;: &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;clients/%2.crt&lt;/code&gt;, &lt;code&gt;clients/%2.key&lt;/code&gt; (Modus 0600), &lt;code&gt;clients/%2.json&lt;/code&gt; und %3. &lt;code&gt;%2.json&lt;/code&gt; erwartet &lt;code&gt;ca.crt&lt;/code&gt; einen Ordner darüber (&lt;code&gt;&quot;ca&quot;: &quot;../ca.crt&quot;&lt;/code&gt;): Behalten Sie diese Anordnung bei oder ändern Sie den Pfad.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Linux: &lt;code&gt;/etc/mysql-sync/&lt;/code&gt; (Ordner &lt;code&gt;root:mysql-sync&lt;/code&gt;, Modus 0750) für den Daemon, wobei die Schlüssel- und Passwortdateien &lt;code&gt;mysql-sync&lt;/code&gt; gehören und Modus 0600 haben (mysql-sync lehnt eine Passwortdatei ab, die andere lesen können), oder ein beliebiger Ordner des Benutzers, der die Desktop-App ausführt.&lt;/li&gt;&lt;li&gt;Windows: &lt;code&gt;C:\ProgramData\mysql-sync\&lt;/code&gt;, nur lesbar für das Konto des Dienstes und für Administratoren.&lt;/li&gt;&lt;li&gt;macOS: &lt;code&gt;/Library/Application Support/mysql-sync/&lt;/code&gt; für einen LaunchDaemon oder &lt;code&gt;~/Library/Application Support/mysql-sync/&lt;/code&gt; des Benutzers.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Vervollständigen Sie dann &lt;code&gt;mysqlConfig&lt;/code&gt;, &lt;code&gt;syncTables&lt;/code&gt; und &lt;code&gt;receiveTables&lt;/code&gt; in der Datei des Standorts (der Tab „Konfiguration“ erledigt das und bewahrt das Datenbank-Passwort im Schlüsselbund auf) und starten Sie mysql-sync.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupKeychainPage</name>
    <message>
        <source>Passwords into the keychain</source>
        <translation>Passwörter in den Schlüsselbund</translation>
    </message>
    <message>
        <source>Each site&apos;s broker password is stored in this computer&apos;s keychain (service &quot;%1&quot;, entry &quot;&lt;site&gt;-broker&quot;), where the desktop app of that site finds it.</source>
        <translation>Das Broker-Passwort jedes Standorts wird im Schlüsselbund dieses Computers gespeichert (Dienst „%1“, Eintrag „&lt;Standort&gt;-broker“), wo die Desktop-App dieses Standorts es findet.</translation>
    </message>
    <message>
        <source>Also keep each password in %1 (readable only by you; the daemon on a server without a keychain reads it from there)</source>
        <translation>Jedes Passwort zusätzlich in %1 aufbewahren (nur für Sie lesbar; der Daemon auf einem Server ohne Schlüsselbund liest es von dort)</translation>
    </message>
    <message>
        <source>%1: storing as &quot;%2&quot;…</source>
        <translation>%1: wird als „%2“ gespeichert …</translation>
    </message>
    <message>
        <source>%1: stored in the keychain as &quot;%2&quot;</source>
        <translation>%1: im Schlüsselbund als „%2“ gespeichert</translation>
    </message>
    <message>
        <source>%1: NOT stored: %2</source>
        <translation>%1: NICHT gespeichert: %2</translation>
    </message>
    <message>
        <source>The keychain could not store %1 of the passwords. They stay in the files clients/NAME.password (mode 0600) only; go back and forward again to retry once the keychain is unlocked or available.</source>
        <translation>Der Schlüsselbund konnte %1 der Passwörter nicht speichern. Sie liegen nur in den Dateien clients/NAME.password (Modus 0600); gehen Sie zurück und wieder vor, um es erneut zu versuchen, sobald der Schlüsselbund entsperrt oder verfügbar ist.</translation>
    </message>
    <message>
        <source>Every password is in the keychain.</source>
        <translation>Alle Passwörter sind im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The password files were removed; each site&apos;s configuration refers to the keychain.</source>
        <translation>Die Passwortdateien wurden entfernt; die Konfiguration jedes Standorts verweist auf den Schlüsselbund.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupParametersPage</name>
    <message>
        <source>Secure broker setup</source>
        <translation>Sicheren Broker einrichten</translation>
    </message>
    <message>
        <source>Makes a certificate authority, the broker&apos;s certificate, one certificate and one random password per site, Mosquitto&apos;s password and ACL files and mosquitto.conf, and a ready configuration file per site. Each site may publish only its own changes and read only what is meant for it.</source>
        <translation>Erstellt eine Zertifizierungsstelle, das Zertifikat des Brokers, je Standort ein Zertifikat und ein zufälliges Passwort, die Passwort- und ACL-Dateien von Mosquitto sowie mosquitto.conf und je Standort eine fertige Konfigurationsdatei. Jeder Standort darf nur seine eigenen Änderungen veröffentlichen und nur lesen, was für ihn bestimmt ist.</translation>
    </message>
    <message>
        <source>Broker host names / addresses</source>
        <translation>Hostnamen / Adressen des Brokers</translation>
    </message>
    <message>
        <source>broker.example.org, 192.0.2.10</source>
        <translation>broker.example.org, 192.0.2.10</translation>
    </message>
    <message>
        <source>Sites (client names)</source>
        <translation>Standorte (Client-Namen)</translation>
    </message>
    <message>
        <source>site_a, site_b</source>
        <translation>site_a, site_b</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Certificates valid for</source>
        <translation>Zertifikate gültig für</translation>
    </message>
    <message>
        <source>TLS port</source>
        <translation>TLS-Port</translation>
    </message>
    <message>
        <source>Listen on address</source>
        <translation>Auf Adresse lauschen</translation>
    </message>
    <message>
        <source>every interface</source>
        <translation>alle Schnittstellen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>WebSockets (wss) port</source>
        <translation>WebSockets-Port (wss)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Overwrite files that already exist there</source>
        <translation>Dort bereits vorhandene Dateien überschreiben</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <source>Broker host names:</source>
        <translation>Hostnamen des Brokers:</translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation>Standorte:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports:</translation>
    </message>
    <message>
        <source>Listen on address:</source>
        <translation>Auf Adresse lauschen:</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupVerifyPage</name>
    <message>
        <source>Verify</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Once Mosquitto runs with the new mosquitto.conf, connect to it as a site: with its certificate, its key and its password, subscribing to the topics the ACL gives it.</source>
        <translation>Sobald Mosquitto mit der neuen mosquitto.conf läuft, verbinden Sie sich als ein Standort damit: mit dessen Zertifikat, Schlüssel und Passwort, wobei die Topics abonniert werden, die ihm die ACL gewährt.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Broker host</source>
        <translation>Broker-Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Connecting to %1:%2 as %3…</source>
        <translation>Verbindung zu %1:%2 als %3 wird hergestellt …</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::StatusCountsLoader</name>
    <message>
        <source>cannot count pending and error rows of sync_status: %1</source>
        <translation>die ausstehenden und fehlerhaften Zeilen von sync_status können nicht gezählt werden: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SyncStatusLoader</name>
    <message>
        <source>cannot read sync_status: %1</source>
        <translation>sync_status kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot count sync_status rows: %1</source>
        <translation>die Zeilen von sync_status können nicht gezählt werden: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SyncStatusModel</name>
    <message>
        <source>successful</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>refused by rule &quot;%1&quot;</source>
        <translation>abgelehnt durch Regel „%1“</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SyncStatusPage</name>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Resend selected rows</source>
        <translation>Ausgewählte Zeilen erneut senden</translation>
    </message>
    <message>
        <source>Resend all errors for remote…</source>
        <translation>Alle Fehler einer Gegenstelle erneut senden …</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) queued to be sent again</source>
        <translation>
            <numerusform>%n Zeile zum erneuten Senden vorgemerkt</numerusform>
            <numerusform>%n Zeilen zum erneuten Senden vorgemerkt</numerusform>
        </translation>
    </message>
    <message>
        <source>rows in error for %1 queued to be sent again</source>
        <translation>Fehlerhafte Zeilen für %1 zum erneuten Senden vorgemerkt</translation>
    </message>
    <message>
        <source>Resend errors</source>
        <translation>Fehler erneut senden</translation>
    </message>
    <message>
        <source>Resend every row in error for remote:</source>
        <translation>Alle fehlerhaften Zeilen erneut senden an die Gegenstelle:</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>sync_status.csv</source>
        <translation>sync_status.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>wird gezählt …</translation>
    </message>
    <message>
        <source>%1 of %2 rows shown</source>
        <translation>%1 von %2 Zeilen angezeigt</translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — wird geladen …</translation>
    </message>
    <message>
        <source> — last page read in %1 ms</source>
        <translation> — letzte Seite in %1 ms gelesen</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>mehr als %1</translation>
    </message>
    <message>
        <source>Refused by rule</source>
        <translation>Durch Regel abgelehnt</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TableListModel</name>
    <message>
        <source>%1 (not in the database)</source>
        <translation>%1 (nicht in der Datenbank)</translation>
    </message>
    <message>
        <source>The database has no table &quot;%1&quot;: the engine will refuse to start until it exists.</source>
        <translation>Die Datenbank hat keine Tabelle „%1“: Die Sync-Engine verweigert den Start, bis es sie gibt.</translation>
    </message>
    <message>
        <source>The database&apos;s tables are not known yet (Test database lists them).</source>
        <translation>Die Tabellen der Datenbank sind noch nicht bekannt („Datenbank testen“ listet sie auf).</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TablePicker</name>
    <message>
        <source>another table name</source>
        <translation>weiterer Tabellenname</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>The database&apos;s tables could not be listed: %1</source>
        <translation>Die Tabellen der Datenbank konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>The database&apos;s tables are not listed yet: Test database lists them.</source>
        <translation>Die Tabellen der Datenbank sind noch nicht aufgelistet: „Datenbank testen“ listet sie auf.</translation>
    </message>
    <message>
        <source>Not in the database: %1</source>
        <translation>Nicht in der Datenbank: %1</translation>
    </message>
    <message>
        <source>%1 (as %2)</source>
        <translation>%1 (als %2)</translation>
    </message>
    <message>
        <source>Tables mapped under other names or columns, or with rights; double-click to edit</source>
        <translation>Tabellen, die unter anderen Namen oder Spalten oder mit Rechten abgebildet sind; Doppelklick zum Bearbeiten</translation>
    </message>
    <message>
        <source>Map a table…</source>
        <translation>Tabelle abbilden …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>updates: %1</source>
        <translation>Änderungen: %1</translation>
    </message>
    <message>
        <source>no insert</source>
        <translation>kein Hinzufügen</translation>
    </message>
    <message>
        <source>no delete</source>
        <translation>kein Löschen</translation>
    </message>
    <message>
        <source>mirror</source>
        <translation>Spiegel</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TlsFilesEditor</name>
    <message>
        <source>Connect over TLS</source>
        <translation>Über TLS verbinden</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation>Schlüssel (*.key *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate and host name</source>
        <translation>Zertifikat und Hostnamen des Servers überprüfen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformTrialRunner</name>
    <message>
        <source>no configuration is open</source>
        <translation>es ist keine Konfiguration geöffnet</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformTrialWorker</name>
    <message>
        <source>cannot read the keys of `%1`: %2</source>
        <translation>die Schlüssel von `%1` können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no transformer folder is configured (transformerDirectory)</source>
        <translation>es ist kein Transformer-Ordner konfiguriert (transformerDirectory)</translation>
    </message>
    <message>
        <source>`%1` has no row with the key %2</source>
        <translation>`%1` hat keine Zeile mit dem Schlüssel %2</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformerListModel</name>
    <message>
        <source>No transformer folder is configured (transformerDirectory): rows are sent and received unchanged.</source>
        <translation>Es ist kein Transformer-Ordner konfiguriert (transformerDirectory): Zeilen werden unverändert gesendet und empfangen.</translation>
    </message>
    <message>
        <source>The transformer folder %1 does not exist.</source>
        <translation>Der Transformer-Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>The transformer folder %1 cannot be read.</source>
        <translation>Der Transformer-Ordner %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 (send and receive)</source>
        <translation>%1 (senden und empfangen)</translation>
    </message>
    <message>
        <source>%1 (send)</source>
        <translation>%1 (senden)</translation>
    </message>
    <message>
        <source>%1 (receive)</source>
        <translation>%1 (empfangen)</translation>
    </message>
    <message>
        <source>(no %1)</source>
        <translation>(%1 fehlt)</translation>
    </message>
    <message numerus="yes">
        <source>transforms %n table(s)</source>
        <translation>
            <numerusform>transformiert %n Tabelle</numerusform>
            <numerusform>transformiert %n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>matches no configured table</source>
        <translation>passt zu keiner konfigurierten Tabelle</translation>
    </message>
    <message>
        <source>no transformer: rows pass unchanged</source>
        <translation>kein Transformer: Zeilen werden unverändert durchgereicht</translation>
    </message>
    <message>
        <source>%1 runs for every change of %2.</source>
        <translation>%1 wird bei jeder Änderung von %2 ausgeführt.</translation>
    </message>
    <message>
        <source>No table of syncTables or receiveTables is named %1 in camel case, so the engine never runs this file (product_items, product-items and &quot;product items&quot; all match productItems.js).</source>
        <translation>Keine Tabelle in syncTables oder receiveTables heißt in Camel Case %1, daher führt die Sync-Engine diese Datei nie aus (product_items, product-items und &quot;product items&quot; passen alle zu productItems.js).</translation>
    </message>
    <message>
        <source>Create %1 to transform the rows of %2.</source>
        <translation>Legen Sie %1 an, um die Zeilen von %2 zu transformieren.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformersPage</name>
    <message>
        <source>Reload rows</source>
        <translation>Zeilen neu laden</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Try it on a row of the database</source>
        <translation>An einer Zeile der Datenbank ausprobieren</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Outgoing: this site sends to</source>
        <translation>Ausgehend: Dieser Standort sendet an</translation>
    </message>
    <message>
        <source>Incoming: this site receives from</source>
        <translation>Eingehend: Dieser Standort empfängt von</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Calls of context.database.query (run against the live database; what they write is rolled back) and context.mqtt.publish (recorded, not sent) appear here.</source>
        <translation>Aufrufe von context.database.query (gegen die laufende Datenbank ausgeführt; was sie schreiben, wird zurückgerollt) und context.mqtt.publish (aufgezeichnet, nicht gesendet) erscheinen hier.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Wird ausgeführt …</translation>
    </message>
    <message>
        <source>Loading the first rows…</source>
        <translation>Die ersten Zeilen werden geladen …</translation>
    </message>
    <message>
        <source>The table is empty</source>
        <translation>Die Tabelle ist leer</translation>
    </message>
    <message>
        <source>Cannot list the rows of %1: %2</source>
        <translation>Die Zeilen von %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>Running the transformer of %1 on the row %2…</source>
        <translation>Der Transformer von %1 wird auf die Zeile %2 angewendet …</translation>
    </message>
    <message>
        <source>applied here (from %1)</source>
        <translation>hier übernommen (von %1)</translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>an %1 gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%1 returned an entity with %n change(s) in %2 ms; this is what would be %3.</source>
        <translation>
            <numerusform>%1 hat in %2 ms eine Entität mit %n Änderung zurückgegeben; so würde sie %3.</numerusform>
            <numerusform>%1 hat in %2 ms eine Entität mit %n Änderungen zurückgegeben; so würde sie %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no transformer (%2 does not exist): the row is %3 unchanged.</source>
        <translation>%1 hat keinen Transformer (%2 existiert nicht): Die Zeile wird unverändert %3.</translation>
    </message>
    <message>
        <source>Delete (null): %1 returned null, so a delete of the row would be %2.</source>
        <translation>Löschen (null): %1 hat null zurückgegeben, daher würde ein Löschen der Zeile %2.</translation>
    </message>
    <message>
        <source>Dropped: %1 returned context.drop, so this change would not be applied (it counts as delivered).</source>
        <translation>Verworfen: %1 hat context.drop zurückgegeben, daher würde diese Änderung nicht übernommen (sie gilt als zugestellt).</translation>
    </message>
    <message>
        <source>Dropped: %1 returned context.drop, so this change would not be sent to %2 (it counts as delivered).</source>
        <translation>Verworfen: %1 hat context.drop zurückgegeben, daher würde diese Änderung nicht an %2 gesendet (sie gilt als zugestellt).</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Cannot try it: %1</source>
        <translation>Ausprobieren nicht möglich: %1</translation>
    </message>
    <message>
        <source>(%1 is not in receiveTables: the engine never receives it.)</source>
        <translation>(%1 steht nicht in receiveTables: Die Sync-Engine empfängt sie nie.)</translation>
    </message>
    <message>
        <source>(%1 is not in syncTables: the engine never sends it.)</source>
        <translation>(%1 steht nicht in syncTables: Die Sync-Engine sendet sie nie.)</translation>
    </message>
    <message>
        <source>context.source = %1, context.target = %2</source>
        <translation>context.source = %1, context.target = %2</translation>
    </message>
    <message>
        <source>context.database.query: %1</source>
        <translation>context.database.query: %1</translation>
    </message>
    <message>
        <source>context.mqtt.publish (recorded, not sent): %1 qos %2%3: %4</source>
        <translation>context.mqtt.publish (aufgezeichnet, nicht gesendet): %1 qos %2%3: %4</translation>
    </message>
    <message>
        <source>, retained</source>
        <translation>, retained</translation>
    </message>
    <message numerus="yes">
        <source>Folder %1: %n file(s)</source>
        <translation>
            <numerusform>Ordner %1: %n Datei</numerusform>
            <numerusform>Ordner %1: %n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n matching no configured table</source>
        <translation>
            <numerusform>, %n passt zu keiner konfigurierten Tabelle</numerusform>
            <numerusform>, %n passen zu keiner konfigurierten Tabelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n table(s) without a transformer</source>
        <translation>
            <numerusform>, %n Tabelle ohne Transformer</numerusform>
            <numerusform>, %n Tabellen ohne Transformer</numerusform>
        </translation>
    </message>
    <message>
        <source>The configuration names no remoteClients.</source>
        <translation>Die Konfiguration nennt keine remoteClients.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TrayController</name>
    <message>
        <source>No system tray is available: mysql-sync-monitor runs as a normal window, and closing the window quits it.</source>
        <translation>Kein Systembereich in der Kontrollleiste verfügbar: mysql-sync-monitor läuft als normales Fenster, und das Schließen des Fensters beendet das Programm.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>mysql-sync: %1</source>
        <translation>mysql-sync: %1</translation>
    </message>
</context>
</TS>
