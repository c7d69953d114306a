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
    <name>ConfigForm</name>
    <message>
        <source>kept: environment variable %1</source>
        <translation>beibehalten: Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>kept: file %1</source>
        <translation>beibehalten: Datei %1</translation>
    </message>
    <message>
        <source>kept: keychain entry %1</source>
        <translation>beibehalten: Schlüsselbund-Eintrag %1</translation>
    </message>
    <message>
        <source>kept: reference</source>
        <translation>beibehalten: Verweis</translation>
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
        <source>Open on this tab: overview, clients, status, errors or configuration.</source>
        <translation>Mit diesem Reiter öffnen: overview, clients, status, errors oder configuration.</translation>
    </message>
    <message>
        <source>Runs and monitors mysql-sync for one site: connections, clients, sync status, errors and configuration, with a tray icon.</source>
        <translation>Führt mysql-sync für einen Standort aus und überwacht es: Verbindungen, Clients, Synchronisierungsstatus, Fehler und Konfiguration, mit einem Symbol im Systembereich.</translation>
    </message>
    <message>
        <source>The configuration file (default: the last one used).</source>
        <translation>Die Konfigurationsdatei (Vorgabe: die zuletzt verwendete).</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: expected at most one configuration file (see --help)</source>
        <translation>mysql-sync-monitor: höchstens eine Konfigurationsdatei erwartet (siehe --help)</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: --tab: expected one of %1</source>
        <translation>mysql-sync-monitor: --tab: erwartet wird einer von %1</translation>
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
</context>
<context>
    <name>mysqlsync::ui::ClientsPage</name>
    <message>
        <source>Every configured remote and every client seen on /info. &quot;Online for&quot; counts down to the heartbeat the client promised.</source>
        <translation>Jede konfigurierte Gegenstelle und jeder auf /info gesehene Client. „Noch online“ zählt bis zu dem Lebenszeichen herunter, das der Client zugesagt hat.</translation>
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
        <source>Password</source>
        <translation>Passwort</translation>
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
        <source>Broker TLS</source>
        <translation>Broker-TLS</translation>
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
        <source>Verify the broker</source>
        <translation>Broker überprüfen</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabe</translation>
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
        <source>Search key</source>
        <translation>Schlüssel suchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
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
        <source>Any table</source>
        <translation>Jede Tabelle</translation>
    </message>
    <message>
        <source>Any remote</source>
        <translation>Jede Gegenstelle</translation>
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
