// taskscope: the GUI, and the commands that run the same pipeline without a display (`export`,
// `watch`, `history`).
#include "connectionoptions.h"
#include "exportcommand.h"
#include "filterlanguage.h"
#include "historycommand.h"
#include "historycontroller.h"
#include "mainwindow.h"
#include "tasktreeview.h"
#include "tasktreemodel.h"
#include "tasksclient.h"
#include "tokenstore.h"
#include "translations.h"
#include "watchcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <memory>

namespace {

// argv[1] is the command: export, watch or history.
int runHeadless(int argc, char **argv)
{
#ifdef SIGXFSZ
    // Past a file size limit (ulimit -f) a write fails like on a full disk, reported as such,
    // instead of a kill that leaves the half-written temporary file of QSaveFile behind.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    QCoreApplication app(argc, argv);
    // As the window: its settings (saved connections) and its history file.
    QCoreApplication::setOrganizationName(QStringLiteral("Taskscope"));
    QCoreApplication::setApplicationName(QStringLiteral("taskscope"));
    Taskscope::Translations::install(app, Taskscope::Translations::requestedLanguage(argc, argv));
    QStringList arguments = QCoreApplication::arguments();
    // --lang is global; the command's parser does not need to know it.
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == u"--lang" && i + 1 < arguments.size()) {
            arguments.remove(i, 2);
            break;
        }
        if (arguments[i].startsWith(u"--lang=")) {
            arguments.remove(i);
            break;
        }
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return Taskscope::ExportCommand::Failure;
    QTextStream err(stderr);
    const QByteArrayView command(argv[1]);
    if (command == "watch") {
        // A closed pipe (`taskscope watch | head`) is a write error, reported, not a silent death.
        std::signal(SIGPIPE, SIG_IGN);
        return Taskscope::WatchCommand::run(arguments, &out, err);
    }
    if (command == "history")
        return Taskscope::HistoryCommand::run(arguments, &out, err);
    return Taskscope::ExportCommand::run(arguments, &out, err);
}

// Whether the command line asks only for help or the version: those print and exit, and must work
// without a display, where the GUI application aborts.
bool asksForHelpOrVersion(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--") // what follows is not an option
            break;
        if (argument == "-h" || argument == "-?" || argument == "--help" || argument == "--help-all"
            || argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1
        && (qstrcmp(argv[1], "export") == 0 || qstrcmp(argv[1], "watch") == 0 || qstrcmp(argv[1], "history") == 0))
        return runHeadless(argc, argv);

    // The parser below prints the help or the version and exits before any window is made.
    std::unique_ptr<QCoreApplication> application;
    if (asksForHelpOrVersion(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Taskscope"));
    QCoreApplication::setApplicationName(QStringLiteral("taskscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKSCOPE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.taskscope.Taskscope"));
    Taskscope::Translations::install(app, Taskscope::Translations::requestedLanguage(argc, argv));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Live monitor for NetApp Astra Control tasks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window to <file> (PNG) once the first tasks are shown, and exit."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption delayOption(
        QStringLiteral("screenshot-delay"),
        QCoreApplication::translate("main", "Wait <ms> milliseconds after the first tasks before the screenshot."),
        QCoreApplication::translate("main", "ms"), QStringLiteral("0"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QCoreApplication::translate("main", "Use the language <code> (for example fr, de)."),
                                        QCoreApplication::translate("main", "code"));
    const QCommandLineOption filterOption(QStringLiteral("filter"),
                                          QCoreApplication::translate("main", "Start with the filter <expression>."),
                                          QCoreApplication::translate("main", "expression"));
    const QCommandLineOption historyOption(
        QStringLiteral("history"),
        QCoreApplication::translate("main", "Keep the history in <file> (default: %1).").arg(Taskscope::HistoryDatabase::defaultPath()),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption noHistoryOption(QStringLiteral("no-history"),
                                             QCoreApplication::translate("main", "Keep no history this session."));
    Taskscope::ConnectionOptions connection;
    connection.setForWindow(true);
    connection.addTo(parser);
    parser.addOptions({screenshotOption, delayOption, langOption, filterOption, historyOption, noHistoryOption});
    parser.process(app);

    QTextStream err(stderr);
    Taskscope::ConnectionConfig config;
    QString token;
    QString error;
    // The token: --token-file, then $ASTRA_TOKEN, then the system keychain. Without a keychain it
    // lives in memory for this session only, and the user is told.
    Taskscope::KeychainTokenStore keychain(QStringLiteral("taskscope"));
    if (parser.isSet(filterOption)) {
        const Taskscope::FilterParseResult filter = Taskscope::parseFilter(parser.value(filterOption));
        if (!filter.ok()) {
            err << QCoreApplication::translate("main", "taskscope: --filter: %1").arg(filter.error->toString()) << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(historyOption) && parser.isSet(noHistoryOption)) {
        err << QCoreApplication::translate("main", "taskscope: --history and --no-history exclude each other") << Qt::endl;
        return 2;
    }
    Taskscope::MainWindow window;
    window.setTokenStore(&keychain);
    // Before any connection, so that the first poll is recorded.
    if (parser.isSet(historyOption))
        window.history()->open(parser.value(historyOption));
    else if (!parser.isSet(noHistoryOption) && Taskscope::HistoryController::configuredEnabled())
        window.history()->open(Taskscope::HistoryController::configuredPath());
    if (parser.isSet(filterOption))
        window.applyFilter(parser.value(filterOption), Taskscope::MainWindow::FilterPersistence::ThisSessionOnly);
    // No source on the command line: the connection used last, else the demo, so that a first
    // start shows something alive.
    const bool fromCommandLine = connection.urlRequested(parser) || connection.demoRequested(parser);
    const bool reopened = !fromCommandLine && window.openLastConnection();
    const bool useDemo = !reopened && !connection.urlRequested(parser);
    if (!reopened && !connection.resolve(parser, &config, &token, &error, useDemo)) {
        err << QCoreApplication::translate("main", "taskscope: %1").arg(error) << Qt::endl;
        return 2;
    }
    const QString description = config.baseUrl.toString();
    if (reopened) {
        // openLastConnection() reads the stored token and connects.
    } else if (useDemo) {
        window.setDemoServer(connection.demoServer()); // File › Connect to the Demo Server comes back to it
        window.connectToDemo(config);
    } else if (token.isEmpty()) {
        const QString key = config.accountId + u'@' + config.baseUrl.host();
        const quint64 serial = window.beginConnection();
        keychain.read(key, [&window, config, description, serial](bool ok, const QString &stored, const QString &keychainError) {
            if (!window.isLatestConnection(serial))
                return; // the user chose another connection meanwhile
            if (!ok) {
                window.statusBar()->showMessage(
                    QCoreApplication::translate("main", "No system keychain (%1): tokens stay in memory for this "
                                                        "session only. Use --token-file FILE or set ASTRA_TOKEN.")
                        .arg(keychainError));
            }
            window.connectTo(config, stored, description);
        });
    } else {
        window.connectTo(config, token, description);
    }
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        const int delay = qMax(0, parser.value(delayOption).toInt());
        auto shoot = [&window, path] {
            // The picture shows what the window is for: the first failed task, with its reason.
            QAbstractItemModel *rows = window.view()->model();
            for (int row = 0; row < rows->rowCount(); ++row) {
                const QModelIndex index = rows->index(row, 0);
                if (index.data(Taskscope::TaskTreeModel::StateRole).toInt() == int(Taskscope::TaskState::Failed)) {
                    window.view()->setCurrentIndex(index);
                    break;
                }
            }
            QCoreApplication::processEvents();
            const bool ok = window.grab().save(path, "PNG");
            if (!ok)
                QTextStream(stderr) << QCoreApplication::translate("main", "taskscope: cannot write %1").arg(path) << Qt::endl;
            QCoreApplication::exit(ok ? 0 : 1);
        };
        QObject::connect(&window, &Taskscope::MainWindow::snapshotApplied, &window, [&window, delay, shoot] {
            if (window.snapshotsApplied() == 1)
                QTimer::singleShot(delay, &window, shoot);
        });
        // A connection that never answers still gets its picture (with the error banner).
        QObject::connect(window.client(), &Taskscope::TasksClient::pollFailed, &window, [&window, delay, shoot] {
            if (window.snapshotsApplied() == 0)
                QTimer::singleShot(delay, &window, shoot);
        });
    }
    return app.exec();
}
