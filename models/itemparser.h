// ItemParser: reads one item of a tasks list (an object, or an array of values for `include=`) into
// a Task with simdjson's on-demand API. Internal to models/: TaskListParser is the public face.
#pragma once

#include "taskfields.h"
#include "tasklistparser.h"

#include <QHash>

#include <simdjson.h>

#include <string>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Taskscope::ParseDetail {

namespace sj = simdjson::ondemand;

// Repeated texts (names, summaries, services, states, user ids) share one QString across tasks.
// Keys are owned: simdjson's string views point into a buffer that the next item reuses.
struct TransparentHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
};
using InternTable = std::unordered_map<std::string, QString, TransparentHash, std::equal_to<>>;

// `raw` without the whitespace that raw_json() leaves after a value.
std::string_view trimJson(std::string_view raw);
// The bytes of `value`, an object or an array (`type`), trimmed. raw_json() skips them without
// reading their atoms: validate them before they are kept.
simdjson::error_code rawJsonOf(sj::value value, sj::json_type type, std::string_view *raw);
QString fromUtf8(std::string_view s);
// "an array", "text", ...: the JSON type in words, for messages.
QString typeName(sj::json_type t);
// The first byte in [p, end) that breaks a JSON string (a bad escape, a raw control character).
const char *locateBrokenString(const char *p, const char *end);

// The API field of each value of an array item (`include=`), nullopt for a name the API does not have.
using IncludeOrder = std::vector<std::optional<TaskField>>;

class ItemParser
{
public:
    // With a `sink`, each task read goes there instead of into page->tasks. `fields`: the
    // TaskField bits whose values are kept (the others are only checked). With `viewBytes`, a
    // task's rawJson views the body (valid while it lives) and no digest is computed.
    explicit ItemParser(TaskListPage *page, const TaskListParser::TaskSink *sink = nullptr, quint32 fields = ~0u,
                        bool viewBytes = false)
        : m_page(page)
        , m_sink(sink)
        , m_viewBytes(viewBytes)
        , m_fields(fields | TaskFields::info(TaskField::Id).bit() | TaskFields::info(TaskField::State).bit())
    {
    }

    // Returns an error code only for malformed JSON; problems with the data become warnings.
    simdjson::error_code parseObject(std::string_view raw, qsizetype index, size_t capacity);
    simdjson::error_code parseArray(std::string_view raw, qsizetype index, size_t capacity,
                                    const IncludeOrder &includeOrder);
    // Where warnings and tasks go from now on.
    void setPage(TaskListPage *page) { m_page = page; }
    // Reads every atom of `value` (on-demand parsing only checks what is read).
    simdjson::error_code consume(sj::value value, int depth = 0);
    // Checks that `raw` (a slice of the padded body) is one complete, valid JSON value.
    simdjson::error_code validate(std::string_view raw, size_t capacity);
    simdjson::error_code validateSlice(std::string_view raw, size_t capacity)
    {
        m_itemStart = raw.data();
        m_capacity = capacity;
        m_failedAt = nullptr;
        return validate(raw, capacity);
    }
    // Where the last failing parseObject/parseArray/validate stopped, if known.
    const char *failedAt() const { return m_failedAt; }

private:
    using Error = simdjson::error_code;

    Error field(TaskField which, sj::value value);
    Error readString(sj::value value, QAnyStringView field, QString *out, bool intern = false);
    Error readNumber(sj::value value, QAnyStringView field, std::optional<double> *out);
    Error readTimestamp(sj::value value, QAnyStringView field, QDateTime *out);
    Error readStringList(sj::value value, QAnyStringView field, QStringList *out, bool intern);
    Error readUtf8(sj::value value, QAnyStringView field, Utf8Text *out);
    Error readUtf8List(sj::value value, QAnyStringView field, Utf8TextList *out);
    // visit(token, text) for each string of an array, when the field is kept; others are warned about.
    template <typename Visit>
    Error forEachString(sj::value value, QAnyStringView field, Visit visit);
    qsizetype viewOffset(std::string_view token, std::string_view text) const;
    Error readTransitions(sj::value value);
    Error readTransitionList(sj::value value, QList<StateTransition> *out);
    Error readAdditionalDetails(sj::value value, QByteArray *out);
    // Each element of an array of objects, as visit(object, "arrayPath[i]"); others are warned about.
    template <typename Visit>
    Error forEachObject(sj::value value, const QString &arrayPath, Visit visit);
    // Each member of an object, as visit(key, value).
    template <typename Visit>
    Error forEachMember(sj::object &object, Visit visit);
    void requireFields(const QString &path, std::initializer_list<std::pair<bool, const char *>> fields);
    struct SubField
    {
        std::string_view name;
        bool required;
    };
    // The members of an element of a list of objects: each one named in `fields` through
    // read(its index in `fields`, the member, its path); the others are skipped. A required one
    // that is missing is a warning.
    template <typename Read>
    Error readFields(sj::object &object, const QString &path, std::initializer_list<SubField> fields, Read read);
    Error readDetails(sj::value value);
    Error readMetadata(sj::value value);
    Error readLabels(sj::value value);
    Error wrongType(sj::value value, sj::json_type got, QAnyStringView field, const QString &expected);
    Error stringValue(sj::value value, QAnyStringView field, const char *expected, std::optional<std::string_view> *out);

    void warn(QAnyStringView field, const QString &message, bool skipped = false);
    QString intern(std::string_view s);
    void finish(quint32 present, quint32 expected);

    TaskListPage *m_page;
    const TaskListParser::TaskSink *m_sink;
    bool m_viewBytes;
    quint32 m_fields;
    bool m_keep = true; // the field being read is one of m_fields
    InternTable m_interned;
    void noteFailure(sj::document &doc);
    // Starts item `index` at `raw`, runs readValues(), and notes where it failed, if it did.
    template <typename ReadValues>
    Error parseItem(std::string_view raw, qsizetype index, size_t capacity, ReadValues readValues);
    Error parseObjectFields();
    Error parseArrayValues(qsizetype index, const IncludeOrder &includeOrder);

    sj::parser m_parser;
    sj::parser m_validator; // for slices inside the item the main parser is reading
    sj::document m_doc;
    const char *m_failedAt = nullptr;
    size_t m_capacity = 0;  // bytes readable from m_itemStart (the item plus the rest of the padded body)
    const char *m_itemStart = nullptr;
    QHash<QByteArray, QList<StateTransition>> m_transitions; // identical in almost every task: shared
    Task m_task;
    qsizetype m_index = 0;
    qsizetype m_firstWarning = 0;
    quint32 m_present = 0;
};

} // namespace Taskscope::ParseDetail
