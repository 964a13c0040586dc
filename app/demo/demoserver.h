// DemoServer: the Astra Control tasks endpoint, and the lists that name what tasks refer to by id, on
// 127.0.0.1, served from a Scenario, with optional faults.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Taskscope::Demo {

class Scenario;

// How the names lists (apps, clusters, clouds, namespaces) fail, while the tasks are served as usual:
// a client that resolves names must keep polling tasks when they do.
enum class NamesFault : quint8 {
    None,
    InternalError, // 500 problems/34
    Unavailable,   // 503 problems/24
    Unauthorized,  // 401 problems/4, as if the token were not valid there
    Forbidden,     // 403 problems/11, as for a role that may read tasks only
    NotFound,      // 404 problems/2, as on a server without these endpoints
    Drop,          // the connection closed without a response (as the drop fault)
    Slow,          // answered after FaultOptions::namesSlowMs
};

// Faults for tests and soak runs; all off by default. Random choices come from a generator seeded
// from the scenario seed, so a run is repeatable.
struct FaultOptions {
    double errorRate = 0;         // fraction of requests answered 500 problems/34 or 503 problems/24
    double dropRate = 0;          // fraction of requests whose connection is closed without a response
    double truncateRate = 0;      // fraction of responses that announce the full Content-Length, send half, close
    int latencyMs = 0;            // added before every response
    qint64 unauthorizedAfter = 0; // > 0: every request after this many is answered 401 problems/4
    NamesFault namesFault = NamesFault::None; // after the bearer token and path are checked
    int namesSlowMs = 40'000;     // NamesFault::Slow: beyond a client's 30 s default timeout
};

// The names of `--names-fault`, and the fault of one ("none" too); nothing for another word.
QStringList namesFaultNames();
std::optional<NamesFault> namesFaultFromName(QStringView name);

struct DemoServerOptions {
    QString accountId;             // empty: defaultAccountId()
    QString token;                 // empty: a random token (randomToken())
    quint64 seed = 1;
    int tasks = 300;               // about this many tasks listed at any time
    double speed = 1.0;            // scenario speed (durations are divided by it)
    qint64 retentionSeconds = -1;  // finished trees stay listed this long (before speed); < 0: by size
                                   // (defaultRetentionSeconds() in scenario.h)
    qint64 failWithinSeconds = 0;  // > 0: a backup starts at once and fails within this many seconds
                                   // (ScenarioConfig::failWithinSeconds; the window's demo sets it)
    FaultOptions faults;
    std::function<qint64()> clock; // UTC milliseconds since 1970; empty: the system clock
    qint64 epochMsecs = -1;        // when the scenario starts; < 0: clock() at construction
};

// A thin class around QHttpServer (whose API changes in Qt 6.8: keep all of it in demoserver.cpp).
// Works inside any Qt event loop of the thread that created it; destroying it closes the port and
// every connection, and drops responses still delayed by the latency fault.
//
//   GET /accounts/{account}/core/v1/tasks           the list (limit, include, filter, continue)
//   GET /accounts/{account}/core/v1/tasks/{taskID}  one task (application/astra-task+json)
//   GET /accounts/{account}/k8s/v2/apps, /topology/v1/clusters, /topology/v1/clouds,
//       /topology/v1/clouds/{cloudID}/clusters, /topology/v1/namespaces
//                                                   the names of what tasks name by id (namelists.h),
//                                                   with the same parameters as the tasks list
// Checks run in this order: faults, bearer token (401 problems/3, /4), path and account
// (404 problems/2), parameters (400 problems/6 unsupported, 400 problems/5 invalid).
class DemoServer final : public QObject
{
    Q_OBJECT

public:
    explicit DemoServer(const DemoServerOptions &options = {}, QObject *parent = nullptr);
    ~DemoServer() override;

    // Listens on 127.0.0.1 only (port 0: an ephemeral port). False with errorString() on failure.
    bool listen(quint16 port = 0);
    bool isListening() const;
    quint16 port() const;
    QUrl url() const;      // http://127.0.0.1:PORT
    QUrl tasksUrl() const; // url() + /accounts/{account}/core/v1/tasks
    QString account() const;
    QString token() const;
    QString errorString() const;
    // No new connection, every open one aborted and held responses dropped. Qt 6.4's QHttpServer
    // then cleans up after each connection with deleteLater: let the thread's event loop run
    // before deleting the server (DemoServerThread does).
    void closeConnections();

    FaultOptions faults() const;
    void setFaults(const FaultOptions &faults);
    quint64 requestCount() const; // requests received so far (dropped ones too)

    Scenario &scenario();
    qint64 now() const; // the clock, UTC milliseconds

    static QString defaultAccountId();
    static QString randomToken(); // 32 hex characters from the system generator

private:
    struct Private;
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void sendPending(quint64 id);

    std::unique_ptr<Private> d;
};

} // namespace Taskscope::Demo
