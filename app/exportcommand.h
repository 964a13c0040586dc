// `taskscope export`: the headless pipeline (read, parse, build the tree, write) behind the command line.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace Taskscope {

class ExportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
public:
    enum ExitCode {
        Success = 0,
        Failure = 1,   // unreadable input, malformed JSON, a write that failed
        UsageError = 2 // bad arguments (and, later, a bad filter expression)
    };

    // `arguments`: the program name, then "export" and its options. Output goes to `out` unless --output.
    static int run(const QStringList &arguments, QIODevice *out, QTextStream &err);
};

} // namespace Taskscope
