// startDemoServer(): taskscope-demo-server as its own process, as a user runs it, and the url and account it prints.
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

struct DemoEndpoint
{
    QString url;
    QString account;
    bool isValid() const { return !url.isEmpty() && !account.isEmpty(); }
};

// Starts `program` with `arguments` and reads its banner (`url: ...`, `account: ...`, `token: ...`).
// Invalid when it does not start or print them within `msecs`.
inline DemoEndpoint startDemoServer(QProcess &process, const QString &program, const QStringList &arguments,
                                    int msecs = 20000)
{
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {};
    QByteArray banner;
    const QDeadlineTimer deadline(msecs);
    while (!banner.contains("token:") && !deadline.hasExpired()) {
        if (process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            banner += process.readAllStandardOutput();
        else if (process.state() != QProcess::Running)
            return {};
    }
    DemoEndpoint endpoint;
    for (const QByteArray &line : banner.split('\n')) {
        if (line.startsWith("url: "))
            endpoint.url = QString::fromUtf8(line.mid(5).trimmed());
        if (line.startsWith("account: "))
            endpoint.account = QString::fromUtf8(line.mid(9).trimmed());
    }
    return endpoint;
}
