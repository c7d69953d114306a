#pragma once
// Broker setup, page 2: runs core's BrokerSetup (key generation) on a worker thread and lists
// the files it wrote with their permissions. The page is complete once they exist.
#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QThread;

namespace mysqlsync::ui {

struct BrokerSetupState;

class SetupFilesPage : public QWizardPage {
    Q_OBJECT
public:
    SetupFilesPage(BrokerSetupState *state, QWidget *parent = nullptr);
    ~SetupFilesPage() override;
    void initializePage() override;
    bool isComplete() const override;
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    // The run ended; `error` is empty on success.
    void generated(const QString &error);

private:
    void showFiles();

    BrokerSetupState *m_state;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPlainTextEdit *m_files;
    QThread *m_thread = nullptr;
};

} // namespace mysqlsync::ui
