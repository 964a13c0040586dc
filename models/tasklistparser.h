// Parses a tasks list response (GET .../core/v1/tasks) into Tasks, tolerantly and with explicit warnings.
#pragma once

#include "task.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
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

    // Bytes a body should have allocated after its end (QByteArray::reserve(size + kPadding)):
    // parse() then reads it in place instead of copying it.
    static constexpr qsizetype kPadding = 64;

    // The caller promises kPadding readable bytes after the end of every body given to parse()
    // (a file mapped with room left in its last page): parse() reads it in place.
    void setBodyPadded(bool padded) { m_bodyPadded = padded; }

    // The fields each task keeps (TaskField bits, TaskFieldInfo::bit; all by default; the id and
    // the state always). The others are read and checked as usual, with every warning, but left
    // empty: building text nobody reads is most of the cost of a parse.
    void setFields(quint32 fieldBits) { m_fields = fieldBits; }

    // Reads the items of a body on this many threads (the calling one included; 1 by default):
    // for one large list read at once, as `taskscope export --input` does. Tasks and warnings come
    // in the same order as with one thread.
    void setThreads(int threads) { m_threads = qMax(1, threads); }

    // Returns false and fills `error` when the body is not usable at all; otherwise fills `page`.
    bool parse(const QByteArray &body, TaskListPage *page, ParseError *error) const;

    // The same, streamed: each task goes to `sink` as it is read instead of into page->tasks, which
    // stays empty, as do the digests. Its rawJson views the body only for the time of the call:
    // a sink that keeps the bytes copies them (QByteArray(rawJson.constData(), rawJson.size())). The warnings, metadata and
    // continue token are in `page` as usual. On failure the tasks already given are not usable:
    // nothing half-read may be kept.
    using TaskSink = std::function<void(Task &&task)>;
    bool parse(const QByteArray &body, TaskListPage *page, ParseError *error, const TaskSink &sink) const;

    // metadata.continue of a list body without parsing its items (cheap: used to request the next
    // page while this one is parsed). nullopt when absent or when the body is not a list.
    static std::optional<QString> peekContinueToken(const QByteArray &body);

    // The top-level fields the API defines for a task (the names `include` accepts).
    static const QStringList &taskFieldNames();

private:
    bool parse(const QByteArray &body, TaskListPage *page, ParseError *error, const TaskSink *sink) const;

    QStringList m_includeOrder;
    bool m_bodyPadded = false;
    quint32 m_fields = ~0u;
    int m_threads = 1;
};

} // namespace Taskscope
