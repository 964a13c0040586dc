// DemoServerThread: the demo server's own thread.
#include "demoserverthread.h"

#include "backgroundpriority.h"

namespace Taskscope::Demo {

DemoServerThread::DemoServerThread(const DemoServerOptions &options, const std::function<void(DemoServer &)> &setup,
                                   quint16 port)
{
    m_thread.setObjectName(QStringLiteral("DemoServer"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        &m_context,
        [&] {
            yieldToTheUiThread();
            m_server = std::make_unique<DemoServer>(options);
            if (setup)
                setup(*m_server);
            m_listening = m_server->listen(port);
            if (!m_listening)
                m_error = m_server->errorString();
        },
        Qt::BlockingQueuedConnection);
}

DemoServerThread::~DemoServerThread()
{
    // The server (its sockets, its held responses) goes in the thread it lives in: its connections
    // close first, and the clean-up that schedules (deleteLater) runs in the thread's own event loop
    // (between the calls), before the server is deleted.
    QMetaObject::invokeMethod(&m_context, [this] {
        if (m_server)
            m_server->closeConnections();
    }, Qt::BlockingQueuedConnection);
    for (int turn = 0; turn < 2; ++turn) // a deleted socket may schedule more
        QMetaObject::invokeMethod(&m_context, [] {}, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(&m_context, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace Taskscope::Demo
