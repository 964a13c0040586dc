// A scriptable HTTP/1.1 server on loopback for client tests: records every request (headers
// included) and answers with whatever the test says, including broken answers.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QString>
#include <QUrl>

#include <functional>

// One complete task item of the API, with what a test varies.
inline QByteArray taskJson(const QString &id, const QString &state = QStringLiteral("running"), double percent = 10)
{
    return QStringLiteral(R"({"type":"application/astra-task","version":"1.1","id":"%1","name":"astra.backup",)"
                          R"("summary":"Backup","description":"d","resourceID":"r","resourceURI":"/x/y",)"
                          R"("resourceCollectionURI":[],"state":"%2","stateTransitions":[],"stateDetails":[],)"
                          R"("percentDone":%3,"metadata":{"labels":[],"creationTimestamp":"2026-01-01T00:00:00Z",)"
                          R"("modificationTimestamp":"2026-01-01T00:00:00Z","createdBy":"0"}})")
        .arg(id, state)
        .arg(percent)
        .toUtf8();
}

// The self-signed test certificates in fixtures/tls ("a" and "b", both for 127.0.0.1).
inline QSslCertificate fixtureCertificate(const QString &name)
{
    QFile file(QStringLiteral(TASKSCOPE_FIXTURES_DIR "/tls/server-%1.crt").arg(name));
    return file.open(QIODevice::ReadOnly) ? QSslCertificate(&file, QSsl::Pem) : QSslCertificate();
}

inline QSslConfiguration serverTls(const QString &name)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(fixtureCertificate(name));
    QFile keyFile(QStringLiteral(TASKSCOPE_FIXTURES_DIR "/tls/server-%1.key").arg(name));
    if (keyFile.open(QIODevice::ReadOnly))
        config.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

class TestHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QMap<QByteArray, QByteArray> headers; // lower-case names
    };

    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        enum Mode {
            Normal,
            Truncate,   // announce body.size(), send half, close
            Silent,     // never answer
            Endless,    // 200 without a length, send forever
            Close,      // close without any answer
            Unannounced, // the body without a Content-Length, then close (HTTP/1.0 style)
        } mode = Normal;
    };

    using Handler = std::function<Response(const Request &)>;

    // With `tls`, the server speaks HTTPS with that certificate (on `port` if given, else any).
    explicit TestHttpServer(QObject *parent = nullptr, const QSslConfiguration *tls = nullptr, quint16 port = 0)
        : QObject(parent)
    {
        if (tls) {
            m_tls = true;
            m_server.plain = false;
            m_server.setSslConfiguration(*tls);
        }
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &TestHttpServer::accept);
        if (tls)
            m_server.setHandshakeTimeout(5000);
        m_server.listen(QHostAddress::LocalHost, port);
    }

    ~TestHttpServer() override
    {
        // The sockets are children of m_server, which outlives the containers they report to.
        for (QTcpSocket *socket : std::as_const(m_sockets))
            socket->disconnect(this);
        m_server.close();
    }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = {}) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(m_tls ? u"https" : u"http").arg(port()).arg(path));
    }
    const QList<Request> &requests() const { return m_requests; }
    int openConnections() const { return int(m_sockets.size()); }

    static Response json(int status, const QByteArray &body, const QByteArray &type = "application/json")
    {
        Response r;
        r.status = status;
        r.headers.append({"Content-Type", type});
        r.body = body;
        return r;
    }
    static Response redirect(const QUrl &to, int status = 302)
    {
        Response r;
        r.status = status;
        r.headers.append({"Location", to.toEncoded()});
        return r;
    }

Q_SIGNALS:
    void requestReceived();

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_sockets.append(socket);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_sockets.removeAll(socket);
                socket->deleteLater();
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            buffer.remove(0, end + 4);
            Request request;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            m_requests.append(request);
            const Response response = m_handler ? m_handler(request) : json(404, "{}");
            Q_EMIT requestReceived();
            answer(socket, response);
        }
    }

    void answer(QTcpSocket *socket, const Response &response)
    {
        if (response.mode == Response::Silent)
            return;
        if (response.mode == Response::Close) {
            socket->disconnectFromHost();
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        if (response.mode == Response::Endless) {
            head += "Content-Type: application/json\r\nConnection: close\r\n\r\n";
            socket->write(head);
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket] {
                if (socket->bytesToWrite() < (1 << 20))
                    socket->write(QByteArray(64 * 1024, ' '));
            });
            timer->start(0);
            return;
        }
        if (response.mode == Response::Unannounced) {
            socket->write(head + "Connection: close\r\n\r\n" + response.body);
            socket->disconnectFromHost(); // after what was written
            return;
        }
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        if (response.mode == Response::Truncate) {
            socket->write(head + response.body.left(response.body.size() / 2));
            socket->flush();
            socket->disconnectFromHost();
            return;
        }
        socket->write(head + response.body);
    }

    // A QSslServer without a configuration accepts plain TCP: one class serves both.
    struct Server : QSslServer
    {
        void incomingConnection(qintptr descriptor) override
        {
            if (plain) {
                QTcpServer::incomingConnection(descriptor);
                return;
            }
            QSslServer::incomingConnection(descriptor);
        }
        bool plain = true;
    };
    Server m_server;
    bool m_tls = false;
    QList<QTcpSocket *> m_sockets;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    Handler m_handler;
};
