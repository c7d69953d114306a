#pragma once
// The Configuration page's part for the live feed (the `feed` section, docs/protocol.md "Live
// feed"): whether the site serves one, where it listens, where tokens are looked up, the routing
// per table, the filtered columns, the reference of POST /publish's token and whether the engine
// publishes the stream for standalone feed servers. Keys it does not show (tls, clientQueue,
// cacheRows) are kept as the file has them; a publishToken written in the file as plain text is
// kept unless a reference is typed.
#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLineEdit;

namespace mysqlsync::ui {

class FeedSettings : public QWidget {
    Q_OBJECT
public:
    explicit FeedSettings(QWidget *parent = nullptr);

    void setDocument(const QJsonObject &document);
    // Writes the `feed` section into `document` (removes it when the feed is off).
    void apply(QJsonObject *document) const;
    // The first text that cannot become its JSON, as a message; `key` receives the JSON key.
    QString problem(QString *key = nullptr) const;
    // The editor of `key` ("feed.routing"), or nullptr.
    QWidget *fieldFor(const QString &key) const;

    // "orders=user_id; messages=sender_id,recipient_id; news=*" <-> the routing object.
    static QString routingText(const QJsonObject &routing);
    static bool parseRouting(const QString &text, QJsonObject *routing, QString *error);

    QGroupBox *box() const { return m_box; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *addLine(const QString &key, const QString &label, const QString &placeholder);

    QJsonObject m_base; // the file's feed section
    QGroupBox *m_box;
    QLineEdit *m_listen;
    QLineEdit *m_tokenTable;
    QLineEdit *m_tokenColumn;
    QLineEdit *m_userColumn;
    QLineEdit *m_routing;
    QLineEdit *m_filters;
    QLineEdit *m_publishToken;
    QCheckBox *m_publishStream;
    QList<QPair<QString, QWidget *>> m_fields;
};

} // namespace mysqlsync::ui
