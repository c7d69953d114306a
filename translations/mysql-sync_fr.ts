<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Autostart</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot change the registry key %1.</source>
        <translation>Impossible de modifier la clé de registre %1.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
</context>
<context>
    <name>ConfigForm</name>
    <message>
        <source>kept: environment variable %1</source>
        <translation>conservé&#xa0;: variable d’environnement %1</translation>
    </message>
    <message>
        <source>kept: file %1</source>
        <translation>conservé&#xa0;: fichier %1</translation>
    </message>
    <message>
        <source>kept: keychain entry %1</source>
        <translation>conservé&#xa0;: entrée du trousseau %1</translation>
    </message>
    <message>
        <source>kept: reference</source>
        <translation>conservé&#xa0;: référence</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>cannot write: %1</source>
        <translation>écriture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>In sync</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisation en cours</translation>
    </message>
    <message>
        <source>A remote is offline</source>
        <translation>Un site distant est hors ligne</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>Reprendre la synchronisation</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>Suspendre la synchronisation</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Start hidden in the system tray (where there is one).</source>
        <translation>Démarrer masqué dans la zone de notification (s’il y en a une).</translation>
    </message>
    <message>
        <source>Open on this tab: overview, clients, status, errors or configuration.</source>
        <translation>Ouvrir sur cet onglet&#xa0;: overview, clients, status, errors ou configuration.</translation>
    </message>
    <message>
        <source>Runs and monitors mysql-sync for one site: connections, clients, sync status, errors and configuration, with a tray icon.</source>
        <translation>Exécute et surveille mysql-sync pour un site&#xa0;: connexions, clients, état de synchronisation, erreurs et configuration, avec une icône dans la zone de notification.</translation>
    </message>
    <message>
        <source>The configuration file (default: the last one used).</source>
        <translation>Le fichier de configuration (par défaut&#xa0;: le dernier utilisé).</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: expected at most one configuration file (see --help)</source>
        <translation>mysql-sync-monitor&#xa0;: un seul fichier de configuration au plus est attendu (voir --help)</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: --tab: expected one of %1</source>
        <translation>mysql-sync-monitor&#xa0;: --tab&#xa0;: valeur attendue parmi %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ClientsModel</name>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
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
        <translation>%1 (non configuré)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Online for</source>
        <translation>Encore en ligne</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Dernier signal de vie</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>File d’envoi</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ClientsPage</name>
    <message>
        <source>Every configured remote and every client seen on /info. &quot;Online for&quot; counts down to the heartbeat the client promised.</source>
        <translation>Chaque site distant configuré et chaque client vu sur /info. «&#xa0;Encore en ligne&#xa0;» décompte le temps jusqu’au signal de vie promis par le client.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConfigFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2 at offset %3)</source>
        <translation>%1&#xa0;: pas un objet JSON (%2 à la position %3)</translation>
    </message>
    <message>
        <source>%1: cannot make the backup %2</source>
        <translation>%1&#xa0;: impossible de créer la copie de sauvegarde %2</translation>
    </message>
    <message>
        <source>%1: cannot write the backup: %2</source>
        <translation>%1&#xa0;: impossible d’écrire la copie de sauvegarde&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1&#xa0;: enregistrement impossible&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConfigForm</name>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>Remote clients</source>
        <translation>Clients distants</translation>
    </message>
    <message>
        <source>Sync tables</source>
        <translation>Tables à envoyer</translation>
    </message>
    <message>
        <source>Receive tables</source>
        <translation>Tables à recevoir</translation>
    </message>
    <message>
        <source>Queue directory</source>
        <translation>Dossier de la file d’attente</translation>
    </message>
    <message>
        <source>Check interval (ms)</source>
        <translation>Intervalle de vérification (ms)</translation>
    </message>
    <message>
        <source>Logging level</source>
        <translation>Niveau de journalisation</translation>
    </message>
    <message>
        <source>Transformer directory</source>
        <translation>Dossier des transformateurs</translation>
    </message>
    <message>
        <source>Capture interval (ms)</source>
        <translation>Intervalle de capture (ms)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille des lots</translation>
    </message>
    <message>
        <source>Resend timeout (ms)</source>
        <translation>Délai avant renvoi (ms)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>WebSocket path</source>
        <translation>Chemin WebSocket</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>Keep-alive (s)</source>
        <translation>Keep-alive (s)</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>Session propre (clean session)</translation>
    </message>
    <message>
        <source>Reconnect period (ms)</source>
        <translation>Intervalle de reconnexion (ms)</translation>
    </message>
    <message>
        <source>Connect timeout (ms)</source>
        <translation>Délai de connexion (ms)</translation>
    </message>
    <message>
        <source>Broker TLS</source>
        <translation>TLS du broker</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat de l’AC</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>Verify the broker</source>
        <translation>Vérifier le broker</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConfigPage</name>
    <message>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON brut</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save and restart sync</source>
        <translation>Enregistrer et redémarrer la synchronisation</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>La configuration est valide.</translation>
    </message>
    <message>
        <source>No configuration file loaded.</source>
        <translation>Aucun fichier de configuration chargé.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>No configuration file is loaded.</source>
        <translation>Aucun fichier de configuration n’est chargé.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ErrorsModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Site distant</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ErrorsPage</name>
    <message>
        <source>Filter (any column)</source>
        <translation>Filtre (toutes colonnes)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Export errors</source>
        <translation>Exporter les erreurs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::MainWindow</name>
    <message>
        <source>mysql-sync monitor</source>
        <translation>Moniteur mysql-sync</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>État de synchronisation</translation>
    </message>
    <message>
        <source>Errors &amp;&amp; log</source>
        <translation>Erreurs &amp;&amp; journal</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation>&amp;Ouvrir une configuration…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>mysql-sync stopped</source>
        <translation>mysql-sync s’est arrêté</translation>
    </message>
    <message>
        <source>%1 — mysql-sync monitor</source>
        <translation>%1 — Moniteur mysql-sync</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Ouvrir une configuration</translation>
    </message>
    <message>
        <source>Configuration files (*.json)</source>
        <translation>Fichiers de configuration (*.json)</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (en pause)</translation>
    </message>
    <message>
        <source>%1 — paused</source>
        <translation>%1 — en pause</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::OverviewPage</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
    <message>
        <source>Rows in (applied)</source>
        <translation>Lignes reçues (appliquées)</translation>
    </message>
    <message>
        <source>Rows out (sent)</source>
        <translation>Lignes envoyées</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Capturées</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Resent</source>
        <translation>Renvoyées</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliquées</translation>
    </message>
    <message>
        <source>Relayed</source>
        <translation>Relayées</translation>
    </message>
    <message>
        <source>Receipts in / out</source>
        <translation>Accusés de réception reçus / envoyés</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en marche</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 lignes/s</translation>
    </message>
    <message>
        <source>remote %1</source>
        <translation>site distant %1</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>table %1</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>clé %1</translation>
    </message>
    <message>
        <source>%1 [%2] %3%4</source>
        <translation>%1 [%2] %3%4</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>arrêté&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>The language changes when mysql-sync-monitor is started again.</source>
        <translation>La langue change au prochain démarrage de mysql-sync-monitor.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrage à l’ouverture de session</translation>
    </message>
    <message>
        <source>Start mysql-sync-monitor at login, in the system tray</source>
        <translation>Démarrer mysql-sync-monitor à l’ouverture de session, dans la zone de notification</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SyncStatusLoader</name>
    <message>
        <source>cannot read sync_status: %1</source>
        <translation>impossible de lire sync_status&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot count sync_status rows: %1</source>
        <translation>impossible de compter les lignes de sync_status&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SyncStatusModel</name>
    <message>
        <source>successful</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Site distant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SyncStatusPage</name>
    <message>
        <source>Any status</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Search key</source>
        <translation>Rechercher une clé</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Resend selected rows</source>
        <translation>Renvoyer les lignes sélectionnées</translation>
    </message>
    <message>
        <source>Resend all errors for remote…</source>
        <translation>Renvoyer toutes les erreurs d’un site distant…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) queued to be sent again</source>
        <translation>
            <numerusform>%n ligne mise en file pour être renvoyée</numerusform>
            <numerusform>%n lignes mises en file pour être renvoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>rows in error for %1 queued to be sent again</source>
        <translation>lignes en erreur pour %1 mises en file pour être renvoyées</translation>
    </message>
    <message>
        <source>Resend errors</source>
        <translation>Renvoyer les erreurs</translation>
    </message>
    <message>
        <source>Resend every row in error for remote:</source>
        <translation>Renvoyer toutes les lignes en erreur au site distant&#xa0;:</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>sync_status.csv</source>
        <translation>sync_status.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>%n ligne exportée vers %1</numerusform>
            <numerusform>%n lignes exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Any table</source>
        <translation>Toutes les tables</translation>
    </message>
    <message>
        <source>Any remote</source>
        <translation>Tous les sites distants</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>comptage…</translation>
    </message>
    <message>
        <source>%1 of %2 rows shown</source>
        <translation>%1 lignes affichées sur %2</translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — chargement…</translation>
    </message>
    <message>
        <source> — last page read in %1 ms</source>
        <translation> — dernière page lue en %1 ms</translation>
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
        <translation>Aucune zone de notification n’est disponible&#xa0;: mysql-sync-monitor fonctionne comme une fenêtre normale, et la fermer quitte le programme.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>mysql-sync: %1</source>
        <translation>mysql-sync&#xa0;: %1</translation>
    </message>
</context>
</TS>
