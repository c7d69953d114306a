#include "overview/OverviewPage.h"

#include "monitor/SyncState.h"
#include "overview/ExpiryBanner.h"
#include "overview/RateChart.h"
#include "widgets/Section.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace mysqlsync::ui {

static QString stateText(bool connected, const QString &detail)
{
    const QString word = connected ? QCoreApplication::translate("OverviewPage", "connected")
                                   : QCoreApplication::translate("OverviewPage", "disconnected");
    return detail.isEmpty() ? word : QStringLiteral("%1 — %2").arg(word, detail);
}

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
{
    m_clock.start();
    auto *layout = new QVBoxLayout(this);
    m_expiryBanner = new ExpiryBanner(this);
    layout->addWidget(m_expiryBanner);
    auto *connection = new Section(tr("Connections"), this);
    auto *cform = new QFormLayout(connection->body());
    m_site = value(cform, tr("Site"));
    m_engine = value(cform, tr("Engine"));
    m_database = value(cform, tr("Database"));
    m_broker = value(cform, tr("Broker"));
    m_conflicts = value(cform, tr("Conflicts"));
    m_conflicts->setTextFormat(Qt::RichText);
    m_conflicts->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_conflicts->setToolTip(tr("Rows two sites changed without seeing each other's change; open: waiting for "
                               "an operator (policy manual) or not yet settled. Click to open the Conflicts tab."));
    connect(m_conflicts, &QLabel::linkActivated, this, &OverviewPage::conflictsRequested);
    m_pause = new QPushButton(pauseCommandText(false), connection);
    m_pause->setEnabled(false);
    cform->addRow(QString(), m_pause);
    connect(m_pause, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(!m_paused); });
    layout->addWidget(connection);

    auto *traffic = new Section(tr("Traffic"), this);
    auto *tform = new QFormLayout(traffic->body());
    m_rateIn = value(tform, tr("Rows in (applied)"));
    m_rateOut = value(tform, tr("Rows out (sent)"));
    m_captured = value(tform, tr("Captured"));
    m_sent = value(tform, tr("Sent"));
    m_resent = value(tform, tr("Resent"));
    m_rowsPerMessage = value(tform, tr("Rows per message"));
    m_rowsPerMessage->setToolTip(tr("Changes sent ÷ the MQTT messages that carried them: 1 on the per-row "
                                    "protocol, many where remotes get batches"));
    m_bytesPerRow = value(tform, tr("Bytes per row"));
    m_bytesPerRow->setToolTip(tr("Payload bytes of those messages ÷ changes sent (after compression, "
                                 "without the MQTT headers)"));
    m_applied = value(tform, tr("Applied"));
    m_relayed = value(tform, tr("Relayed"));
    m_receipts = value(tform, tr("Receipts in / out"));
    m_errors = value(tform, tr("Errors"));
    m_unknownSenders = value(tform, tr("From unknown senders (dropped)"));
    m_conflictCounters = value(tform, tr("Conflicts seen / settled"));
    m_unknownSenders->setToolTip(tr("Messages whose sender is not one of this site's remote clients: "
                                    "ignored, counted, and logged once a minute per name"));
    // The totals beside the chart of the last minutes, which takes the room that is left.
    auto *chartBox = new Section(tr("Rows per second, last 5 minutes"), this);
    auto *clayout = new QVBoxLayout(chartBox->body());
    m_chart = new RateChart(chartBox);
    clayout->addWidget(m_chart);
    auto *row = new QHBoxLayout;
    row->addWidget(traffic);
    row->addWidget(chartBox, 1);
    layout->addLayout(row, 1);

    auto *errors = new Section(tr("Last error"), this);
    auto *elayout = new QVBoxLayout(errors->body());
    m_lastError = new QLabel(tr("none"), errors);
    m_lastError->setWordWrap(true);
    m_lastError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    elayout->addWidget(m_lastError);
    layout->addWidget(errors);

    showEngine();
    m_database->setText(stateText(false, QString()));
    m_broker->setText(stateText(false, QString()));
    onCounters(EngineCounters());
    onOpenConflicts(-1);
    m_idleTimer.setInterval(1000);
    connect(&m_idleTimer, &QTimer::timeout, this, &OverviewPage::sample);
    m_idleTimer.start();
}

QLabel *OverviewPage::value(QFormLayout *form, const QString &label)
{
    auto *l = new QLabel(form->parentWidget());
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, l);
    return l;
}

void OverviewPage::setSite(const QString &clientName, const QString &configPath)
{
    m_site->setText(tr("%1 (%2)").arg(clientName, configPath));
    m_rates.reset();
    m_chart->clear();
}

void OverviewPage::sample()
{
    const qint64 now = m_clock.elapsed();
    m_rates.idle(now);
    showRates();
    m_chart->addTotals(now, m_rates.totalIn(), m_rates.totalOut());
    Q_EMIT sendRateChanged(m_chart->history().sendingRate());
}

void OverviewPage::showEngine()
{
    if (!m_running)
        m_engine->setText(tr("stopped"));
    else
        m_engine->setText(m_paused ? tr("paused") : tr("running"));
    m_pause->setText(pauseCommandText(m_paused));
    m_pause->setEnabled(m_running);
}

void OverviewPage::onPausedChanged(bool paused)
{
    m_paused = paused;
    showEngine();
}

void OverviewPage::onEngineRunning(bool running)
{
    m_running = running;
    showEngine();
    if (!running) {
        onDatabaseState(false, QString());
        onBrokerState(false, QString());
    }
}

void OverviewPage::onDatabaseState(bool connected, const QString &detail)
{
    m_database->setText(stateText(connected, detail));
}

void OverviewPage::onBrokerState(bool connected, const QString &detail)
{
    m_broker->setText(stateText(connected, detail));
}

void OverviewPage::onCounters(const EngineCounters &c)
{
    m_rates.add(c, m_clock.elapsed());
    const QLocale locale;
    m_captured->setText(locale.toString(c.captured));
    m_sent->setText(locale.toString(c.sent));
    m_resent->setText(locale.toString(c.resent));
    const QString none = QStringLiteral("—");
    m_rowsPerMessage->setText(c.messagesOut > 0 ? locale.toString(double(c.sent) / double(c.messagesOut), 'f', 1)
                                                : none);
    m_bytesPerRow->setText(c.sent > 0 ? locale.toString(double(c.bytesOut) / double(c.sent), 'f', 1) : none);
    m_applied->setText(locale.toString(c.applied));
    m_relayed->setText(locale.toString(c.relayed));
    m_receipts->setText(tr("%1 / %2").arg(locale.toString(c.receiptsIn), locale.toString(c.receiptsOut)));
    m_errors->setText(locale.toString(c.errors));
    m_unknownSenders->setText(locale.toString(c.unknownSenders));
    m_conflictCounters->setText(
        tr("%1 / %2").arg(locale.toString(c.conflicts), locale.toString(c.conflictsSettled)));
    showRates();
}

void OverviewPage::showRates()
{
    const QLocale locale;
    m_rateIn->setText(tr("%1 rows/s").arg(locale.toString(m_rates.rowsInPerSecond(), 'f', 1)));
    m_rateOut->setText(tr("%1 rows/s").arg(locale.toString(m_rates.rowsOutPerSecond(), 'f', 1)));
}

void OverviewPage::onError(const EngineError &error)
{
    QStringList where;
    if (!error.remote.isEmpty())
        where << tr("remote %1").arg(error.remote);
    if (!error.table.isEmpty())
        where << tr("table %1").arg(error.table);
    if (!error.key.isEmpty())
        where << tr("key %1").arg(error.key);
    m_lastError->setText(tr("%1 [%2] %3%4")
                             .arg(error.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                  EngineError::sourceName(error.source), error.message,
                                  where.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" (") + where.join(QStringLiteral(", ")) + QLatin1Char(')')));
}

void OverviewPage::onFatal(const QString &message)
{
    m_running = false;
    showEngine();
    m_engine->setText(tr("stopped: %1").arg(message));
    m_lastError->setText(message);
}

void OverviewPage::onOpenConflicts(qint64 open)
{
    if (open < 0) {
        m_conflictsText = QStringLiteral("—");
        m_conflicts->setText(m_conflictsText);
        return;
    }
    m_conflictsText = tr("%1 open").arg(QLocale().toString(open));
    const QString link = QStringLiteral("<a href=\"conflicts\">%1</a>").arg(m_conflictsText.toHtmlEscaped());
    m_conflicts->setText(open > 0 ? QStringLiteral("<b>%1</b>").arg(link) : link);
}

QString OverviewPage::conflictCountersText() const
{
    return m_conflictCounters->text();
}

QString OverviewPage::databaseText() const
{
    return m_database->text();
}
QString OverviewPage::brokerText() const
{
    return m_broker->text();
}
QString OverviewPage::engineText() const
{
    return m_engine->text();
}
QString OverviewPage::unknownSendersText() const
{
    return m_unknownSenders->text();
}
QString OverviewPage::rowsPerMessageText() const
{
    return m_rowsPerMessage->text();
}
QString OverviewPage::bytesPerRowText() const
{
    return m_bytesPerRow->text();
}
QString OverviewPage::lastErrorText() const
{
    return m_lastError->text();
}
QString OverviewPage::ratesText() const
{
    return m_rateIn->text() + QLatin1Char('|') + m_rateOut->text();
}

} // namespace mysqlsync::ui
