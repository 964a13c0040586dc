// DemoServerThread: a demo server in a thread of its own, as another process would serve (for benchmarks).
#pragma once

#include "demoserver.h"

#include <QThread>

#include <functional>
#include <memory>

namespace Taskscope::Demo {

class DemoServerThread final
{
public:
    // Creates the server in the thread, runs `setup` there (advance the scenario, ...), listens.
    explicit DemoServerThread(const DemoServerOptions &options, const std::function<void(DemoServer &)> &setup = {})
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context,
            [&] {
                m_server = std::make_unique<DemoServer>(options);
                if (!m_server->listen(0))
                    qFatal("demo server: %s", qPrintable(m_server->errorString()));
                if (setup)
                    setup(*m_server);
            },
            Qt::BlockingQueuedConnection);
    }
    ~DemoServerThread()
    {
        QMetaObject::invokeMethod(&m_context, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    DemoServerThread(const DemoServerThread &) = delete;
    DemoServerThread &operator=(const DemoServerThread &) = delete;

    // Only what is fixed after listen() may be read from another thread: url, account, token.
    DemoServer &server() const { return *m_server; }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<DemoServer> m_server;
};

} // namespace Taskscope::Demo
