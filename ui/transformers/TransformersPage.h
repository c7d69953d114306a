#pragma once
// Transformers tab: the files of transformerDirectory and the tables they match
// (TransformerListModel), and "try it": pick a table, a row (a key typed or chosen from the
// first rows) and a direction, run the transformer off the GUI thread
// (TransformTrialRunner) and see the entity before and after side by side
// (EntityDiffModel), the error with its line, or what a drop / delete means; the
// statements context.database.query ran and the context.mqtt.publish calls (recorded,
// never sent) are listed below.
#include "config/Config.h"
#include "monitor/TransformTrial.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace mysqlsync::ui {

class EntityDiffModel;
class TransformTrialRunner;
class TransformerListModel;

class TransformersPage : public QWidget {
    Q_OBJECT
public:
    explicit TransformersPage(QWidget *parent = nullptr);

    // The configuration the engine runs (passwords resolved).
    void setConfiguration(const Config &config);

    TransformerListModel *listModel() const { return m_list; }
    TransformTrialRunner *runner() const { return m_runner; }
    EntityDiffModel *diffModel() const { return m_diff; }
    QComboBox *tableBox() const { return m_table; }
    QComboBox *keyBox() const { return m_key; }
    QComboBox *directionBox() const { return m_direction; }
    QComboBox *remoteBox() const { return m_remote; }
    QPushButton *runButton() const { return m_run; }
    QString resultText() const;
    QString sideEffectsText() const;

    // Runs the chosen transformer on the chosen row (the Run button).
    void tryIt();

private:
    void chooseTable(const QString &table);
    void loadKeys();
    void onKeys(const QString &table, const QStringList &keys, const QString &error);
    void onFinished(const mysqlsync::ui::TrialResult &result);
    void updateFolder();
    void updateRunnable();

    Config m_config;
    TransformerListModel *m_list;
    TransformTrialRunner *m_runner;
    EntityDiffModel *m_diff;
    QLabel *m_folder;
    QTableView *m_files;
    QComboBox *m_table;
    QComboBox *m_key;
    QComboBox *m_direction;
    QComboBox *m_remote;
    QPushButton *m_reloadKeys;
    QPushButton *m_run;
    QLabel *m_result;
    QTableView *m_diffView;
    QPlainTextEdit *m_sideEffects;
};

} // namespace mysqlsync::ui
