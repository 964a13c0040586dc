// `taskscope history`: what the history file holds (tasks or transitions), without a display or a network.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QIODevice;
class QTextStream;

namespace Taskscope {

class HistoryCommand final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)
public:
    // `arguments`: the program name, then "history" and its options. Output goes to `out` unless
    // --output. Exit codes are ExportCommand's.
    static int run(const QStringList &arguments, QIODevice *out, QTextStream &err);
};

} // namespace Taskscope
