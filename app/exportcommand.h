// `taskscope export`: the headless pipeline (read, parse, build the tree, write) behind the command line.
#pragma once

#include "filterlanguage.h"
#include "nametable.h"

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace Taskscope {

struct ConnectionConfig;
struct TaskListPage;

class ExportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
public:
    enum ExitCode {
        Success = 0,
        Failure = 1,   // unreadable input, malformed JSON, a write that failed
        UsageError = 2,   // bad arguments, a bad filter expression
        EndpointError = 3 // the endpoint failed: network, TLS, HTTP problem, malformed response
    };

    // `arguments`: the program name, then "export" and its options. Output goes to `out` unless --output.
    static int run(const QStringList &arguments, QIODevice *out, QTextStream &err);

    // Writes everything or nothing: to `path` through QSaveFile, or to `stdoutDevice` when `path` is
    // empty or "-". False with a message when any of it failed (a failed write never leaves a partial file).
    static bool writeOutput(const QString &path, const QByteArray &bytes, QIODevice *stdoutDevice, QString *error);
    // Parses --filter `text`. On an error writes `prefix` and the message, then the text with a caret
    // under the column that went wrong, and returns false.
    static bool parseFilterOption(const QString &text, const QString &prefix, FilterExpr *expr, QTextStream &err);

private:
    // One complete snapshot (every page) of the endpoint; with `names`, the account's names too (a failure there is a
    // warning on `err`, never an error).
    static int fetch(const ConnectionConfig &config, const QString &token, TaskListPage *page, QTextStream &err,
                     NameTablePtr *names = nullptr);
};

} // namespace Taskscope
