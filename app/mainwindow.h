// MainWindow: the tree of tasks. Until the live connection exists it shows a built-in sample.
#pragma once

#include <QMainWindow>

namespace Taskscope {

class TaskTreeModel;
class TaskTreeView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the built-in sample task list (resources/demo/sample-tasks.json).
    bool loadDemo();

private:
    TaskTreeModel *m_model = nullptr;
    TaskTreeView *m_view = nullptr;
};

} // namespace Taskscope
