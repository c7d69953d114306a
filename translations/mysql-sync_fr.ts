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
    <name>ConnectionChecks</name>
    <message numerus="yes">
        <source>Connected to %1, server %2; %n table(s) in %3.</source>
        <translation>
            <numerusform>Connecté à %1, serveur %2&#xa0;; %n table dans %3.</numerusform>
            <numerusform>Connecté à %1, serveur %2&#xa0;; %n tables dans %3.</numerusform>
        </translation>
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
        <source>Runs and monitors mysql-sync for one site: connections, clients, sync status, errors and configuration, with a tray icon.</source>
        <translation>Exécute et surveille mysql-sync pour un site&#xa0;: connexions, clients, état de synchronisation, erreurs et configuration, avec une icône dans la zone de notification.</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: expected at most one configuration file (see --help)</source>
        <translation>mysql-sync-monitor&#xa0;: un seul fichier de configuration au plus est attendu (voir --help)</translation>
    </message>
    <message>
        <source>mysql-sync-monitor: --tab: expected one of %1</source>
        <translation>mysql-sync-monitor&#xa0;: --tab&#xa0;: valeur attendue parmi %1</translation>
    </message>
    <message>
        <source>The configuration file (default: the last one used; without one, a first-run page creates it).</source>
        <translation>Le fichier de configuration (par défaut&#xa0;: le dernier utilisé&#xa0;; sans fichier, une page de premier démarrage le crée).</translation>
    </message>
    <message>
        <source>Open on this tab: overview, clients, status, conflicts, consistency, errors, configuration, transformers or feed (shown when the configuration has a feed section).</source>
        <translation>Ouvrir sur cet onglet&#xa0;: overview, clients, status, conflicts, consistency, errors, configuration, transformers ou feed (présent quand la configuration a une section feed).</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::BrokerSetupWizard</name>
    <message>
        <source>Secure broker setup</source>
        <translation>Configuration sécurisée du broker</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::BrokerVerifier</name>
    <message>
        <source>Connected to %1 with the certificate and password of %2; the broker accepted the subscriptions %3.</source>
        <translation>Connecté à %1 avec le certificat et le mot de passe de %2&#xa0;; le broker a accepté les abonnements %3.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>the broker did not answer within %1 s</source>
        <translation>le broker n’a pas répondu en %1 s</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::CertificateFilesCheck</name>
    <message>
        <source>%1: %2, issued by %3, valid until %4</source>
        <translation>%1&#xa0;: %2, émis par %3, valide jusqu’au %4</translation>
    </message>
    <message>
        <source>%1.%2: the certificate expired on %3</source>
        <translation>%1.%2&#xa0;: le certificat a expiré le %3</translation>
    </message>
    <message>
        <source>%1.%2: the certificate expires in %3 days</source>
        <translation>%1.%2&#xa0;: le certificat expire dans %3 jours</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate (%2)</source>
        <translation>%1 n’est pas un certificat PEM (%2)</translation>
    </message>
    <message>
        <source>%1.ca: %2 is not a certificate authority (CA:FALSE)</source>
        <translation>%1.ca&#xa0;: %2 n’est pas une autorité de certification (CA:FALSE)</translation>
    </message>
    <message>
        <source>%1 is not a readable PEM certificate (%2)</source>
        <translation>%1 n’est pas un certificat PEM lisible (%2)</translation>
    </message>
    <message>
        <source>cert: not signed by the CA above (fine only if the server trusts its issuer)</source>
        <translation>cert&#xa0;: non signé par la CA ci-dessus (acceptable seulement si le serveur fait confiance à son émetteur)</translation>
    </message>
    <message>
        <source>%1 is not a PEM private key</source>
        <translation>%1 n’est pas une clé privée PEM</translation>
    </message>
    <message>
        <source>%1 is not the key of the certificate %2</source>
        <translation>%1 n’est pas la clé du certificat %2</translation>
    </message>
    <message>
        <source>a key is set but no certificate</source>
        <translation>une clé est indiquée, mais aucun certificat</translation>
    </message>
    <message>
        <source>key: belongs to the certificate</source>
        <translation>key&#xa0;: correspond au certificat</translation>
    </message>
    <message>
        <source>a certificate is set but no key</source>
        <translation>un certificat est indiqué, mais aucune clé</translation>
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
    <message>
        <source>Outbox depth %1 at %2 rows/s, the average send rate of the last minutes</source>
        <translation>File d’envoi de %1 lignes à %2 lignes/s, le débit d’envoi moyen des dernières minutes</translation>
    </message>
    <message>
        <source>Nothing was sent in the last minutes: no rate to estimate with</source>
        <translation>Rien n’a été envoyé ces dernières minutes&#xa0;: aucun débit pour faire une estimation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Catch-up (estimate)</source>
        <translation>Rattrapage (estimation)</translation>
    </message>
    <message>
        <source>nothing owed</source>
        <translation>rien en attente</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <source>about %n s</source>
        <translation>
            <numerusform>environ %n s</numerusform>
            <numerusform>environ %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 min %2 s</source>
        <translation>environ %1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>environ %1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>about %n days</source>
        <translation>
            <numerusform>environ %n jour</numerusform>
            <numerusform>environ %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Its clock minus ours, estimated from the `until` of its heartbeats (assuming its checkInterval is ours). Up to a minute either way does not make it look offline.</source>
        <translation>Son horloge moins la nôtre, estimée à partir du `until` de ses signaux de présence (en supposant que son checkInterval est le nôtre). Jusqu&apos;à une minute dans un sens ou dans l&apos;autre ne le fait pas paraître hors ligne.</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Décalage d&apos;horloge</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 s behind</source>
        <translation>%1 s de retard</translation>
    </message>
    <message>
        <source>%1 s ahead</source>
        <translation>%1 s d&apos;avance</translation>
    </message>
    <message>
        <source>This remote speaks only what an earlier engine speaks: the per-row protocol, one message per row. Its topics carry no sender, so a broker ACL cannot bind them to the sender&apos;s login: any login allowed on them can send or acknowledge in this remote&apos;s name. Remotes that announce our extension channel get batches on topics bound to their sender.</source>
        <translation>Ce site distant ne parle que ce que parle un moteur antérieur&#xa0;: le protocole ligne par ligne, un message par ligne. Ses topics ne portent pas d’expéditeur, donc une ACL du broker ne peut pas les lier à l’identifiant de l’expéditeur&#xa0;: tout identifiant autorisé sur eux peut envoyer ou accuser réception au nom de ce site distant. Les sites distants qui annoncent notre canal d’extension reçoivent des lots sur des topics liés à leur expéditeur.</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Rows/message</source>
        <translation>Lignes/message</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Per-row</source>
        <translation>Ligne par ligne</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ClientsPage</name>
    <message>
        <source>Every configured remote and every client seen on /info. &quot;Online for&quot; counts down to the heartbeat the client promised. Pending and errors are rows of sync_status, counted every few seconds; the catch-up estimate of an offline remote is its outbox at the recent send rate.</source>
        <translation>Chaque site distant configuré et chaque client vu sur /info. «&#xa0;Encore en ligne&#xa0;» décompte le temps jusqu’au signal de vie promis par le client. «&#xa0;En attente&#xa0;» et «&#xa0;Erreurs&#xa0;» sont des lignes de sync_status, comptées toutes les quelques secondes&#xa0;; le rattrapage estimé d’un site distant hors ligne est sa file d’envoi au débit d’envoi récent.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ColumnMapEditor</name>
    <message>
        <source>Local column</source>
        <translation>Colonne locale</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Ajouter une colonne</translation>
    </message>
    <message>
        <source>Add all columns</source>
        <translation>Ajouter toutes les colonnes</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
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
    <message>
        <source>%1: cannot make the file private: %2</source>
        <translation>%1&#xa0;: impossible de rendre le fichier privé&#xa0;: %2</translation>
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
        <source>comma separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>host:port, comma separated</source>
        <translation>hôte:port, séparés par des virgules</translation>
    </message>
    <message>
        <source>Send window</source>
        <translation>Fenêtre d’envoi</translation>
    </message>
    <message>
        <source>Transformer time limit (ms)</source>
        <translation>Délai des transformateurs (ms)</translation>
    </message>
    <message>
        <source>Socket path</source>
        <translation>Chemin du socket</translation>
    </message>
    <message>
        <source>Character set</source>
        <translation>Jeu de caractères</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Fallback brokers</source>
        <translation>Brokers de secours</translation>
    </message>
    <message>
        <source>Transformers&apos; user</source>
        <translation>Utilisateur des transformateurs</translation>
    </message>
    <message>
        <source>Fast path</source>
        <translation>Voie rapide</translation>
    </message>
    <message>
        <source>Rows per batch</source>
        <translation>Lignes par lot</translation>
    </message>
    <message>
        <source>Bytes per batch</source>
        <translation>Octets par lot</translation>
    </message>
    <message>
        <source>Compress batches</source>
        <translation>Compresser les lots</translation>
    </message>
    <message>
        <source>table=newest|manual|priority:site_a&gt;site_b, comma separated</source>
        <translation>table=newest|manual|priority:site_a&gt;site_b, séparés par des virgules</translation>
    </message>
    <message>
        <source>Filtered columns</source>
        <translation>Colonnes filtrées</translation>
    </message>
    <message>
        <source>Conflict policies</source>
        <translation>Règles de conflit</translation>
    </message>
    <message>
        <source>Background verification (ms)</source>
        <translation>Vérification en arrière-plan (ms)</translation>
    </message>
    <message>
        <source>Initial load</source>
        <translation>Chargement initial</translation>
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
        <translation>La base de données du site : mysqlConfig pour MariaDB ou MySQL, postgresConfig pour PostgreSQL.</translation>
    </message>
    <message>
        <source>Database kind</source>
        <translation>Type de base de données</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schéma</translation>
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
    <name>mysqlsync::ui::ConflictDetails</name>
    <message>
        <source>Keep this site&apos;s</source>
        <translation>Garder celle de ce site</translation>
    </message>
    <message>
        <source>Take the remote&apos;s</source>
        <translation>Prendre celle du site distant</translation>
    </message>
    <message>
        <source>Edit and keep…</source>
        <translation>Modifier et garder…</translation>
    </message>
    <message>
        <source>This site&apos;s row stays as it is now and is sent to every site</source>
        <translation>La ligne de ce site reste telle quelle et est envoyée à chaque site</translation>
    </message>
    <message>
        <source>The remote&apos;s version becomes the row here and is sent to every site</source>
        <translation>La version du site distant devient la ligne ici et est envoyée à chaque site</translation>
    </message>
    <message>
        <source>Write the row to keep, starting from either version; it is sent to every site</source>
        <translation>Écrire la ligne à garder, à partir de l&apos;une ou l&apos;autre version&#xa0;; elle est envoyée à chaque site</translation>
    </message>
    <message>
        <source>Select a conflict to see both versions.</source>
        <translation>Sélectionnez un conflit pour voir les deux versions.</translation>
    </message>
    <message>
        <source>%1, key %2</source>
        <translation>%1, clé %2</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Règle&#xa0;: %1</translation>
    </message>
    <message>
        <source>This site: %1, changed %2</source>
        <translation>Ce site&#xa0;: %1, modifiée %2</translation>
    </message>
    <message>
        <source>Remote: %1, changed %2</source>
        <translation>Site distant&#xa0;: %1, modifiée %2</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Détecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>State: open</source>
        <translation>État&#xa0;: ouvert</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>État&#xa0;: %1</translation>
    </message>
    <message>
        <source>Settled by %1 at %2</source>
        <translation>Réglé par %1 le %2</translation>
    </message>
    <message>
        <source>The remote deleted the row.</source>
        <translation>Le site distant a supprimé la ligne.</translation>
    </message>
    <message>
        <source>This site does not have the row (deleted or never written here).</source>
        <translation>Ce site n&apos;a pas la ligne (supprimée ou jamais écrite ici).</translation>
    </message>
    <message>
        <source>This site (%1)</source>
        <translation>Ce site (%1)</translation>
    </message>
    <message>
        <source>Remote (%1)</source>
        <translation>Site distant (%1)</translation>
    </message>
    <message>
        <source>Take the remote&apos;s (delete the row)</source>
        <translation>Prendre celle du site distant (supprimer la ligne)</translation>
    </message>
    <message>
        <source>Keep this site&apos;s (no row)</source>
        <translation>Garder celle de ce site (aucune ligne)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictEditDialog</name>
    <message>
        <source>Start from this site&apos;s</source>
        <translation>Partir de celle de ce site</translation>
    </message>
    <message>
        <source>Start from the remote&apos;s</source>
        <translation>Partir de celle du site distant</translation>
    </message>
    <message>
        <source>Edit and keep — %1, key %2</source>
        <translation>Modifier et garder — %1, clé %2</translation>
    </message>
    <message>
        <source>Values in JSON: &quot;text&quot;, 12, null. Anything else is taken as text. The row is written here and sent to every site.</source>
        <translation>Valeurs en JSON&#xa0;: &quot;texte&quot;, 12, null. Tout le reste est pris comme texte. La ligne est écrite ici et envoyée à chaque site.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Keep this row</source>
        <translation>Garder cette ligne</translation>
    </message>
    <message>
        <source>Neither version has a row to start from.</source>
        <translation>Aucune des deux versions n&apos;a de ligne de départ.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictNotifier</name>
    <message>
        <source>mysql-sync conflicts</source>
        <translation>Conflits de mysql-sync</translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s): two sites changed the same row; %1 open in the Conflicts tab</source>
        <translation>
            <numerusform>%n nouveau conflit&#xa0;: deux sites ont modifié la même ligne&#xa0;; %1 ouverts dans l&apos;onglet Conflits</numerusform>
            <numerusform>%n nouveaux conflits&#xa0;: deux sites ont modifié la même ligne&#xa0;; %1 ouverts dans l&apos;onglet Conflits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictPoliciesText</name>
    <message>
        <source>conflicts: &quot;%1&quot;: %2 (write for example: %3)</source>
        <translation>conflicts&#xa0;: «&#xa0;%1&#xa0;»&#xa0;: %2 (écrivez par exemple&#xa0;: %3)</translation>
    </message>
    <message>
        <source>expected table=policy</source>
        <translation>attendu&#xa0;: table=règle</translation>
    </message>
    <message>
        <source>the table name is missing</source>
        <translation>le nom de la table manque</translation>
    </message>
    <message>
        <source>the table %1 is named twice</source>
        <translation>la table %1 est nommée deux fois</translation>
    </message>
    <message>
        <source>the policy must be newest, manual or priority:site&gt;site</source>
        <translation>la règle doit être newest, manual ou priority:site&gt;site</translation>
    </message>
    <message>
        <source>priority needs its sites, the first winning: priority:site_a&gt;site_b</source>
        <translation>priority a besoin de ses sites, le premier gagne&#xa0;: priority:site_a&gt;site_b</translation>
    </message>
    <message>
        <source>a site name is missing between the &apos;&gt;&apos;</source>
        <translation>un nom de site manque entre les «&#xa0;&gt;&#xa0;»</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictsModel</name>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>réglé</translation>
    </message>
    <message>
        <source>settled: this site&apos;s kept</source>
        <translation>réglé&#xa0;: celle de ce site gardée</translation>
    </message>
    <message>
        <source>settled: remote&apos;s taken</source>
        <translation>réglé&#xa0;: celle du site distant prise</translation>
    </message>
    <message>
        <source>settled: edited</source>
        <translation>réglé&#xa0;: modifiée</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Détecté</translation>
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
        <source>Policy</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConflictsPage</name>
    <message>
        <source>Open and settled</source>
        <translation>Ouverts et réglés</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Réglés</translation>
    </message>
    <message>
        <source>conflict %1: settlement sent to the engine</source>
        <translation>conflit %1&#xa0;: règlement envoyé au moteur</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) shown</source>
        <translation>
            <numerusform>%n conflit affiché</numerusform>
            <numerusform>%n conflits affichés</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — chargement…</translation>
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
        <translation>Impossible d’utiliser l’adresse du broker %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Connected to the broker %1.</source>
        <translation>Connecté au broker %1.</translation>
    </message>
    <message>
        <source>Connected to the broker %1 as %2.</source>
        <translation>Connecté au broker %1 en tant que %2.</translation>
    </message>
    <message>
        <source>Broker %1: %2</source>
        <translation>Broker %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Broker %1: no answer within %2 s (check mqttConfig.host, mqttConfig.port and the firewall)</source>
        <translation>Broker %1&#xa0;: pas de réponse en %2 s (vérifiez mqttConfig.host, mqttConfig.port et le pare-feu)</translation>
    </message>
    <message>
        <source>Broker %1: %2 (is the broker running, and are mqttConfig.host and mqttConfig.port right?)</source>
        <translation>Broker %1&#xa0;: %2 (le broker est-il en marche, et mqttConfig.host et mqttConfig.port sont-ils corrects&#xa0;?)</translation>
    </message>
    <message>
        <source>Broker %1: %2:%3 accepts connections but did not answer as an MQTT broker within %4 s (is it the broker&apos;s port? A TLS port needs mqttConfig.protocol mqtts)</source>
        <translation>Broker %1&#xa0;: %2:%3 accepte les connexions mais n’a pas répondu comme un broker MQTT en %4 s (est-ce bien le port du broker&#xa0;? Un port TLS nécessite mqttConfig.protocol mqtts)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConnectionTestPanel</name>
    <message>
        <source>Test database</source>
        <translation>Tester la base de données</translation>
    </message>
    <message>
        <source>Test broker</source>
        <translation>Tester le broker</translation>
    </message>
    <message>
        <source>Testing database…</source>
        <translation>Test de la base de données…</translation>
    </message>
    <message>
        <source>Testing broker…</source>
        <translation>Test du broker…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK&#xa0;: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConsistencyLoader</name>
    <message>
        <source>repair of %1 on %2 queued (verification %3)</source>
        <translation>réparation de %1 sur %2 en file d’attente (vérification %3)</translation>
    </message>
    <message>
        <source>verification of %1 against %2 queued (%3)</source>
        <translation>vérification de %1 avec %2 en file d’attente (%3)</translation>
    </message>
    <message>
        <source>%1 is loaded into %2 again from its first key</source>
        <translation>%1 est de nouveau chargée dans %2 depuis sa première clé</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConsistencyModel</name>
    <message>
        <source>queued</source>
        <translation>en file d’attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 differ</source>
        <translation>%1 différente(s)</translation>
    </message>
    <message>
        <source>%1 missing there</source>
        <translation>%1 absente(s) là-bas</translation>
    </message>
    <message>
        <source>%1 extra there</source>
        <translation>%1 en trop là-bas</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identique</translation>
    </message>
    <message numerus="yes">
        <source> — %n row(s) sent again</source>
        <translation>
            <numerusform> — %n ligne renvoyée</numerusform>
            <numerusform> — %n lignes renvoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <source>loaded %1</source>
        <translation>chargée le %1</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>chargée</translation>
    </message>
    <message>
        <source>loading: %1 row(s) sent</source>
        <translation>chargement&#xa0;: %1 ligne(s) envoyée(s)</translation>
    </message>
    <message>
        <source>repair queued</source>
        <translation>réparation en file d’attente</translation>
    </message>
    <message>
        <source>verification queued</source>
        <translation>vérification en file d’attente</translation>
    </message>
    <message>
        <source>repairing</source>
        <translation>réparation</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>chargement</translation>
    </message>
    <message>
        <source>%1 of %2 rows (%3%)</source>
        <translation>%1 sur %2 lignes (%3&#xa0;%)</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 lignes/s</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>reste %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Site distant</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Initial load</source>
        <translation>Chargement initial</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>to be loaded</source>
        <translation>à charger</translation>
    </message>
    <message>
        <source>The engine sends the table&apos;s rows when %1 is online</source>
        <translation>Le moteur envoie les lignes de la table quand %1 est en ligne</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ConsistencyPage</name>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>Réparer…</translation>
    </message>
    <message>
        <source>Load again…</source>
        <translation>Recharger…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Compare the selected table with the remote&apos;s copy, row by row (nothing is changed)</source>
        <translation>Comparer la table choisie, ligne par ligne, avec la copie du site distant (rien n’est modifié)</translation>
    </message>
    <message>
        <source>Compare, then send the rows that differ or are missing on the remote again from this site</source>
        <translation>Comparer, puis renvoyer depuis ce site les lignes différentes ou absentes sur le site distant</translation>
    </message>
    <message>
        <source>Send every row of the selected table to the remote again, from its first key</source>
        <translation>Renvoyer au site distant chaque ligne de la table choisie, depuis sa première clé</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Select a table and remote to see its last verification.</source>
        <translation>Choisissez une table et un site distant pour voir leur dernière vérification.</translation>
    </message>
    <message>
        <source>%1 has not been verified against %2 yet.</source>
        <translation>%1 n’a pas encore été vérifiée avec %2.</translation>
    </message>
    <message>
        <source>Repair %1 of %2 against %3</source>
        <translation>Réparation %1 de %2 avec %3</translation>
    </message>
    <message>
        <source>Verification %1 of %2 against %3</source>
        <translation>Vérification %1 de %2 avec %3</translation>
    </message>
    <message>
        <source>Asked for %1, finished %2; %3 row(s) of this site compared.</source>
        <translation>Demandée le %1, terminée le %2&#xa0;; %3 ligne(s) de ce site comparée(s).</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Résultat&#xa0;: %1</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>différente</translation>
    </message>
    <message>
        <source>missing there</source>
        <translation>absente là-bas</translation>
    </message>
    <message>
        <source>extra there (only the remote has it)</source>
        <translation>en trop là-bas (seul le site distant l’a)</translation>
    </message>
    <message>
        <source>Repair %1 on %2</source>
        <translation>Réparer %1 sur %2</translation>
    </message>
    <message>
        <source>The rows of %1 that differ on %2 or that it lacks are sent again from this site: %2&apos;s copies of them are overwritten, and rows only %2 has are deleted there.

Repair now?</source>
        <translation>Les lignes de %1 différentes sur %2 ou absentes de %2 sont renvoyées depuis ce site&#xa0;: les copies de %2 sont écrasées, et les lignes que seul %2 possède y sont supprimées.

Réparer maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>asking for a repair of %1 on %2…</source>
        <translation>demande de réparation de %1 sur %2…</translation>
    </message>
    <message>
        <source>asking for a verification of %1 against %2…</source>
        <translation>demande de vérification de %1 avec %2…</translation>
    </message>
    <message>
        <source>Load %1 into %2 again</source>
        <translation>Recharger %1 dans %2</translation>
    </message>
    <message>
        <source>Every row of %1 is sent to %2 again, from its first key, while live changes keep flowing. %2&apos;s copies of these rows are overwritten.

Load again now?</source>
        <translation>Chaque ligne de %1 est renvoyée à %2, depuis sa première clé, pendant que les modifications courantes continuent. Les copies de ces lignes sur %2 sont écrasées.

Recharger maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>asking for a new load of %1 into %2…</source>
        <translation>demande d’un nouveau chargement de %1 dans %2…</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::EntityDiffModel</name>
    <message>
        <source>(absent)</source>
        <translation>(absente)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(supprimée)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ErrorNotifier</name>
    <message>
        <source>remote %1</source>
        <translation>site distant %1</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>table %1</translation>
    </message>
    <message>
        <source>table %1, key %2</source>
        <translation>table %1, clé %2</translation>
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
        <translation>Erreur de mysql-sync</translation>
    </message>
    <message>
        <source>mysql-sync errors</source>
        <translation>Erreurs de mysql-sync</translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s); the latest: %1</source>
        <translation>
            <numerusform>%n autre erreur&#xa0;; la dernière&#xa0;: %1</numerusform>
            <numerusform>%n autres erreurs&#xa0;; la dernière&#xa0;: %1</numerusform>
        </translation>
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
    <message>
        <source>refused by &quot;%1&quot;</source>
        <translation>refusé par «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
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
    <name>mysqlsync::ui::ExpiryBanner</name>
    <message>
        <source>A certificate has expired.</source>
        <translation>Un certificat a expiré.</translation>
    </message>
    <message>
        <source>A certificate expires soon.</source>
        <translation>Un certificat expire bientôt.</translation>
    </message>
    <message>
        <source>Make new ones with Tools → Secure broker setup (or mysql-sync setup-broker) and install them before then.</source>
        <translation>Créez-en de nouveaux avec Outils → Configuration sécurisée du broker (ou mysql-sync setup-broker) et installez-les avant cette date.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::ExpiryWatcher</name>
    <message>
        <source>%1 (%2, CN %3) expired on %4.</source>
        <translation>%1 (%2, CN %3) a expiré le %4.</translation>
    </message>
    <message>
        <source>%1 (%2, CN %3) expires in 1 day, on %4.</source>
        <translation>%1 (%2, CN %3) expire dans 1 jour, le %4.</translation>
    </message>
    <message>
        <source>%1 (%2, CN %3) expires in %5 days, on %4.</source>
        <translation>%1 (%2, CN %3) expire dans %5 jours, le %4.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedClientsModel</name>
    <message>
        <source>(not logged in)</source>
        <translation>(non connecté)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
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
        <translation>Messages/s</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Perdus</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedMonitor</name>
    <message>
        <source>The live feed cannot start: %1</source>
        <translation>Le flux en direct ne peut pas démarrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedPage</name>
    <message>
        <source>The live feed is not running (the configuration has no feed section).</source>
        <translation>Le flux en direct ne tourne pas (la configuration n’a pas de section feed).</translation>
    </message>
    <message numerus="yes">
        <source>Listening on port %1: %n client(s) connected; %2 dropped for not keeping up; %3 change(s) the feed fell too far behind to push; %4 not published on the broker.</source>
        <translation>
            <numerusform>À l’écoute sur le port %1 : %n client connecté ; %2 déconnecté(s) car trop lents ; %3 modification(s) que le flux, trop en retard, n’a pas poussées ; %4 non publiée(s) sur le broker.</numerusform>
            <numerusform>À l’écoute sur le port %1 : %n clients connectés ; %2 déconnecté(s) car trop lents ; %3 modification(s) que le flux, trop en retard, n’a pas poussées ; %4 non publiée(s) sur le broker.</numerusform>
        </translation>
    </message>
    <message>
        <source>The live feed is starting… (connecting to its database, then listening)</source>
        <translation>Le flux en direct démarre… (connexion à sa base de données, puis écoute)</translation>
    </message>
    <message>
        <source>The live feed is not running.</source>
        <translation>Le flux en direct ne tourne pas.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FeedSettings</name>
    <message>
        <source>Live feed (WebSocket push to apps and browsers)</source>
        <translation>Flux en direct (push WebSocket vers applications et navigateurs)</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Écouter sur</translation>
    </message>
    <message>
        <source>Tokens table</source>
        <translation>Table des jetons</translation>
    </message>
    <message>
        <source>Token column</source>
        <translation>Colonne du jeton</translation>
    </message>
    <message>
        <source>User id column</source>
        <translation>Colonne de l’identifiant</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routage</translation>
    </message>
    <message>
        <source>Per table: the column(s) holding the user id a row belongs to, or * for every client; a table not listed reaches no client.</source>
        <translation>Par table : la ou les colonnes contenant l’identifiant de l’utilisateur à qui appartient une ligne, ou * pour tous les clients ; une table non listée n’atteint aucun client.</translation>
    </message>
    <message>
        <source>Never pushed</source>
        <translation>Jamais envoyées</translation>
    </message>
    <message>
        <source>Publish token</source>
        <translation>Jeton de publication</translation>
    </message>
    <message>
        <source>Where the securityToken of POST /publish is read from; empty: /publish refused.</source>
        <translation>D’où le securityToken de POST /publish est lu ; vide : /publish refusé.</translation>
    </message>
    <message>
        <source>Publish the changes on the broker for standalone feed servers</source>
        <translation>Publier les modifications sur le broker pour des serveurs de flux autonomes</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not table=column, table=column,column or table=*</source>
        <translation>&quot;%1&quot; n’est pas table=colonne, table=colonne,colonne ou table=*</translation>
    </message>
    <message>
        <source>the table %1 is listed twice</source>
        <translation>la table %1 est listée deux fois</translation>
    </message>
    <message>
        <source>(a token written in the file: kept)</source>
        <translation>(un jeton écrit dans le fichier : conservé)</translation>
    </message>
    <message>
        <source>expected keychain:NAME, env:VARIABLE or file:PATH (the token itself is never typed here)</source>
        <translation>attendu keychain:NOM, env:VARIABLE ou file:CHEMIN (le jeton lui-même n’est jamais saisi ici)</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FilterBar</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Search key</source>
        <translation>Rechercher une clé</translation>
    </message>
    <message>
        <source>Any table</source>
        <translation>Toutes les tables</translation>
    </message>
    <message>
        <source>Any remote</source>
        <translation>Tous les sites distants</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FiltersEditor</name>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>column</source>
        <translation>colonne</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::FirstRunPage</name>
    <message>
        <source>Create configuration</source>
        <translation>Créer la configuration</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Set up this site&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Configurer ce site&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>There is no configuration yet. Name this site (client name), enter its database and the broker, the sites it exchanges rows with (remote clients), the tables, and the folder for queued changes. Test the connections, then create the file.</source>
        <translation>Il n’y a pas encore de configuration. Nommez ce site (nom du client), indiquez sa base de données et le broker, les sites avec lesquels il échange des lignes (clients distants), les tables et le dossier des modifications en file d’attente. Testez les connexions, puis créez le fichier.</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Enregistrer sous&#xa0;:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Save the configuration as</source>
        <translation>Enregistrer la configuration sous</translation>
    </message>
    <message>
        <source>Configuration files (*.json)</source>
        <translation>Fichiers de configuration (*.json)</translation>
    </message>
    <message>
        <source>The configuration is being saved.</source>
        <translation>La configuration est en cours d’enregistrement.</translation>
    </message>
    <message>
        <source>Choose where to save the configuration (Save as).</source>
        <translation>Choisissez où enregistrer la configuration (Enregistrer sous).</translation>
    </message>
    <message>
        <source>%1 already exists: choose another file, or open it with File &gt; Open configuration.</source>
        <translation>%1 existe déjà&#xa0;: choisissez un autre fichier, ou ouvrez-le avec Fichier &gt; Ouvrir une configuration.</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1&#xa0;: impossible de créer le dossier</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::KeychainPasswordField</name>
    <message>
        <source>in the keychain as &quot;%1&quot; (service %2)</source>
        <translation>dans le trousseau sous «&#xa0;%1&#xa0;» (service %2)</translation>
    </message>
    <message>
        <source>from the environment variable %1</source>
        <translation>depuis la variable d’environnement %1</translation>
    </message>
    <message>
        <source>from the file %1</source>
        <translation>depuis le fichier %1</translation>
    </message>
    <message>
        <source>by reference</source>
        <translation>par référence</translation>
    </message>
    <message>
        <source>Store in keychain</source>
        <translation>Enregistrer dans le trousseau</translation>
    </message>
    <message>
        <source>Write this password into the configuration file in plain text (not recommended)</source>
        <translation>Écrire ce mot de passe en clair dans le fichier de configuration (déconseillé)</translation>
    </message>
    <message>
        <source>Not stored yet: it goes to the keychain when you leave the field or press &quot;Store in keychain&quot;.</source>
        <translation>Pas encore enregistré&#xa0;: il ira dans le trousseau quand vous quitterez le champ ou cliquerez sur «&#xa0;Enregistrer dans le trousseau&#xa0;».</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>Kept: %1. Type a new password to replace it.</source>
        <translation>Conservé&#xa0;: %1. Saisissez un nouveau mot de passe pour le remplacer.</translation>
    </message>
    <message>
        <source>This password is in plain text in the configuration file. Untick the box below and press &quot;Store in keychain&quot; to keep it in the keychain instead.</source>
        <translation>Ce mot de passe est en clair dans le fichier de configuration. Décochez la case ci-dessous et cliquez sur «&#xa0;Enregistrer dans le trousseau&#xa0;» pour le conserver plutôt dans le trousseau.</translation>
    </message>
    <message>
        <source>No password set.</source>
        <translation>Aucun mot de passe défini.</translation>
    </message>
    <message>
        <source>%1: the password is still being stored in the keychain; save again in a moment</source>
        <translation>%1&#xa0;: le mot de passe est encore en cours d’enregistrement dans le trousseau&#xa0;; enregistrez de nouveau dans un instant</translation>
    </message>
    <message>
        <source>%1: the password was not saved: %2. Unlock the keychain and press &quot;Store in keychain&quot;, or tick &quot;Write this password into the configuration file in plain text&quot;</source>
        <translation>%1&#xa0;: le mot de passe n’a pas été enregistré&#xa0;: %2. Déverrouillez le trousseau et cliquez sur «&#xa0;Enregistrer dans le trousseau&#xa0;», ou cochez «&#xa0;Écrire ce mot de passe en clair dans le fichier de configuration&#xa0;»</translation>
    </message>
    <message>
        <source>%1: the password typed is not stored yet: press &quot;Store in keychain&quot;</source>
        <translation>%1&#xa0;: le mot de passe saisi n’est pas encore enregistré&#xa0;: cliquez sur «&#xa0;Enregistrer dans le trousseau&#xa0;»</translation>
    </message>
    <message>
        <source>set the client name first (the keychain entry is named after it)</source>
        <translation>indiquez d’abord le nom du client (l’entrée du trousseau porte son nom)</translation>
    </message>
    <message>
        <source>Not stored: %1.</source>
        <translation>Non enregistré&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Storing in the keychain as &quot;%1&quot;…</source>
        <translation>Enregistrement dans le trousseau sous «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Not stored in the keychain: %1. The password is not written anywhere: unlock the keychain and press &quot;Store in keychain&quot; again, or tick the box below.</source>
        <translation>Non enregistré dans le trousseau&#xa0;: %1. Le mot de passe n’est écrit nulle part&#xa0;: déverrouillez le trousseau et cliquez de nouveau sur «&#xa0;Enregistrer dans le trousseau&#xa0;», ou cochez la case ci-dessous.</translation>
    </message>
    <message>
        <source>Not stored yet.</source>
        <translation>Pas encore enregistré.</translation>
    </message>
    <message>
        <source>Stored %1; the configuration file holds only this reference.</source>
        <translation>Enregistré %1&#xa0;; le fichier de configuration ne contient que cette référence.</translation>
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
    <message>
        <source>Transformers</source>
        <translation>Transformateurs</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>Expiration de certificat</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Secure broker setup…</source>
        <translation>&amp;Configuration sécurisée du broker…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Reading the passwords of %1 from the keychain…</source>
        <translation>Lecture des mots de passe de %1 depuis le trousseau…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Cohérence</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>There is no Feed tab: %1 has no feed section (the live feed is set up on the Configuration tab, &quot;Live feed&quot;).</source>
        <translation>Il n’y a pas d’onglet Flux&#xa0;: %1 n’a pas de section feed (le flux en direct se configure dans l’onglet Configuration, «&#xa0;Flux en direct&#xa0;»).</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::MappingDialog</name>
    <message>
        <source>Published as</source>
        <translation>Publiée sous</translation>
    </message>
    <message>
        <source>Remote column</source>
        <translation>Colonne distante</translation>
    </message>
    <message>
        <source>Sync table mapping</source>
        <translation>Correspondance d’une table à envoyer</translation>
    </message>
    <message>
        <source>Receive table mapping</source>
        <translation>Correspondance d’une table à recevoir</translation>
    </message>
    <message>
        <source>Local table</source>
        <translation>Table locale</translation>
    </message>
    <message>
        <source>the local table&apos;s name</source>
        <translation>le nom de la table locale</translation>
    </message>
    <message>
        <source>&quot;as&quot;: the name remotes receive this table under</source>
        <translation>«&#xa0;as&#xa0;»&#xa0;: le nom sous lequel les sites distants reçoivent cette table</translation>
    </message>
    <message>
        <source>&quot;from&quot;: the name the remote sends this table under</source>
        <translation>«&#xa0;from&#xa0;»&#xa0;: le nom sous lequel le site distant envoie cette table</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Reçue sous</translation>
    </message>
    <message>
        <source>Publish only these columns, under these names</source>
        <translation>N’envoyer que ces colonnes, sous ces noms</translation>
    </message>
    <message>
        <source>Write only these columns (remote column → local column)</source>
        <translation>N’écrire que ces colonnes (colonne distante → colonne locale)</translation>
    </message>
    <message>
        <source>&quot;columns&quot;; unticked: every column under its own name</source>
        <translation>«&#xa0;columns&#xa0;»&#xa0;; non cochée&#xa0;: chaque colonne sous son propre nom</translation>
    </message>
    <message>
        <source>A remote may change only the ticked columns of an existing row</source>
        <translation>Un site distant ne peut modifier que les colonnes cochées d’une ligne existante</translation>
    </message>
    <message>
        <source>&quot;update&quot;; unticked: every column it writes</source>
        <translation>«&#xa0;update&#xa0;»&#xa0;; non cochée&#xa0;: toutes les colonnes qu’il écrit</translation>
    </message>
    <message>
        <source>A remote may add rows (&quot;insert&quot;)</source>
        <translation>Un site distant peut ajouter des lignes («&#xa0;insert&#xa0;»)</translation>
    </message>
    <message>
        <source>A remote may delete rows (&quot;delete&quot;)</source>
        <translation>Un site distant peut supprimer des lignes («&#xa0;delete&#xa0;»)</translation>
    </message>
    <message>
        <source>Mirror: after an initial load, delete the rows the source lacks (&quot;mirror&quot;)</source>
        <translation>Miroir&#xa0;: après un chargement initial, supprimer les lignes absentes de la source («&#xa0;mirror&#xa0;»)</translation>
    </message>
    <message>
        <source>Choose the local table.</source>
        <translation>Choisissez la table locale.</translation>
    </message>
    <message>
        <source>Add the columns to map, or untick &quot;%1&quot;.</source>
        <translation>Ajoutez les colonnes à faire correspondre, ou décochez «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Row %1 of the column map needs both column names.</source>
        <translation>La ligne %1 de la correspondance des colonnes doit avoir les deux noms de colonne.</translation>
    </message>
    <message>
        <source>Local column `%1` is listed twice in the column map.</source>
        <translation>La colonne locale `%1` figure deux fois dans la correspondance des colonnes.</translation>
    </message>
    <message>
        <source>Remote column `%1` is listed twice in the column map.</source>
        <translation>La colonne distante `%1` figure deux fois dans la correspondance des colonnes.</translation>
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
    <message>
        <source>Rows per second, last 5 minutes</source>
        <translation>Lignes par seconde, 5 dernières minutes</translation>
    </message>
    <message>
        <source>From unknown senders (dropped)</source>
        <translation>D&apos;expéditeurs inconnus (ignorés)</translation>
    </message>
    <message>
        <source>Messages whose sender is not one of this site&apos;s remote clients: ignored, counted, and logged once a minute per name</source>
        <translation>Messages dont l&apos;expéditeur n&apos;est pas l&apos;un des clients distants de ce site : ignorés, comptés et journalisés une fois par minute et par nom</translation>
    </message>
    <message>
        <source>Rows per message</source>
        <translation>Lignes par message</translation>
    </message>
    <message>
        <source>Changes sent ÷ the MQTT messages that carried them: 1 on the per-row protocol, many where remotes get batches</source>
        <translation>Modifications envoyées ÷ les messages MQTT qui les ont portées&#xa0;: 1 avec le protocole ligne par ligne, beaucoup là où des sites distants reçoivent des lots</translation>
    </message>
    <message>
        <source>Bytes per row</source>
        <translation>Octets par ligne</translation>
    </message>
    <message>
        <source>Payload bytes of those messages ÷ changes sent (after compression, without the MQTT headers)</source>
        <translation>Octets utiles de ces messages ÷ modifications envoyées (après compression, sans les en-têtes MQTT)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Rows two sites changed without seeing each other&apos;s change; open: waiting for an operator (policy manual) or not yet settled. Click to open the Conflicts tab.</source>
        <translation>Lignes modifiées par deux sites sans voir la modification de l&apos;autre&#xa0;; ouverts&#xa0;: en attente d&apos;un opérateur (règle manual) ou pas encore réglés. Cliquez pour ouvrir l&apos;onglet Conflits.</translation>
    </message>
    <message>
        <source>Conflicts seen / settled</source>
        <translation>Conflits vus / réglés</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 ouverts</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::RateChart</name>
    <message>
        <source>Rows per second in and out</source>
        <translation>Lignes par seconde reçues et envoyées</translation>
    </message>
    <message>
        <source>rows/s</source>
        <translation>lignes/s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>-%1 min</source>
        <translation>-%1 min</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>pas encore de données</translation>
    </message>
    <message>
        <source>in (applied)</source>
        <translation>reçues (appliquées)</translation>
    </message>
    <message>
        <source>out (sent)</source>
        <translation>envoyées</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::RemoteNotifier</name>
    <message>
        <source>%1 is offline</source>
        <translation>%1 est hors ligne</translation>
    </message>
    <message>
        <source>No heartbeat from %1: its changes wait in the outbox until it is back.</source>
        <translation>Aucun signal de vie de %1&#xa0;: ses modifications attendent dans la file d’envoi jusqu’à son retour.</translation>
    </message>
    <message>
        <source>%1 is online</source>
        <translation>%1 est en ligne</translation>
    </message>
    <message>
        <source>%1 is back online</source>
        <translation>%1 est de nouveau en ligne</translation>
    </message>
    <message>
        <source>What waited in the outbox for %1 is being sent.</source>
        <translation>Ce qui attendait dans la file d’envoi pour %1 est en cours d’envoi.</translation>
    </message>
    <message numerus="yes">
        <source>%n remotes changed state</source>
        <translation>
            <numerusform>%n site distant a changé d’état</numerusform>
            <numerusform>%n sites distants ont changé d’état</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Hors ligne&#xa0;: %1</translation>
    </message>
    <message>
        <source>Back online: %1</source>
        <translation>De nouveau en ligne&#xa0;: %1</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>En ligne&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SecuritySettings</name>
    <message>
        <source>Broker password</source>
        <translation>Mot de passe du broker</translation>
    </message>
    <message>
        <source>Broker TLS</source>
        <translation>TLS du broker</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Mot de passe de la base de données</translation>
    </message>
    <message>
        <source>Database TLS</source>
        <translation>TLS de la base de données</translation>
    </message>
    <message>
        <source>The password of the transformers&apos; database user (Transformers&apos; user); leave it empty when that field is empty.</source>
        <translation>Le mot de passe de l&apos;utilisateur de base de données des transformateurs (Utilisateur des transformateurs)&#xa0;; laissez-le vide si ce champ est vide.</translation>
    </message>
    <message>
        <source>Transformers&apos; database password</source>
        <translation>Mot de passe de la base de données des transformateurs</translation>
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
    <name>mysqlsync::ui::SetupFilesPage</name>
    <message>
        <source>Keys, certificates and Mosquitto files</source>
        <translation>Clés, certificats et fichiers Mosquitto</translation>
    </message>
    <message>
        <source>Nothing usable was made: %1. Go back to change the settings.</source>
        <translation>Rien d’utilisable n’a été créé&#xa0;: %1. Revenez en arrière pour modifier les paramètres.</translation>
    </message>
    <message>
        <source>Making keys and certificates in %1…</source>
        <translation>Création des clés et des certificats dans %1…</translation>
    </message>
    <message>
        <source>Written to %1. Keys and passwords are readable only by you (0600). Keep ca.key offline: whoever has it can make certificates the broker trusts.</source>
        <translation>Écrits dans %1. Les clés et les mots de passe ne sont lisibles que par vous (0600). Conservez ca.key hors ligne&#xa0;: quiconque le possède peut créer des certificats auxquels le broker fait confiance.</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupInstallPage</name>
    <message>
        <source>Where the files go</source>
        <translation>Où placer les fichiers</translation>
    </message>
    <message>
        <source>Install the broker&apos;s files and restart Mosquitto, then copy each site&apos;s files to that site. The next page checks the result.</source>
        <translation>Installez les fichiers du broker et redémarrez Mosquitto, puis copiez les fichiers de chaque site sur ce site. La page suivante vérifie le résultat.</translation>
    </message>
    <message>
        <source>&lt;code&gt;clients/%1.password&lt;/code&gt; (keep it &lt;code&gt;chmod 600&lt;/code&gt;, owned by the user that runs mysql-sync)</source>
        <translation>&lt;code&gt;clients/%1.password&lt;/code&gt; (gardez-le en &lt;code&gt;chmod 600&lt;/code&gt;, propriété de l’utilisateur qui exécute mysql-sync)</translation>
    </message>
    <message>
        <source>nothing: the password is in this computer&apos;s keychain as &lt;code&gt;%1-broker&lt;/code&gt;; on another computer store it in that keychain under the same name, or put it in a 0600 file and set &lt;code&gt;&quot;password&quot;: {&quot;file&quot;: &quot;%1.password&quot;}&lt;/code&gt;</source>
        <translation>rien&#xa0;: le mot de passe est dans le trousseau de cet ordinateur sous &lt;code&gt;%1-broker&lt;/code&gt;&#xa0;; sur un autre ordinateur, enregistrez-le dans son trousseau sous le même nom, ou placez-le dans un fichier 0600 et indiquez &lt;code&gt;&quot;password&quot;: {&quot;file&quot;: &quot;%1.password&quot;}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The broker.&lt;/b&gt; &lt;code&gt;%1/mosquitto.conf&lt;/code&gt; enables a TLS listener on port %2 that requires a client certificate signed by &lt;code&gt;ca.crt&lt;/code&gt; &lt;i&gt;and&lt;/i&gt; a password (&lt;code&gt;passwordfile&lt;/code&gt;), and applies the per-site rights of &lt;code&gt;acl&lt;/code&gt;. It names &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;server.crt&lt;/code&gt;, &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; and &lt;code&gt;acl&lt;/code&gt; by their absolute paths in %1: if you move them, change those lines. Mosquitto&apos;s user must be able to read &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; and &lt;code&gt;acl&lt;/code&gt; (give them to that user, keep mode 0600). &lt;code&gt;ca.key&lt;/code&gt; is not needed by the broker: keep it offline, it makes certificates.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Le broker.&lt;/b&gt; &lt;code&gt;%1/mosquitto.conf&lt;/code&gt; active un listener TLS sur le port %2 qui exige un certificat client signé par &lt;code&gt;ca.crt&lt;/code&gt; &lt;i&gt;et&lt;/i&gt; un mot de passe (&lt;code&gt;passwordfile&lt;/code&gt;), et applique les droits par site de &lt;code&gt;acl&lt;/code&gt;. Il désigne &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;server.crt&lt;/code&gt;, &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; et &lt;code&gt;acl&lt;/code&gt; par leurs chemins absolus dans %1&#xa0;: si vous les déplacez, modifiez ces lignes. L’utilisateur de Mosquitto doit pouvoir lire &lt;code&gt;server.key&lt;/code&gt;, &lt;code&gt;passwordfile&lt;/code&gt; et &lt;code&gt;acl&lt;/code&gt; (donnez-les à cet utilisateur, gardez le mode 0600). Le broker n’a pas besoin de &lt;code&gt;ca.key&lt;/code&gt;&#xa0;: conservez-le hors ligne, il sert à créer des certificats.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Linux&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Copy the broker&apos;s files to &lt;code&gt;/etc/mosquitto/mysql-sync/&lt;/code&gt; and &lt;code&gt;chown mosquitto&lt;/code&gt; the key, password and ACL files.&lt;/li&gt;&lt;li&gt;Put &lt;code&gt;mosquitto.conf&lt;/code&gt; in &lt;code&gt;/etc/mosquitto/conf.d/mysql-sync.conf&lt;/code&gt; (Debian and Ubuntu include that folder) with the paths changed, or start Mosquitto with &lt;code&gt;-c&lt;/code&gt; on it.&lt;/li&gt;&lt;li&gt;&lt;code&gt;sudo systemctl restart mosquitto&lt;/code&gt;, then &lt;code&gt;journalctl -u mosquitto&lt;/code&gt; shows &quot;Opening ipv4 listen socket on port %1&quot;.&lt;/li&gt;&lt;li&gt;Open port %1/tcp in the firewall (e.g. &lt;code&gt;sudo ufw allow %1/tcp&lt;/code&gt;).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Linux&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Copiez les fichiers du broker dans &lt;code&gt;/etc/mosquitto/mysql-sync/&lt;/code&gt; et attribuez à mosquitto (&lt;code&gt;chown mosquitto&lt;/code&gt;) les fichiers de clé, de mots de passe et d’ACL.&lt;/li&gt;&lt;li&gt;Placez &lt;code&gt;mosquitto.conf&lt;/code&gt; dans &lt;code&gt;/etc/mosquitto/conf.d/mysql-sync.conf&lt;/code&gt; (Debian et Ubuntu incluent ce dossier) en adaptant les chemins, ou démarrez Mosquitto avec &lt;code&gt;-c&lt;/code&gt; sur ce fichier.&lt;/li&gt;&lt;li&gt;&lt;code&gt;sudo systemctl restart mosquitto&lt;/code&gt;, puis &lt;code&gt;journalctl -u mosquitto&lt;/code&gt; affiche «&#xa0;Opening ipv4 listen socket on port %1&#xa0;».&lt;/li&gt;&lt;li&gt;Ouvrez le port %1/tcp dans le pare-feu (par exemple &lt;code&gt;sudo ufw allow %1/tcp&lt;/code&gt;).&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Windows&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Copy the broker&apos;s files to &lt;code&gt;C:\Program Files\mosquitto\mysql-sync\&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;Merge &lt;code&gt;mosquitto.conf&lt;/code&gt; into &lt;code&gt;C:\Program Files\mosquitto\mosquitto.conf&lt;/code&gt; with the paths changed (forward slashes work).&lt;/li&gt;&lt;li&gt;Restart the service: &lt;code&gt;net stop mosquitto&lt;/code&gt; and &lt;code&gt;net start mosquitto&lt;/code&gt; in an administrator prompt (or Services, &quot;Mosquitto Broker&quot;, Restart).&lt;/li&gt;&lt;li&gt;Allow port %1 in Windows Defender Firewall (inbound rule, TCP).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Windows&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Copiez les fichiers du broker dans &lt;code&gt;C:\Program Files\mosquitto\mysql-sync\&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;Fusionnez &lt;code&gt;mosquitto.conf&lt;/code&gt; dans &lt;code&gt;C:\Program Files\mosquitto\mosquitto.conf&lt;/code&gt; en adaptant les chemins (les barres obliques / fonctionnent).&lt;/li&gt;&lt;li&gt;Redémarrez le service&#xa0;: &lt;code&gt;net stop mosquitto&lt;/code&gt; puis &lt;code&gt;net start mosquitto&lt;/code&gt; dans une invite de commandes administrateur (ou Services, «&#xa0;Mosquitto Broker&#xa0;», Redémarrer).&lt;/li&gt;&lt;li&gt;Autorisez le port %1 dans le Pare-feu Windows Defender (règle de trafic entrant, TCP).&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;macOS&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Homebrew&apos;s Mosquitto reads &lt;code&gt;/opt/homebrew/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Apple silicon) or &lt;code&gt;/usr/local/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Intel): copy the files next to it and merge the configuration with the paths changed.&lt;/li&gt;&lt;li&gt;&lt;code&gt;brew services restart mosquitto&lt;/code&gt;.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;macOS&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Le Mosquitto de Homebrew lit &lt;code&gt;/opt/homebrew/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Apple silicon) ou &lt;code&gt;/usr/local/etc/mosquitto/mosquitto.conf&lt;/code&gt; (Intel)&#xa0;: copiez les fichiers à côté et fusionnez la configuration en adaptant les chemins.&lt;/li&gt;&lt;li&gt;&lt;code&gt;brew services restart mosquitto&lt;/code&gt;.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Each site (%1)&lt;/h3&gt;&lt;p&gt;Copy to the computer of the site, e.g. &lt;code&gt;%2&lt;/code&gt;: &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;clients/%2.crt&lt;/code&gt;, &lt;code&gt;clients/%2.key&lt;/code&gt; (mode 0600), &lt;code&gt;clients/%2.json&lt;/code&gt; and %3. &lt;code&gt;%2.json&lt;/code&gt; expects &lt;code&gt;ca.crt&lt;/code&gt; one folder above it (&lt;code&gt;&quot;ca&quot;: &quot;../ca.crt&quot;&lt;/code&gt;): keep that layout or change the path.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Linux: &lt;code&gt;/etc/mysql-sync/&lt;/code&gt; (folder &lt;code&gt;root:mysql-sync&lt;/code&gt;, mode 0750) for the daemon, with the key and password files owned by &lt;code&gt;mysql-sync&lt;/code&gt; and mode 0600 (mysql-sync refuses a password file that others can read), or any folder of the user who runs the desktop app.&lt;/li&gt;&lt;li&gt;Windows: &lt;code&gt;C:\ProgramData\mysql-sync\&lt;/code&gt;, readable only by the service&apos;s account and administrators.&lt;/li&gt;&lt;li&gt;macOS: &lt;code&gt;/Library/Application Support/mysql-sync/&lt;/code&gt; for a LaunchDaemon, or the user&apos;s &lt;code&gt;~/Library/Application Support/mysql-sync/&lt;/code&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Then complete &lt;code&gt;mysqlConfig&lt;/code&gt;, &lt;code&gt;syncTables&lt;/code&gt; and &lt;code&gt;receiveTables&lt;/code&gt; in the site&apos;s file (the Configuration tab does it and keeps the database password in the keychain) and start mysql-sync.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chaque site (%1)&lt;/h3&gt;&lt;p&gt;Copiez sur l’ordinateur du site, par exemple &lt;code&gt;%2&lt;/code&gt;&#xa0;: &lt;code&gt;ca.crt&lt;/code&gt;, &lt;code&gt;clients/%2.crt&lt;/code&gt;, &lt;code&gt;clients/%2.key&lt;/code&gt; (mode 0600), &lt;code&gt;clients/%2.json&lt;/code&gt; et %3. &lt;code&gt;%2.json&lt;/code&gt; attend &lt;code&gt;ca.crt&lt;/code&gt; dans le dossier parent (&lt;code&gt;&quot;ca&quot;: &quot;../ca.crt&quot;&lt;/code&gt;)&#xa0;: conservez cette organisation ou modifiez le chemin.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Linux&#xa0;: &lt;code&gt;/etc/mysql-sync/&lt;/code&gt; (dossier &lt;code&gt;root:mysql-sync&lt;/code&gt;, mode 0750) pour le démon, avec les fichiers de clé et de mot de passe appartenant à &lt;code&gt;mysql-sync&lt;/code&gt; en mode 0600 (mysql-sync refuse un fichier de mot de passe lisible par d’autres), ou tout dossier de l’utilisateur qui exécute l’application de bureau.&lt;/li&gt;&lt;li&gt;Windows&#xa0;: &lt;code&gt;C:\ProgramData\mysql-sync\&lt;/code&gt;, lisible uniquement par le compte du service et les administrateurs.&lt;/li&gt;&lt;li&gt;macOS&#xa0;: &lt;code&gt;/Library/Application Support/mysql-sync/&lt;/code&gt; pour un LaunchDaemon, ou &lt;code&gt;~/Library/Application Support/mysql-sync/&lt;/code&gt; de l’utilisateur.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Complétez ensuite &lt;code&gt;mysqlConfig&lt;/code&gt;, &lt;code&gt;syncTables&lt;/code&gt; et &lt;code&gt;receiveTables&lt;/code&gt; dans le fichier du site (l’onglet Configuration le fait et conserve le mot de passe de la base de données dans le trousseau), puis démarrez mysql-sync.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupKeychainPage</name>
    <message>
        <source>Passwords into the keychain</source>
        <translation>Mots de passe dans le trousseau</translation>
    </message>
    <message>
        <source>Each site&apos;s broker password is stored in this computer&apos;s keychain (service &quot;%1&quot;, entry &quot;&lt;site&gt;-broker&quot;), where the desktop app of that site finds it.</source>
        <translation>Le mot de passe du broker de chaque site est enregistré dans le trousseau de cet ordinateur (service «&#xa0;%1&#xa0;», entrée «&#xa0;&lt;site&gt;-broker&#xa0;»), où l’application de bureau de ce site le trouve.</translation>
    </message>
    <message>
        <source>Also keep each password in %1 (readable only by you; the daemon on a server without a keychain reads it from there)</source>
        <translation>Conserver aussi chaque mot de passe dans %1 (lisible par vous seul&#xa0;; le démon d’un serveur sans trousseau le lit à cet endroit)</translation>
    </message>
    <message>
        <source>%1: storing as &quot;%2&quot;…</source>
        <translation>%1&#xa0;: enregistrement sous «&#xa0;%2&#xa0;»…</translation>
    </message>
    <message>
        <source>%1: stored in the keychain as &quot;%2&quot;</source>
        <translation>%1&#xa0;: enregistré dans le trousseau sous «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1: NOT stored: %2</source>
        <translation>%1&#xa0;: NON enregistré&#xa0;: %2</translation>
    </message>
    <message>
        <source>The keychain could not store %1 of the passwords. They stay in the files clients/NAME.password (mode 0600) only; go back and forward again to retry once the keychain is unlocked or available.</source>
        <translation>Le trousseau n’a pas pu enregistrer %1 des mots de passe. Ils restent uniquement dans les fichiers clients/NAME.password (mode 0600)&#xa0;; revenez en arrière puis avancez de nouveau pour réessayer une fois le trousseau déverrouillé ou disponible.</translation>
    </message>
    <message>
        <source>Every password is in the keychain.</source>
        <translation>Tous les mots de passe sont dans le trousseau.</translation>
    </message>
    <message>
        <source>The password files were removed; each site&apos;s configuration refers to the keychain.</source>
        <translation>Les fichiers de mots de passe ont été supprimés&#xa0;; la configuration de chaque site renvoie au trousseau.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>impossible de supprimer %1</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupParametersPage</name>
    <message>
        <source>Secure broker setup</source>
        <translation>Configuration sécurisée du broker</translation>
    </message>
    <message>
        <source>Makes a certificate authority, the broker&apos;s certificate, one certificate and one random password per site, Mosquitto&apos;s password and ACL files and mosquitto.conf, and a ready configuration file per site. Each site may publish only its own changes and read only what is meant for it.</source>
        <translation>Crée une autorité de certification, le certificat du broker, un certificat et un mot de passe aléatoire par site, les fichiers de mots de passe et d’ACL de Mosquitto et mosquitto.conf, ainsi qu’un fichier de configuration prêt à l’emploi par site. Chaque site ne peut publier que ses propres modifications et ne lire que ce qui lui est destiné.</translation>
    </message>
    <message>
        <source>Broker host names / addresses</source>
        <translation>Noms d’hôte / adresses du broker</translation>
    </message>
    <message>
        <source>broker.example.org, 192.0.2.10</source>
        <translation>broker.example.org, 192.0.2.10</translation>
    </message>
    <message>
        <source>Sites (client names)</source>
        <translation>Sites (noms des clients)</translation>
    </message>
    <message>
        <source>site_a, site_b</source>
        <translation>site_a, site_b</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Certificates valid for</source>
        <translation>Validité des certificats</translation>
    </message>
    <message>
        <source>TLS port</source>
        <translation>Port TLS</translation>
    </message>
    <message>
        <source>Listen on address</source>
        <translation>Adresse d’écoute</translation>
    </message>
    <message>
        <source>every interface</source>
        <translation>toutes les interfaces</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>WebSockets (wss) port</source>
        <translation>Port WebSockets (wss)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>Overwrite files that already exist there</source>
        <translation>Écraser les fichiers qui s’y trouvent déjà</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Dossier de sortie&#xa0;:</translation>
    </message>
    <message>
        <source>Broker host names:</source>
        <translation>Noms d’hôte du broker&#xa0;:</translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation>Sites&#xa0;:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Validité&#xa0;:</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>Ports&#xa0;:</translation>
    </message>
    <message>
        <source>Listen on address:</source>
        <translation>Adresse d’écoute&#xa0;:</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::SetupVerifyPage</name>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Once Mosquitto runs with the new mosquitto.conf, connect to it as a site: with its certificate, its key and its password, subscribing to the topics the ACL gives it.</source>
        <translation>Une fois Mosquitto démarré avec le nouveau mosquitto.conf, connectez-vous-y en tant que site&#xa0;: avec son certificat, sa clé et son mot de passe, en vous abonnant aux topics que l’ACL lui accorde.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Broker host</source>
        <translation>Hôte du broker</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Connecting to %1:%2 as %3…</source>
        <translation>Connexion à %1:%2 en tant que %3…</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::StatusCountsLoader</name>
    <message>
        <source>cannot count pending and error rows of sync_status: %1</source>
        <translation>impossible de compter les lignes en attente et en erreur de sync_status&#xa0;: %1</translation>
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
    <message>
        <source>refused by rule &quot;%1&quot;</source>
        <translation>refusé par la règle «&#xa0;%1&#xa0;»</translation>
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
    <message>
        <source>more than %1</source>
        <translation>plus de %1</translation>
    </message>
    <message>
        <source>Refused by rule</source>
        <translation>Refusé par une règle</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TableListModel</name>
    <message>
        <source>%1 (not in the database)</source>
        <translation>%1 (absente de la base de données)</translation>
    </message>
    <message>
        <source>The database has no table &quot;%1&quot;: the engine will refuse to start until it exists.</source>
        <translation>La base de données n’a pas de table «&#xa0;%1&#xa0;»&#xa0;: le moteur refusera de démarrer tant qu’elle n’existera pas.</translation>
    </message>
    <message>
        <source>The database&apos;s tables are not known yet (Test database lists them).</source>
        <translation>Les tables de la base de données ne sont pas encore connues («&#xa0;Tester la base de données&#xa0;» les liste).</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TablePicker</name>
    <message>
        <source>another table name</source>
        <translation>un autre nom de table</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>The database&apos;s tables could not be listed: %1</source>
        <translation>Impossible de lister les tables de la base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>The database&apos;s tables are not listed yet: Test database lists them.</source>
        <translation>Les tables de la base de données ne sont pas encore listées&#xa0;: «&#xa0;Tester la base de données&#xa0;» les liste.</translation>
    </message>
    <message>
        <source>Not in the database: %1</source>
        <translation>Absentes de la base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (as %2)</source>
        <translation>%1 (sous le nom %2)</translation>
    </message>
    <message>
        <source>Tables mapped under other names or columns, or with rights; double-click to edit</source>
        <translation>Tables mises en correspondance sous d’autres noms ou colonnes, ou avec des droits&#xa0;; double-cliquez pour modifier</translation>
    </message>
    <message>
        <source>Map a table…</source>
        <translation>Faire correspondre une table…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <source>updates: %1</source>
        <translation>modifications&#xa0;: %1</translation>
    </message>
    <message>
        <source>no insert</source>
        <translation>pas d’ajout</translation>
    </message>
    <message>
        <source>no delete</source>
        <translation>pas de suppression</translation>
    </message>
    <message>
        <source>mirror</source>
        <translation>miroir</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TlsFilesEditor</name>
    <message>
        <source>Connect over TLS</source>
        <translation>Se connecter en TLS</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat de la CA</translation>
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
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation>Clés (*.key *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate and host name</source>
        <translation>Vérifier le certificat et le nom d’hôte du serveur</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformTrialRunner</name>
    <message>
        <source>no configuration is open</source>
        <translation>aucune configuration n’est ouverte</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformTrialWorker</name>
    <message>
        <source>cannot read the keys of `%1`: %2</source>
        <translation>impossible de lire les clés de `%1`&#xa0;: %2</translation>
    </message>
    <message>
        <source>no transformer folder is configured (transformerDirectory)</source>
        <translation>aucun dossier de transformateurs n’est configuré (transformerDirectory)</translation>
    </message>
    <message>
        <source>`%1` has no row with the key %2</source>
        <translation>`%1` n’a aucune ligne avec la clé %2</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformerListModel</name>
    <message>
        <source>No transformer folder is configured (transformerDirectory): rows are sent and received unchanged.</source>
        <translation>Aucun dossier de transformateurs n’est configuré (transformerDirectory)&#xa0;: les lignes sont envoyées et reçues sans modification.</translation>
    </message>
    <message>
        <source>The transformer folder %1 does not exist.</source>
        <translation>Le dossier de transformateurs %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 n’est pas un dossier.</translation>
    </message>
    <message>
        <source>The transformer folder %1 cannot be read.</source>
        <translation>Le dossier de transformateurs %1 est illisible.</translation>
    </message>
    <message>
        <source>%1 (send and receive)</source>
        <translation>%1 (envoi et réception)</translation>
    </message>
    <message>
        <source>%1 (send)</source>
        <translation>%1 (envoi)</translation>
    </message>
    <message>
        <source>%1 (receive)</source>
        <translation>%1 (réception)</translation>
    </message>
    <message>
        <source>(no %1)</source>
        <translation>(pas de %1)</translation>
    </message>
    <message numerus="yes">
        <source>transforms %n table(s)</source>
        <translation>
            <numerusform>transforme %n table</numerusform>
            <numerusform>transforme %n tables</numerusform>
        </translation>
    </message>
    <message>
        <source>matches no configured table</source>
        <translation>ne correspond à aucune table configurée</translation>
    </message>
    <message>
        <source>no transformer: rows pass unchanged</source>
        <translation>aucun transformateur&#xa0;: les lignes passent sans modification</translation>
    </message>
    <message>
        <source>%1 runs for every change of %2.</source>
        <translation>%1 s’exécute pour chaque modification de %2.</translation>
    </message>
    <message>
        <source>No table of syncTables or receiveTables is named %1 in camel case, so the engine never runs this file (product_items, product-items and &quot;product items&quot; all match productItems.js).</source>
        <translation>Aucune table de syncTables ou receiveTables ne s’appelle %1 en camel case, le moteur n’exécute donc jamais ce fichier (product_items, product-items et «&#xa0;product items&#xa0;» correspondent tous à productItems.js).</translation>
    </message>
    <message>
        <source>Create %1 to transform the rows of %2.</source>
        <translation>Créez %1 pour transformer les lignes de %2.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>mysqlsync::ui::TransformersPage</name>
    <message>
        <source>Reload rows</source>
        <translation>Recharger les lignes</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Try it on a row of the database</source>
        <translation>Essayer sur une ligne de la base de données</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Outgoing: this site sends to</source>
        <translation>Sortant&#xa0;: ce site envoie à</translation>
    </message>
    <message>
        <source>Incoming: this site receives from</source>
        <translation>Entrant&#xa0;: ce site reçoit de</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Calls of context.database.query (run against the live database; what they write is rolled back) and context.mqtt.publish (recorded, not sent) appear here.</source>
        <translation>Les appels à context.database.query (exécutés sur la base de données réelle&#xa0;; ce qu’ils écrivent est annulé) et à context.mqtt.publish (enregistrés, non envoyés) apparaissent ici.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>Loading the first rows…</source>
        <translation>Chargement des premières lignes…</translation>
    </message>
    <message>
        <source>The table is empty</source>
        <translation>La table est vide</translation>
    </message>
    <message>
        <source>Cannot list the rows of %1: %2</source>
        <translation>Impossible de lister les lignes de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Running the transformer of %1 on the row %2…</source>
        <translation>Exécution du transformateur de %1 sur la ligne %2…</translation>
    </message>
    <message>
        <source>applied here (from %1)</source>
        <translation>appliquée ici (depuis %1)</translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>envoyée à %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 returned an entity with %n change(s) in %2 ms; this is what would be %3.</source>
        <translation>
            <numerusform>%1 a renvoyé une entité avec %n modification en %2 ms&#xa0;; voici l’entité qui serait %3.</numerusform>
            <numerusform>%1 a renvoyé une entité avec %n modifications en %2 ms&#xa0;; voici l’entité qui serait %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no transformer (%2 does not exist): the row is %3 unchanged.</source>
        <translation>%1 n’a pas de transformateur (%2 n’existe pas)&#xa0;: la ligne est %3 sans modification.</translation>
    </message>
    <message>
        <source>Delete (null): %1 returned null, so a delete of the row would be %2.</source>
        <translation>Suppression (null)&#xa0;: %1 a renvoyé null, une suppression de la ligne serait donc %2.</translation>
    </message>
    <message>
        <source>Dropped: %1 returned context.drop, so this change would not be applied (it counts as delivered).</source>
        <translation>Ignorée&#xa0;: %1 a renvoyé context.drop, cette modification ne serait donc pas appliquée (elle compte comme livrée).</translation>
    </message>
    <message>
        <source>Dropped: %1 returned context.drop, so this change would not be sent to %2 (it counts as delivered).</source>
        <translation>Ignorée&#xa0;: %1 a renvoyé context.drop, cette modification ne serait donc pas envoyée à %2 (elle compte comme livrée).</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot try it: %1</source>
        <translation>Essai impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>(%1 is not in receiveTables: the engine never receives it.)</source>
        <translation>(%1 n’est pas dans receiveTables&#xa0;: le moteur ne la reçoit jamais.)</translation>
    </message>
    <message>
        <source>(%1 is not in syncTables: the engine never sends it.)</source>
        <translation>(%1 n’est pas dans syncTables&#xa0;: le moteur ne l’envoie jamais.)</translation>
    </message>
    <message>
        <source>context.source = %1, context.target = %2</source>
        <translation>context.source = %1, context.target = %2</translation>
    </message>
    <message>
        <source>context.database.query: %1</source>
        <translation>context.database.query&#xa0;: %1</translation>
    </message>
    <message>
        <source>context.mqtt.publish (recorded, not sent): %1 qos %2%3: %4</source>
        <translation>context.mqtt.publish (enregistré, non envoyé)&#xa0;: %1 qos %2%3&#xa0;: %4</translation>
    </message>
    <message>
        <source>, retained</source>
        <translation>, retenu</translation>
    </message>
    <message numerus="yes">
        <source>Folder %1: %n file(s)</source>
        <translation>
            <numerusform>Dossier %1&#xa0;: %n fichier</numerusform>
            <numerusform>Dossier %1&#xa0;: %n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n matching no configured table</source>
        <translation>
            <numerusform>, %n ne correspondant à aucune table configurée</numerusform>
            <numerusform>, %n ne correspondant à aucune table configurée</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n table(s) without a transformer</source>
        <translation>
            <numerusform>, %n table sans transformateur</numerusform>
            <numerusform>, %n tables sans transformateur</numerusform>
        </translation>
    </message>
    <message>
        <source>The configuration names no remoteClients.</source>
        <translation>La configuration ne nomme aucun remoteClients.</translation>
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
