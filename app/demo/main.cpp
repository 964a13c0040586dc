// taskscope-demo-server: the demo Astra Control tasks endpoint on 127.0.0.1, for tests, scripts and soak runs.
#include "demoserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <limits>
#include <optional>
#include <type_traits>

using namespace Qt::StringLiterals;
using namespace Taskscope::Demo;

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

int usageError(const QString &message)
{
    printLine(stderr, u"taskscope-demo-server: "_s + message);
    printLine(stderr, u"Try 'taskscope-demo-server --help'."_s);
    return 2;
}

template<typename T>
std::optional<T> readNumber(const QString &text, T low, T high)
{
    bool ok = false;
    T value{};
    if constexpr (std::is_same_v<T, double>)
        value = text.toDouble(&ok);
    else if constexpr (std::is_same_v<T, quint64>)
        value = text.toULongLong(&ok);
    else
        value = T(text.toLongLong(&ok));
    if (!ok || value < low || value > high)
        return std::nullopt;
    return value;
}

bool isPathSafe(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
                        || c == u'_' || c == u'.' || c == u'~';
        if (!ok)
            return false;
    }
    return true;
}

bool isTokenText(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"taskscope-demo-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serves a simulated NetApp Astra Control tasks endpoint (GET /accounts/{account}/core/v1/tasks), "
        u"and the lists that name the apps, clusters, clouds and namespaces its tasks refer to by id "
        u"(k8s/v2/apps, topology/v1/clusters, topology/v1/clouds, topology/v1/clouds/{id}/clusters, "
        u"topology/v1/namespaces), on 127.0.0.1, and prints its url, account and token."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(u"port"_s, u"TCP port on 127.0.0.1 (default 0: any free port)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption account(u"account"_s, u"Account id served (default %1)."_s.arg(DemoServer::defaultAccountId()),
                                     u"ID"_s);
    const QCommandLineOption token(u"token"_s, u"Bearer token expected (default: 32 random hex characters)."_s, u"T"_s);
    const QCommandLineOption seed(u"seed"_s, u"Scenario seed: the same seed gives the same tasks (default 1)."_s,
                                  u"S"_s, u"1"_s);
    const QCommandLineOption tasks(u"tasks"_s, u"About this many tasks listed at any time, 1 to 100000 (default 300)."_s,
                                   u"N"_s, u"300"_s);
    const QCommandLineOption speed(u"speed"_s, u"Scenario speed: durations are divided by X (default 1)."_s, u"X"_s,
                                   u"1"_s);
    const QCommandLineOption retention(
        u"retention"_s,
        u"Seconds a finished task stays listed, before --speed (default: 900 up to 300 tasks; for more, longer, "
        "so that as many tasks run at once, up to 86400)."_s,
        u"SECONDS"_s);
    const QCommandLineOption errorRate(u"error-rate"_s,
                                       u"Fraction of requests answered 500 or 503 problem+json (default 0)."_s,
                                       u"P"_s, u"0"_s);
    const QCommandLineOption dropRate(u"drop-rate"_s,
                                      u"Fraction of requests whose connection is closed with no response (default 0)."_s,
                                      u"P"_s, u"0"_s);
    const QCommandLineOption truncateRate(
        u"truncate-rate"_s,
        u"Fraction of responses cut short after announcing their full Content-Length (default 0)."_s, u"P"_s, u"0"_s);
    const QCommandLineOption latency(u"latency"_s, u"Delay every response by MS milliseconds (default 0)."_s, u"MS"_s,
                                     u"0"_s);
    const QCommandLineOption unauthorizedAfter(
        u"unauthorized-after"_s, u"Answer every request after the Nth with 401 problems/4 (default 0: never)."_s,
        u"N"_s, u"0"_s);
    const QCommandLineOption namesFault(
        u"names-fault"_s,
        u"Make only the names lists (apps, clusters, clouds, namespaces) fail, the tasks being served as usual: "
        "500, 503, 401, 403 or 404 (that problem+json), drop (the connection closed), slow (answered after 40 s), "
        "or none (the default)."_s,
        u"KIND"_s, u"none"_s);
    const QCommandLineOption failWithin(
        u"fail-within"_s,
        u"Start a backup at once that fails within SECONDS of wall time, whatever --speed (default 0: none): "
        "something for a notification to announce."_s,
        u"SECONDS"_s, u"0"_s);
    parser.addOptions({port, account, token, seed, tasks, speed, retention, errorRate, dropRate, truncateRate, latency,
                       unauthorizedAfter, namesFault, failWithin});

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().first()));

    DemoServerOptions options;
    const auto portValue = readNumber<qint64>(parser.value(port), 0, 65535);
    const auto seedValue = readNumber<quint64>(parser.value(seed), 0, std::numeric_limits<quint64>::max());
    const auto tasksValue = readNumber<qint64>(parser.value(tasks), 1, 100000);
    const auto speedValue = readNumber<double>(parser.value(speed), 0.001, 10000);
    const auto retentionValue = parser.isSet(retention)
        ? readNumber<qint64>(parser.value(retention), 0, 10 * 365 * 86400)
        : std::optional<qint64>(-1);
    const auto errorValue = readNumber<double>(parser.value(errorRate), 0, 1);
    const auto dropValue = readNumber<double>(parser.value(dropRate), 0, 1);
    const auto truncateValue = readNumber<double>(parser.value(truncateRate), 0, 1);
    const auto latencyValue = readNumber<qint64>(parser.value(latency), 0, 3'600'000);
    const auto unauthorizedValue =
        readNumber<qint64>(parser.value(unauthorizedAfter), 0, std::numeric_limits<qint64>::max());
    const auto namesFaultValue = namesFaultFromName(parser.value(namesFault));
    const auto failWithinValue = readNumber<qint64>(parser.value(failWithin), 0, 86400);
    if (!portValue)
        return usageError(u"--port must be an integer from 0 to 65535"_s);
    if (!seedValue)
        return usageError(u"--seed must be a non-negative integer"_s);
    if (!tasksValue)
        return usageError(u"--tasks must be an integer from 1 to 100000"_s);
    if (!speedValue)
        return usageError(u"--speed must be a number from 0.001 to 10000"_s);
    if (!retentionValue)
        return usageError(u"--retention must be a non-negative number of seconds"_s);
    if (!errorValue || !dropValue || !truncateValue)
        return usageError(u"--error-rate, --drop-rate and --truncate-rate must be numbers from 0 to 1"_s);
    if (!latencyValue)
        return usageError(u"--latency must be an integer from 0 to 3600000 (milliseconds)"_s);
    if (!unauthorizedValue)
        return usageError(u"--unauthorized-after must be a non-negative integer"_s);
    if (!namesFaultValue)
        return usageError(u"--names-fault must be one of: "_s + namesFaultNames().join(u", "_s));
    if (!failWithinValue)
        return usageError(u"--fail-within must be an integer from 0 to 86400 (seconds)"_s);
    if (parser.isSet(account) && !isPathSafe(parser.value(account)))
        return usageError(u"--account must be non-empty and use only letters, digits, '-', '_', '.' and '~'"_s);
    if (parser.isSet(token) && !isTokenText(parser.value(token)))
        return usageError(u"--token must be non-empty printable ASCII without spaces"_s);

    options.accountId = parser.value(account);
    options.token = parser.value(token);
    options.seed = *seedValue;
    options.tasks = int(*tasksValue);
    options.speed = *speedValue;
    options.retentionSeconds = *retentionValue;
    options.failWithinSeconds = *failWithinValue;
    options.faults.errorRate = *errorValue;
    options.faults.dropRate = *dropValue;
    options.faults.truncateRate = *truncateValue;
    options.faults.latencyMs = int(*latencyValue);
    options.faults.unauthorizedAfter = *unauthorizedValue;
    options.faults.namesFault = *namesFaultValue;

    DemoServer server(options);
    if (!server.listen(quint16(*portValue))) {
        printLine(stderr, u"taskscope-demo-server: cannot listen on 127.0.0.1:%1: %2"_s.arg(*portValue).arg(
                              server.errorString()));
        return 1;
    }
    printLine(stdout, u"url: "_s + server.url().toString());
    printLine(stdout, u"account: "_s + server.account());
    printLine(stdout, u"token: "_s + server.token());
    return QCoreApplication::exec();
}
