// Parses a tasks list response (GET .../core/v1/tasks) into Tasks, tolerantly and with explicit warnings.
#pragma once

#include "task.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Taskscope {

// One problem found in an item. The item was kept (with the field left empty) unless `skipped`.
struct ParseWarning
{
    qsizetype itemIndex = -1; // position in `items`
    QString taskId;           // empty when the item has no usable id
    QString field;            // the API's field name (dotted for nested fields), empty for the item itself
    QString message;          // what was wrong, translated
    bool skipped = false;     // the item was dropped

    // One line for logs and stderr, e.g. "item 3 (task 9cc8...): percentDone: 150 is outside 0..100".
    QString toString() const;
    friend bool operator==(const ParseWarning &, const ParseWarning &) = default;
};

// A page of the list: its tasks in the order received, the warnings, and the list metadata.
struct TaskListPage
{
    QList<Task> tasks;
    QList<quint64> digests;               // rawJsonDigest() of each task's bytes, in the same order
    QList<ParseWarning> warnings;
    QByteArray metadataJson;              // the response's `metadata` object as received ("{}" when absent)
    std::optional<QString> continueToken; // metadata.continue
    std::optional<qint64> count;          // metadata.count
};

// The whole body failed to parse (malformed JSON, or not a list response at all).
struct ParseError
{
    QString message;     // translated
    qint64 offset = -1;  // byte offset into the body where it went wrong, -1 when unknown
    QString toString() const;
};

class TaskListParser final
{
    Q_DECLARE_TR_FUNCTIONS(TaskListParser)
public:
    // `includeOrder`: the field names of `include=` in order, needed when items are arrays of values.
    explicit TaskListParser(QStringList includeOrder = {});

    // Returns false and fills `error` when the body is not usable at all; otherwise fills `page`.
    bool parse(const QByteArray &body, TaskListPage *page, ParseError *error) const;

    // metadata.continue of a list body without parsing its items (cheap: used to request the next
    // page while this one is parsed). nullopt when absent or when the body is not a list.
    static std::optional<QString> peekContinueToken(const QByteArray &body);

    // The top-level fields the API defines for a task (the names `include` accepts).
    static const QStringList &taskFieldNames();

private:
    QStringList m_includeOrder;
};

} // namespace Taskscope
