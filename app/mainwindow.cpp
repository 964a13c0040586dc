// MainWindow: the tree of tasks. Until the live connection exists it shows a built-in sample.
#include "mainwindow.h"

#include "tasklistparser.h"
#include "tasktreemodel.h"
#include "tasktreeview.h"

#include <QFile>
#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Taskscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new TaskTreeModel(this))
{
    setWindowTitle(tr("Taskscope"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *notice = new QLabel(tr("Demo preview: the live demo server is not built yet, so this window shows a fixed "
                                 "sample of tasks. Live polling arrives with the connection to Astra Control."),
                              central);
    notice->setWordWrap(true);
    notice->setFrameShape(QFrame::StyledPanel);
    notice->setMargin(6);
    layout->addWidget(notice);
    m_view = new TaskTreeView(central);
    m_view->setModel(m_model);
    layout->addWidget(m_view);
    setCentralWidget(central);
    resize(1180, 640);
}

MainWindow::~MainWindow() = default;

bool MainWindow::loadDemo()
{
    QFile file(QStringLiteral(":/taskscope/demo/sample-tasks.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("The built-in sample is missing: %1").arg(file.errorString()));
        return false;
    }
    TaskListPage page;
    ParseError error;
    if (!TaskListParser().parse(file.readAll(), &page, &error)) {
        statusBar()->showMessage(tr("The built-in sample cannot be read: %1").arg(error.toString()));
        return false;
    }
    m_model->apply(page.tasks, &page.warnings);
    m_view->expandAll();
    statusBar()->showMessage(tr("%n task(s) in the sample", nullptr, m_model->taskCount()));
    return true;
}

} // namespace Taskscope
