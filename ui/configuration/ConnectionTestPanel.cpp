#include "configuration/ConnectionTestPanel.h"

#include "config/ConfigSchema.h"
#include "configuration/ConfigForm.h"
#include "monitor/AsyncSecretResolver.h"
#include "monitor/UiLogging.h"

#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace mysqlsync::ui {

namespace {

// A configuration that ConfigLoader accepts whatever the other sections hold: `section` of
// the form's document in a fixed valid frame, so that a test needs only its own fields. A
// database section replaces the frame's (exactly one of mysqlConfig and postgresConfig).
QByteArray sectionDocument(const QJsonObject &form, const QString &section)
{
    QJsonObject frame = ConfigSchema::starterDocument(QStringLiteral("connection_test"), QStringLiteral("queue"));
    frame.insert(QStringLiteral("mysqlConfig"), QJsonObject{{QStringLiteral("database"), QStringLiteral("test")}});
    if (section == QLatin1String("postgresConfig"))
        frame.remove(QStringLiteral("mysqlConfig"));
    frame.insert(section, form.value(section).toObject());
    return QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

} // namespace

ConnectionTestPanel::ConnectionTestPanel(ConfigForm *form, QWidget *parent)
    : QWidget(parent)
    , m_form(form)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (Test *test : {&m_db, &m_broker}) {
        const bool db = test == &m_db;
        test->idleText = db ? tr("Test database") : tr("Test broker");
        test->busyText = db ? tr("Testing database…") : tr("Testing broker…");
        test->button = new QPushButton(test->idleText, this);
        test->button->setObjectName(db ? QStringLiteral("testDatabase") : QStringLiteral("testBroker"));
        test->result = new QLabel(this);
        test->result->setWordWrap(true);
        test->result->setTextInteractionFlags(Qt::TextSelectableByMouse);
        test->secrets = new AsyncSecretResolver(this);
        grid->addWidget(test->button, row, 0, Qt::AlignTop);
        grid->addWidget(test->result, row, 1);
        ++row;
        connect(test->secrets, &AsyncSecretResolver::finished, this,
                [this, test](bool ok, const Config &config, const QString &error) {
                    if (ok) {
                        run(*test, config);
                        return;
                    }
                    if (test == &m_db)
                        Q_EMIT tablesListed({}, error);
                    finish(*test, false, error);
                });
    }
    connect(m_db.button, &QPushButton::clicked, this, &ConnectionTestPanel::testDatabase);
    connect(m_broker.button, &QPushButton::clicked, this, &ConnectionTestPanel::testBroker);
    connect(&m_db.watcher, &QFutureWatcher<ConnectionCheckResult>::finished, this, [this] {
        const ConnectionCheckResult r = m_db.watcher.result();
        Q_EMIT catalogueListed(r.catalog);
        Q_EMIT tablesListed(r.tables, r.ok ? r.tablesError : r.message);
        finish(m_db, r.ok, r.message);
    });
    connect(&m_broker.watcher, &QFutureWatcher<ConnectionCheckResult>::finished, this, [this] {
        const ConnectionCheckResult r = m_broker.watcher.result();
        finish(m_broker, r.ok, r.message);
    });
}

ConnectionTestPanel::~ConnectionTestPanel() = default; // a running check finishes on its pool thread

QString ConnectionTestPanel::databaseResult() const
{
    return m_db.result->text();
}

QString ConnectionTestPanel::brokerResult() const
{
    return m_broker.result->text();
}

bool ConnectionTestPanel::testDatabase()
{
    Config config;
    if (!begin(m_db, ConfigForm::sectionOf(m_form->databaseKind()), false, &config))
        return false;
    m_db.secrets->start(config);
    return true;
}

bool ConnectionTestPanel::listTables()
{
    Config config;
    if (!begin(m_db, ConfigForm::sectionOf(m_form->databaseKind()), true, &config))
        return false;
    m_db.secrets->start(config);
    return true;
}

bool ConnectionTestPanel::testBroker()
{
    Config config;
    if (!begin(m_broker, QStringLiteral("mqttConfig"), false, &config))
        return false;
    m_broker.secrets->start(config);
    return true;
}

bool ConnectionTestPanel::begin(Test &test, const QString &section, bool quiet, Config *config)
{
    if (test.busy)
        return false;
    QString error;
    if (!ConfigLoader::parse(sectionDocument(m_form->document(), section), m_filePath, config, &error)) {
        if (quiet)
            Q_EMIT tablesListed({}, error);
        else
            finish(test, false, error);
        return false;
    }
    test.busy = true;
    test.quiet = quiet;
    test.button->setEnabled(false);
    test.button->setText(test.busyText);
    if (!quiet) {
        test.result->setStyleSheet(QString());
        test.result->setText(tr("Connecting…"));
    }
    return true;
}

void ConnectionTestPanel::run(Test &test, const Config &config)
{
    if (&test == &m_db)
        test.watcher.setFuture(QtConcurrent::run(&ConnectionChecks::database, config.siteDatabase()));
    else
        test.watcher.setFuture(QtConcurrent::run(
            [mqtt = config.mqtt, name = m_form->document().value(QStringLiteral("clientName")).toString()] {
                return ConnectionChecks::broker(mqtt, name);
            }));
}

void ConnectionTestPanel::finish(Test &test, bool ok, const QString &message)
{
    const bool quiet = test.busy && test.quiet;
    test.busy = false;
    test.quiet = false;
    test.button->setEnabled(true);
    test.button->setText(test.idleText);
    if (quiet)
        return; // tablesListed() told the pickers

    test.result->setText(ok ? tr("OK: %1").arg(message) : tr("Failed: %1").arg(message));
    test.result->setStyleSheet(ok ? QStringLiteral("color: #1b7f2a") : QStringLiteral("color: #b00020"));
    if (&test == &m_db)
        Q_EMIT databaseTested(ok, message);
    else
        Q_EMIT brokerTested(ok, message);
}

} // namespace mysqlsync::ui
