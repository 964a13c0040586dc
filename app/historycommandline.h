// What `taskscope watch` and `taskscope history` share: which connection's history a command line
// means, the transition line both print, times given on the command line, and their errors.
#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

class QCommandLineParser;
class QIODevice;
class QTextStream;

namespace Taskscope {

class ConnectionOptions;
struct ConnectionProfile;
struct HistoryTransition;

class HistoryCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommandLine)
public:
    // `command`: "watch" or "history", the prefix of every error line ("taskscope watch: ...").
    explicit HistoryCommandLine(const QString &command);

    // --help, --connection NAME, --history FILE, and the command as the positional argument.
    void addTo(QCommandLineParser &parser) const;
    // Parses `arguments` (the program, the command, its options). nullopt: go on; else the exit
    // status, after the help was printed to `out` or a usage error written to `err`.
    std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments, QIODevice *out,
                             QTextStream &err) const;
    bool connectionRequested(const QCommandLineParser &parser) const;
    QString connectionName(const QCommandLineParser &parser) const;
    // --history FILE, else HistoryDatabase::defaultPath().
    QString historyPath(const QCommandLineParser &parser) const;

    // The saved connection called `name` (as the connection dialog keeps it in the settings). False
    // with a message naming the saved connections when there is none of that name.
    static bool findProfile(const QString &name, ConnectionProfile *profile, QString *error);

    // One line per transition, the same in `watch` and `history --format transitions`, ending in \n:
    //   <time>\t<connection>\t<task id>\t<name>\t<app>\t<from> -> <to>\t<reason>
    // time: ISO 8601 in UTC with milliseconds (2026-12-03T16:24:25.123Z); from: "(new)" when the
    // task appeared; an empty field is "-"; tabs and line breaks inside a field become spaces.
    static QByteArray transitionLine(const HistoryTransition &transition, const QString &connectionLabel);

    // An ISO 8601 time (local time when it names no offset) or now-<n>(s|m|h|d) as the filter
    // language writes it. Invalid, with a message, on anything else.
    static QDateTime parseTime(const QString &text, const QDateTime &now, QString *error);

    // "taskscope <command>: <message>"
    QString errorLine(const QString &message) const;

private:
    QString m_command;
    QCommandLineOption m_help;
    QCommandLineOption m_connection;
    QCommandLineOption m_history;
};

} // namespace Taskscope
