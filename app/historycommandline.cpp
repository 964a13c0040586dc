// What `taskscope watch` and `taskscope history` share: which connection's history a command line
// means, the transition line both print, times given on the command line, and their errors.
#include "historycommandline.h"

#include "connectionprofile.h"
#include "exportcommand.h"
#include "filterlanguage.h"
#include "historystore.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace Taskscope {

HistoryCommandLine::HistoryCommandLine(const QString &command)
    : m_command(command)
    , m_help({QStringLiteral("h"), QStringLiteral("help")}, ExportCommand::tr("Show this help."))
    , m_connection(QStringLiteral("connection"),
                   tr("A connection saved in the window (File › Connections…), by its name."), tr("name"))
    , m_history(QStringLiteral("history"), tr("The history file (default: %1).").arg(HistoryDatabase::defaultPath()),
                ExportCommand::tr("file"))
{
}

void HistoryCommandLine::addTo(QCommandLineParser &parser) const
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({m_help, m_connection, m_history});
    parser.addPositionalArgument(m_command, tr("The command."));
}

std::optional<int> HistoryCommandLine::parse(QCommandLineParser &parser, const QStringList &arguments, QIODevice *out,
                                             QTextStream &err) const
{
    if (!parser.parse(arguments)) {
        err << errorLine(parser.errorText()) << Qt::endl;
        return ExportCommand::UsageError;
    }
    if (parser.isSet(m_help)) {
        QTextStream(out) << parser.helpText().replace(QLatin1String("[options] ") + m_command,
                                                      m_command + QLatin1String(" [options]"));
        return ExportCommand::Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != m_command) {
        err << errorLine(ExportCommand::tr("unexpected argument: %1").arg(positional.mid(1).join(u' '))) << Qt::endl;
        return ExportCommand::UsageError;
    }
    return std::nullopt;
}

bool HistoryCommandLine::connectionRequested(const QCommandLineParser &parser) const
{
    return parser.isSet(m_connection);
}

QString HistoryCommandLine::connectionName(const QCommandLineParser &parser) const
{
    return parser.value(m_connection);
}

QString HistoryCommandLine::historyPath(const QCommandLineParser &parser) const
{
    return parser.isSet(m_history) ? parser.value(m_history) : HistoryDatabase::defaultPath();
}

bool HistoryCommandLine::findProfile(const QString &name, ConnectionProfile *profile, QString *error)
{
    const QList<ConnectionProfile> profiles = ConnectionProfiles::load();
    QStringList names;
    for (const ConnectionProfile &candidate : profiles) {
        if (candidate.name == name) {
            *profile = candidate;
            return true;
        }
        names.append(QLatin1Char('"') + candidate.name + QLatin1Char('"'));
    }
    *error = names.isEmpty() ? tr("no saved connection \"%1\": no connection is saved").arg(name)
                             : tr("no saved connection \"%1\" (saved: %2)").arg(name, names.join(QLatin1String(", ")));
    return false;
}

QByteArray HistoryCommandLine::transitionLine(const HistoryTransition &transition, const QString &connectionLabel)
{
    // A field never holds the separator nor ends the line, and is never empty: `cut -f` and `awk -F'\t'`
    // always see seven fields.
    const auto field = [](const QString &text) {
        QString clean = text;
        for (QChar &c : clean) {
            if (c == u'\t' || c == u'\n' || c == u'\r')
                c = u' ';
        }
        clean = clean.trimmed();
        return clean.isEmpty() ? QStringLiteral("-") : clean;
    };
    const QString from = transition.from.isEmpty() ? QStringLiteral("(new)") : field(transition.from);
    const QStringList fields{transition.at.toUTC().toString(Qt::ISODateWithMs),
                             field(connectionLabel),
                             field(transition.taskId),
                             field(transition.taskName),
                             field(transition.appName),
                             from + QLatin1String(" -> ") + field(transition.to),
                             field(transition.reason)};
    return fields.join(u'\t').toUtf8() + '\n';
}

QDateTime HistoryCommandLine::parseTime(const QString &text, const QDateTime &now, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return now;
    if (trimmed.startsWith(QLatin1String("now"), Qt::CaseInsensitive)) {
        // The filter language's relative time, read by its own parser.
        const FilterParseResult parsed = parseFilter(QString(QStringLiteral("startTime gt ") + trimmed));
        if (parsed.ok() && parsed.expr.kind == FilterExpr::Kind::Comparison
            && parsed.expr.value.kind == FilterValue::Kind::RelativeTime)
            return now.addSecs(-parsed.expr.value.relativeSeconds());
    } else {
        const QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (time.isValid())
            return time.toUTC();
    }
    *error = tr("not a time: \"%1\" (use an ISO 8601 time such as 2026-05-01T08:00:00Z, or now-<n> with s, m, h or d, "
                "such as now-24h)")
                 .arg(text);
    return {};
}

QString HistoryCommandLine::errorLine(const QString &message) const
{
    return QStringLiteral("taskscope ") + m_command + QStringLiteral(": ") + message;
}

} // namespace Taskscope
