// runCli(): the real taskscope binary as a process without a display, and what it wrote and returned.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct CliResult
{
    int exitCode = -1; // -2: it crashed or was killed; -1: it did not start or did not end in time
    QByteArray out;
    QByteArray err;
};

// The environment with no display at all (the headless commands must not need one), no token,
// and a UTF-8 locale whose messages are the untranslated ones.
inline QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ASTRA_TOKEN"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

inline CliResult runCli(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
                        const QByteArray &stdinData = {}, int msecs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(msecs))
        return {};
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
