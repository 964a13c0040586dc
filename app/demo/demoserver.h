// DemoServer: the Astra Control tasks endpoint on 127.0.0.1, served from a Scenario, with optional faults.
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Taskscope::Demo {

class Scenario;

// Faults for tests and soak runs; all off by default. Random choices come from a generator seeded
// from the scenario seed, so a run is repeatable.
struct FaultOptions {
    double errorRate = 0;         // fraction of requests answered 500 problems/34 or 503 problems/24
    double dropRate = 0;          // fraction of requests whose connection is closed without a response
    double truncateRate = 0;      // fraction of responses that announce the full Content-Length, send half, close
    int latencyMs = 0;            // added before every response
    qint64 unauthorizedAfter = 0; // > 0: every request after this many is answered 401 problems/4
};

struct DemoServerOptions {
    QString accountId;             // empty: defaultAccountId()
    QString token;                 // empty: a random token (randomToken())
    quint64 seed = 1;
    int tasks = 300;               // about this many tasks listed at any time
    double speed = 1.0;            // scenario speed (durations are divided by it)
    qint64 retentionSeconds = -1;  // finished trees stay listed this long (before speed); < 0: by size
                                   // (defaultRetentionSeconds() in scenario.h)
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
