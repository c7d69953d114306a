#pragma once
// Overview tab: database and broker state, rows/s in and out (now and as a chart of the
// last five minutes), totals, rows per message and bytes per row sent, open conflicts (a link
// to the inbox), last error.
#include "engine/EngineTypes.h"
#include "monitor/RateTracker.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QFormLayout;
class QPushButton;

namespace mysqlsync::ui {

class RateChart;
class ExpiryBanner;

class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setSite(const QString &clientName, const QString &configPath);
    QString databaseText() const;
    QString brokerText() const;
    QString lastErrorText() const;
    QString ratesText() const;
    QString engineText() const;
    // Messages dropped because their sender is not a configured remote (EngineCounters::unknownSenders).
    QString unknownSendersText() const;
    // Changes sent per MQTT message and payload bytes per change sent (EngineCounters::sent,
    // messagesOut, bytesOut), to one decimal; a dash before anything was sent.
    QString rowsPerMessageText() const;
    QString bytesPerRowText() const;
    // "3 open" (MonitorSession::openConflicts), "—" before the engine's first report.
    QString conflictsText() const { return m_conflictsText; }
    // Conflicts seen / settled (EngineCounters::conflicts, conflictsSettled): "5 / 2".
    QString conflictCountersText() const;
    // "Pause sync" / "Resume sync": asks (pauseRequested) for the opposite of the engine's state.
    QPushButton *pauseButton() const { return m_pause; }
    RateChart *rateChart() const { return m_chart; }
    // Shown while a configured certificate expires within 30 days (MainWindow feeds it).
    ExpiryBanner *expiryBanner() const { return m_expiryBanner; }

Q_SIGNALS:
    void pauseRequested(bool paused);
    // Every second: the chart's recent send rate (RateHistory::sendingRate, 0: none yet).
    void sendRateChanged(double rowsPerSecond);
    // The open conflicts' link was clicked: show the Conflicts tab.
    void conflictsRequested();

public Q_SLOTS:
    void onEngineRunning(bool running);
    void onPausedChanged(bool paused);
    void onDatabaseState(bool connected, const QString &detail);
    void onBrokerState(bool connected, const QString &detail);
    void onCounters(const mysqlsync::EngineCounters &counters);
    void onError(const mysqlsync::EngineError &error);
    void onFatal(const QString &message);
    // The open conflicts (-1: not known yet).
    void onOpenConflicts(qint64 open);

private:
    void showRates();
    void showEngine();
    void sample();
    QLabel *value(QFormLayout *form, const QString &label);

    RateTracker m_rates;
    QElapsedTimer m_clock;
    QTimer m_idleTimer;
    QLabel *m_site;
    QLabel *m_engine;
    QLabel *m_database;
    QLabel *m_broker;
    QLabel *m_rateIn;
    QLabel *m_rateOut;
    QLabel *m_captured;
    QLabel *m_sent;
    QLabel *m_resent;
    QLabel *m_rowsPerMessage;
    QLabel *m_bytesPerRow;
    QLabel *m_applied;
    QLabel *m_relayed;
    QLabel *m_receipts;
    QLabel *m_errors;
    QLabel *m_unknownSenders;
    QLabel *m_conflicts;
    QLabel *m_conflictCounters;
    QString m_conflictsText;
    QLabel *m_lastError;
    RateChart *m_chart;
    QPushButton *m_pause;
    ExpiryBanner *m_expiryBanner;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace mysqlsync::ui
