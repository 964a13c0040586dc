// DemoServerThread: a demo server in a thread of its own, as another machine would serve.
//
// `taskscope --demo` used to run its demo server on the UI thread: every poll of a large demo list
// built its response there (tens of milliseconds for 10,000 tasks), a stall a remote server never
// causes. Here the server lives in its own thread, which also gives way to the UI thread when the
// two compete for a core (a nice value 5 higher, on Linux), as another machine's work would not
// compete at all. The benchmarks and the soak test serve from it too.
#pragma once

#include "demoserver.h"

#include <QThread>

#include <functional>
#include <memory>

namespace Taskscope::Demo {

class DemoServerThread final
{
public:
    // Creates the server in the thread, runs `setup` there (advance the scenario, ...), listens on
    // `port` (0: any free one). isListening() says whether that worked.
    explicit DemoServerThread(const DemoServerOptions &options, const std::function<void(DemoServer &)> &setup = {},
                              quint16 port = 0);
    ~DemoServerThread();
    DemoServerThread(const DemoServerThread &) = delete;
    DemoServerThread &operator=(const DemoServerThread &) = delete;

    bool isListening() const { return m_listening; }
    QString errorString() const { return m_error; }

    // Only what is fixed after listen() may be read from another thread: url, account, token.
    DemoServer &server() const { return *m_server; }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<DemoServer> m_server;
    bool m_listening = false;
    QString m_error;
};

} // namespace Taskscope::Demo
