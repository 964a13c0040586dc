// ItemParser: one item into a Task. Every value is visited, so the bytes kept for export are known
// to be valid JSON; problems with the data become warnings, only malformed JSON is an error.
#include "itemparser.h"

#include <cctype>
#include <cstring>

namespace Taskscope::ParseDetail {

std::string_view trimJson(std::string_view raw)
{
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    return raw;
}

simdjson::error_code rawJsonOf(sj::value value, sj::json_type type, std::string_view *raw)
{
    simdjson::error_code code = simdjson::SUCCESS;
    if (type == sj::json_type::object) {
        sj::object object;
        code = value.get_object().get(object);
        if (!code)
            code = object.raw_json().get(*raw);
    } else {
        sj::array array;
        code = value.get_array().get(array);
        if (!code)
            code = array.raw_json().get(*raw);
    }
    if (!code)
        *raw = trimJson(*raw);
    return code;
}

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString typeName(sj::json_type t)
{
    switch (t) {
    case sj::json_type::array:
        return TaskListParser::tr("an array");
    case sj::json_type::object:
        return TaskListParser::tr("an object");
    case sj::json_type::number:
        return TaskListParser::tr("a number");
    case sj::json_type::string:
        return TaskListParser::tr("text");
    case sj::json_type::boolean:
        return TaskListParser::tr("a boolean");
    case sj::json_type::null:
        return TaskListParser::tr("null");
    }
    return TaskListParser::tr("an unknown value");
}

#define TS_TRY(expr)                                                                                                   \
    do {                                                                                                               \
        if (const auto tsErr_ = (expr))                                                                                \
            return tsErr_;                                                                                             \
    } while (false)

void ItemParser::warn(QAnyStringView field, const QString &message, bool skipped)
{
    m_page->warnings.append(ParseWarning{m_index, m_task.id, field.toString(), message, skipped});
}

QString ItemParser::intern(std::string_view s)
{
    auto it = m_interned.find(s);
    if (it != m_interned.end())
        return it->second;
    return m_interned.emplace(s, fromUtf8(s)).first->second;
}

simdjson::error_code ItemParser::wrongType(sj::value value, sj::json_type got, QAnyStringView field,
                                           const QString &expected)
{
    warn(field, TaskListParser::tr("expected %1, got %2; left empty").arg(expected, typeName(got)));
    return consume(value);
}

simdjson::error_code ItemParser::consume(sj::value value, int depth)
{
    if (depth > 512)
        return simdjson::DEPTH_ERROR;
    sj::json_type type;
    TS_TRY(value.type().get(type));
    switch (type) {
    case sj::json_type::object: {
        sj::object object;
        TS_TRY(value.get_object().get(object));
        for (auto f : object) {
            sj::field member;
            TS_TRY(std::move(f).get(member));
            std::string_view key;
            TS_TRY(member.unescaped_key().get(key));
            TS_TRY(consume(member.value(), depth + 1));
        }
        return simdjson::SUCCESS;
    }
    case sj::json_type::array: {
        sj::array array;
        TS_TRY(value.get_array().get(array));
        for (auto element : array) {
            sj::value v;
            TS_TRY(element.get(v));
            TS_TRY(consume(v, depth + 1));
        }
        return simdjson::SUCCESS;
    }
    case sj::json_type::string: {
        std::string_view s;
        return value.get_string().get(s);
    }
    case sj::json_type::number: {
        double d;
        return value.get_double().get(d);
    }
    case sj::json_type::boolean: {
        bool b;
        return value.get_bool().get(b);
    }
    case sj::json_type::null: {
        bool isNull = false;
        TS_TRY(value.is_null().get(isNull));
        return isNull ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    }
    return simdjson::INCORRECT_TYPE;
}

// The bytes of a string `value`; anything else is a warning naming what was `expected` (translated
// only then) and leaves `out` empty.
simdjson::error_code ItemParser::stringValue(sj::value value, QAnyStringView field, const char *expected,
                                            std::optional<std::string_view> *out)
{
    sj::json_type type;
    TS_TRY(value.type().get(type));
    if (type != sj::json_type::string)
        return wrongType(value, type, field, TaskListParser::tr(expected));
    std::string_view s;
    TS_TRY(value.get_string().get(s));
    *out = s;
    return simdjson::SUCCESS;
}

simdjson::error_code ItemParser::readString(sj::value value, QAnyStringView field, QString *out, bool internIt)
{
    std::optional<std::string_view> s;
    TS_TRY(stringValue(value, field, QT_TRANSLATE_NOOP("TaskListParser", "text"), &s));
    if (s && m_keep)
        *out = internIt ? intern(*s) : fromUtf8(*s);
    return simdjson::SUCCESS;
}

simdjson::error_code ItemParser::readNumber(sj::value value, QAnyStringView name, std::optional<double> *out)
{
    sj::json_type type;
    TS_TRY(value.type().get(type));
    if (type == sj::json_type::number) {
        double d;
        TS_TRY(value.get_double().get(d));
        *out = d;
        return simdjson::SUCCESS;
    }
    if (type == sj::json_type::string) {
        std::string_view s;
        TS_TRY(value.get_string().get(s));
        const QString text = fromUtf8(s);
        bool ok = false;
        const double d = text.trimmed().toDouble(&ok);
        if (ok && qIsFinite(d)) {
            *out = d;
            warn(name, TaskListParser::tr("expected a number, got the text \"%1\"; read as %2").arg(text).arg(d));
        } else {
            warn(name, TaskListParser::tr("expected a number, got the text \"%1\"; left empty").arg(text));
        }
        return simdjson::SUCCESS;
    }
    return wrongType(value, type, name, TaskListParser::tr("a number"));
}

simdjson::error_code ItemParser::readTimestamp(sj::value value, QAnyStringView field, QDateTime *out)
{
    std::optional<std::string_view> s;
    TS_TRY(stringValue(value, field, QT_TRANSLATE_NOOP("TaskListParser", "a timestamp"), &s));
    if (!s)
        return simdjson::SUCCESS;
    const QString text = fromUtf8(*s);
    const QDateTime time = parseTimestamp(text);
    if (m_keep)
        *out = time;
    if (!time.isValid())
        warn(field, TaskListParser::tr("\"%1\" is not a timestamp (YYYY-MM-DDTHH:MM:SS[.fraction]Z); left empty").arg(text));
    return simdjson::SUCCESS;
}

template <typename Visit>
simdjson::error_code ItemParser::forEachString(sj::value value, QAnyStringView field, Visit visit)
{
    sj::json_type type;
    TS_TRY(value.type().get(type));
    if (type != sj::json_type::array)
        return wrongType(value, type, field, TaskListParser::tr("an array of text"));
    sj::array array;
    TS_TRY(value.get_array().get(array));
    int i = 0;
    for (auto element : array) {
        sj::value v;
        TS_TRY(element.get(v));
        TS_TRY(v.type().get(type));
        if (type != sj::json_type::string) {
            TS_TRY(wrongType(v, type, field.toString() + u'[' + QString::number(i) + u']', TaskListParser::tr("text")));
        } else {
            const std::string_view token = v.raw_json_token();
            std::string_view s;
            TS_TRY(v.get_string().get(s));
            if (m_keep)
                visit(token, s);
        }
        ++i;
    }
    return simdjson::SUCCESS;
}

simdjson::error_code ItemParser::readStringList(sj::value value, QAnyStringView field, QStringList *out, bool internIt)
{
    return forEachString(value, field, [&](std::string_view, std::string_view s) {
        out->append(internIt ? intern(s) : fromUtf8(s));
    });
}

// Where the string `value` (whose unescaped bytes are `text`) sits in rawJson, when the JSON
// spells it as those very bytes (no escape): -1 otherwise.
qsizetype ItemParser::viewOffset(std::string_view token, std::string_view text) const
{
    if (token.size() < text.size() + 2 || token.front() != '"' || token[text.size() + 1] != '"'
        || std::memcmp(token.data() + 1, text.data(), text.size()) != 0) {
        return -1;
    }
    const qsizetype offset = token.data() + 1 - m_itemStart;
    return offset >= 0 && offset + qsizetype(text.size()) <= m_task.rawJson.size() ? offset : -1;
}

simdjson::error_code ItemParser::readUtf8(sj::value value, QAnyStringView field, Utf8Text *out)
{
    const std::string_view token = value.raw_json_token();
    std::optional<std::string_view> s;
    TS_TRY(stringValue(value, field, QT_TRANSLATE_NOOP("TaskListParser", "text"), &s));
    if (!s || !m_keep)
        return simdjson::SUCCESS;
    const qsizetype offset = viewOffset(token, *s);
    *out = offset >= 0 ? Utf8Text::view(m_task.rawJson, offset, qsizetype(s->size())) : Utf8Text(fromUtf8(*s));
    return simdjson::SUCCESS;
}

simdjson::error_code ItemParser::readUtf8List(sj::value value, QAnyStringView field, Utf8TextList *out)
{
    return forEachString(value, field, [&](std::string_view token, std::string_view s) {
        const qsizetype offset = viewOffset(token, s);
        if (offset >= 0)
            out->appendView(m_task.rawJson, offset, qsizetype(s.size()));
        else
            out->append(QUtf8StringView(s.data(), qsizetype(s.size())));
    });
}

simdjson::error_code ItemParser::readTransitions(sj::value value)
{
    sj::json_type type;
    TS_TRY(value.type().get(type));
    if (type != sj::json_type::array)
        return wrongType(value, type, QStringLiteral("stateTransitions"), TaskListParser::tr("an array of objects"));
    sj::array array;
    TS_TRY(value.get_array().get(array));
    std::string_view raw;
    TS_TRY(array.raw_json().get(raw));
    raw = trimJson(raw);
    const QByteArray key(raw.data(), qsizetype(raw.size()));
    const auto known = m_transitions.constFind(key);
    if (known != m_transitions.cend()) {
        if (m_keep)
            m_task.stateTransitions = known.value(); // shares the list: no allocation per task
        return simdjson::SUCCESS;
    }
    // First time this list is seen: read it from its own slice, with warnings as usual.
    sj::document doc;
    TS_TRY(m_validator.iterate(raw.data(), raw.size(), m_capacity - size_t(raw.data() - m_itemStart)).get(doc));
    sj::value root;
    TS_TRY(doc.get_value().get(root));
    const qsizetype warningsBefore = m_page->warnings.size();
    QList<StateTransition> list;
    const bool wanted = std::exchange(m_keep, true); // built whole once: the cache serves every task
    const simdjson::error_code code = readTransitionList(root, &list);
    m_keep = wanted;
    TS_TRY(code);
    if (m_page->warnings.size() == warningsBefore && m_transitions.size() < 256)
        m_transitions.insert(key, list);
    if (m_keep)
        m_task.stateTransitions = list;
    return simdjson::SUCCESS;
}

template <typename Visit>
simdjson::error_code ItemParser::forEachObject(sj::value value, const QString &arrayPath, Visit visit)
{
    sj::json_type type;
    TS_TRY(value.type().get(type));
    if (type != sj::json_type::array)
        return wrongType(value, type, arrayPath, TaskListParser::tr("an array of objects"));
    sj::array array;
    TS_TRY(value.get_array().get(array));
    int i = 0;
    for (auto element : array) {
        sj::value v;
        TS_TRY(element.get(v));
        const QString path = arrayPath + u'[' + QString::number(i++) + u']';
        TS_TRY(v.type().get(type));
        if (type != sj::json_type::object) {
            TS_TRY(wrongType(v, type, path, TaskListParser::tr("an object")));
            continue;
        }
        sj::object object;
        TS_TRY(v.get_object().get(object));
        TS_TRY(visit(object, path));
    }
    return simdjson::SUCCESS;
}

template <typename Visit>
simdjson::error_code ItemParser::forEachMember(sj::object &object, Visit visit)
{
    for (auto f : object) {
        sj::field member;
        TS_TRY(std::move(f).get(member));
        std::string_view key;
        TS_TRY(member.unescaped_key().get(key));
        TS_TRY(visit(key, member.value()));
    }
    return simdjson::SUCCESS;
}

void ItemParser::requireFields(const QString &path, std::initializer_list<std::pair<bool, const char *>> fields)
{
    for (const auto &[present, name] : fields) {
        if (!present)
            warn(QString(path + u'.' + QLatin1String(name)), TaskListParser::tr("missing required field"));
    }
}

template <typename Read>
simdjson::error_code ItemParser::readFields(sj::object &object, const QString &path, std::initializer_list<SubField> fields,
                                            Read read)
{
    const auto pathOf = [&path](const SubField &field) {
        return QString(path + u'.' + QLatin1String(field.name.data(), qsizetype(field.name.size())));
    };
    unsigned seen = 0;
    TS_TRY(forEachMember(object, [&](std::string_view key, sj::value member) {
        int index = 0;
        for (const SubField &field : fields) {
            if (key == field.name) {
                seen |= 1u << index;
                return read(index, member, pathOf(field));
            }
            ++index;
        }
        return consume(member);
    }));
    int index = 0;
    for (const SubField &field : fields) {
        if (field.required && !(seen & (1u << index)))
            warn(pathOf(field), TaskListParser::tr("missing required field"));
        ++index;
    }
    return simdjson::SUCCESS;
}

simdjson::error_code ItemParser::readTransitionList(sj::value value, QList<StateTransition> *out)
{
    return forEachObject(value, QStringLiteral("stateTransitions"), [&](sj::object &object, const QString &path) {
        StateTransition transition;
        TS_TRY(readFields(object, path, {{"from", true}, {"to", true}}, [&](int field, sj::value member, const QString &at) {
            return field == 0 ? readString(member, at, &transition.from, true)
                              : readStringList(member, at, &transition.to, true);
        }));
        out->append(std::move(transition));
        return simdjson::SUCCESS;
    });
}

simdjson::error_code ItemParser::readAdditionalDetails(sj::value extra, QByteArray *out)
{
    sj::json_type type;
    TS_TRY(extra.type().get(type));
    std::string_view raw;
    if (type == sj::json_type::object || type == sj::json_type::array) {
        TS_TRY(rawJsonOf(extra, type, &raw));
    } else {
        raw = trimJson(extra.raw_json_token());
        TS_TRY(consume(extra));
    }
    *out = QByteArray(raw.data(), qsizetype(raw.size()));
    // raw_json() skips without reading atoms: validate the slice before anyone exports it.
    if (type == sj::json_type::object || type == sj::json_type::array)
        TS_TRY(validate(raw, m_capacity - size_t(raw.data() - m_itemStart)));
    return simdjson::SUCCESS;
}

simdjson::error_code ItemParser::readDetails(sj::value value)
{
    return forEachObject(value, QStringLiteral("stateDetails"), [&](sj::object &object, const QString &path) {
        StateDetail detail;
        TS_TRY(readFields(object, path, {{"type", true}, {"title", true}, {"detail", true}, {"additionalDetails", false}},
                          [&](int field, sj::value member, const QString &at) {
                              switch (field) {
                              case 0:
                                  return readString(member, at, &detail.type, true);
                              case 1:
                                  return readString(member, at, &detail.title, true);
                              case 2:
                                  return readString(member, at, &detail.detail);
                              default:
                                  return readAdditionalDetails(member, &detail.additionalDetails);
                              }
                          }));
        if (m_keep)
            m_task.stateDetails.append(std::move(detail));
        return simdjson::SUCCESS;
    });
}

simdjson::error_code ItemParser::readLabels(sj::value value)
{
    return forEachObject(value, QStringLiteral("metadata.labels"), [&](sj::object &object, const QString &path) {
        Label label;
        TS_TRY(readFields(object, path, {{"name", true}, {"value", true}}, [&](int field, sj::value member, const QString &at) {
            return readString(member, at, field == 0 ? &label.name : &label.value, true);
        }));
        if (m_keep)
            m_task.metadata.labels.append(std::move(label));
        return simdjson::SUCCESS;
    });
}

simdjson::error_code ItemParser::readMetadata(sj::value value)
{
    sj::json_type type;
    TS_TRY(value.type().get(type));
    if (type != sj::json_type::object)
        return wrongType(value, type, QStringLiteral("metadata"), TaskListParser::tr("an object"));
    sj::object object;
    TS_TRY(value.get_object().get(object));
    bool hasLabels = false, hasCreation = false, hasModification = false, hasCreatedBy = false;
    TaskMetadata &md = m_task.metadata;
    TS_TRY(forEachMember(object, [&](std::string_view key, sj::value member) {
        if (key == "labels") {
            hasLabels = true;
            return readLabels(member);
        }
        if (key == "creationTimestamp") {
            hasCreation = true;
            return readTimestamp(member, u"metadata.creationTimestamp", &md.creationTimestamp);
        }
        if (key == "modificationTimestamp") {
            hasModification = true;
            return readTimestamp(member, u"metadata.modificationTimestamp", &md.modificationTimestamp);
        }
        if (key == "createdBy") {
            hasCreatedBy = true;
            return readString(member, u"metadata.createdBy", &md.createdBy, true);
        }
        if (key == "modifiedBy")
            return readString(member, u"metadata.modifiedBy", &md.modifiedBy, true);
        return consume(member);
    }));
    requireFields(QStringLiteral("metadata"), {{hasLabels, "labels"},
                                               {hasCreation, "creationTimestamp"},
                                               {hasModification, "modificationTimestamp"},
                                               {hasCreatedBy, "createdBy"}});
    return simdjson::SUCCESS;
}

simdjson::error_code ItemParser::validate(std::string_view raw, size_t capacity)
{
    sj::document doc;
    TS_TRY(m_validator.iterate(raw.data(), raw.size(), capacity).get(doc));
    sj::value root;
    simdjson::error_code code = doc.get_value().get(root);
    if (!code)
        code = consume(root);
    if (code)
        noteFailure(doc);
    return code;
}

// The first byte in [p, end) that breaks a JSON string: an escape JSON does not have, or a raw
// control character. Called only after a failure, to say where it was.
const char *locateBrokenString(const char *p, const char *end)
{
    bool inString = false;
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (c < 0x20) {
            return p;
        } else if (c == '\\') {
            if (p + 1 >= end)
                return p;
            const char next = p[1];
            if (next == 'u') {
                for (int i = 2; i <= 5; ++i) {
                    if (p + i >= end || !std::isxdigit(static_cast<unsigned char>(p[i])))
                        return p;
                }
                p += 5;
            } else if (std::strchr("\"\\/bfnrt", next) && next != 0) {
                ++p;
            } else {
                return p;
            }
        }
    }
    return nullptr;
}

void ItemParser::noteFailure(sj::document &doc)
{
    const char *at = nullptr;
    if (doc.current_location().get(at) != simdjson::SUCCESS)
        at = nullptr;
    if (m_failedAt && (!at || m_failedAt <= at))
        return; // a nested validation already found the place
    // Inside a string the iterator only knows the string's token: find the broken byte itself.
    if (m_itemStart) {
        const char *end = m_itemStart + (m_capacity > simdjson::SIMDJSON_PADDING ? m_capacity - simdjson::SIMDJSON_PADDING : 0);
        const char *limit = at ? qMin(end, at + 1) : end;
        // The failing token may be a long string that starts before `at` and breaks after it.
        if (at) {
            const char *stringEnd = at;
            while (stringEnd < end && *stringEnd != '"')
                ++stringEnd;
            limit = qMin(end, stringEnd + 1);
        }
        if (const char *broken = locateBrokenString(m_itemStart, limit)) {
            m_failedAt = broken;
            return;
        }
    }
    if (at)
        m_failedAt = at;
}

simdjson::error_code ItemParser::field(TaskField which, sj::value value)
{
    // A null in an include array means "absent"; in an object it is a wrong type, reported below.
    const TaskFieldInfo &info = TaskFields::info(which);
    m_keep = (m_fields & info.bit()) != 0;
    const QLatin1String name = info.latin1Name();
    Task &t = m_task;
    m_present |= info.bit();
    switch (info.kind) {
    case TaskFieldKind::Text: {
        sj::json_type type = sj::json_type::string;
        if (which == TaskField::Id || which == TaskField::State)
            TS_TRY(value.type().get(type));
        if (which == TaskField::Id && type != sj::json_type::string)
            return consume(value); // finish() says once that the item is skipped, and why
        if (info.utf8)
            TS_TRY(readUtf8(value, name, &(t.*info.utf8)));
        else
            TS_TRY(readString(value, name, &(t.*info.text), info.interned));
        if (which == TaskField::State) {
            t.state = stateFromApiName(t.stateText);
            if (t.state == TaskState::Unknown && type == sj::json_type::string)
                warn(name, TaskListParser::tr("unknown state \"%1\"; kept as is").arg(t.stateText));
        }
        return simdjson::SUCCESS;
    }
    case TaskFieldKind::Number: {
        std::optional<double> &number = t.*info.number;
        TS_TRY(readNumber(value, name, &number));
        if (which == TaskField::PercentDone && number && (*number < 0.0 || *number > 100.0))
            warn(name, TaskListParser::tr("%1 is outside 0..100").arg(*number));
        return simdjson::SUCCESS;
    }
    case TaskFieldKind::Time:
        return readTimestamp(value, name, &(t.*info.time));
    case TaskFieldKind::TextList:
        if (info.utf8List)
            return readUtf8List(value, name, &(t.*info.utf8List));
        return readStringList(value, name, &(t.*info.textList), info.interned);
    case TaskFieldKind::Transitions:
        return readTransitions(value);
    case TaskFieldKind::Details:
        return readDetails(value);
    case TaskFieldKind::Metadata:
        return readMetadata(value);
    }
    return consume(value);
}

void ItemParser::finish(quint32 present, quint32 expected)
{
    // Warnings written before the id was known get it now, so every line names the task.
    for (qsizetype i = m_firstWarning; i < m_page->warnings.size(); ++i)
        m_page->warnings[i].taskId = m_task.id;
    if (m_task.id.isEmpty()) {
        warn(QStringLiteral("id"),
             (present & TaskFields::info(TaskField::Id).bit()) ? TaskListParser::tr("the id is empty or not text; item skipped")
                             : TaskListParser::tr("missing required field; item skipped"),
             true);
        return;
    }
    const quint32 missing = expected & TaskFields::kRequiredBits & ~present;
    for (const TaskFieldInfo &info : TaskFields::kAll) {
        if (missing & info.bit())
            warn(info.latin1Name(), TaskListParser::tr("missing required field"));
    }
    if (m_sink) {
        (*m_sink)(std::move(m_task));
        return;
    }
    if (!m_viewBytes)
        m_page->digests.append(rawJsonDigest(m_task.rawJson));
    m_page->tasks.append(std::move(m_task));
}

simdjson::error_code ItemParser::parseObject(std::string_view raw, qsizetype index, size_t capacity)
{
    return parseItem(raw, index, capacity, [this] { return parseObjectFields(); });
}

simdjson::error_code ItemParser::parseArray(std::string_view raw, qsizetype index, size_t capacity,
                                            const IncludeOrder &includeOrder)
{
    return parseItem(raw, index, capacity, [&] { return parseArrayValues(index, includeOrder); });
}

template <typename ReadValues>
simdjson::error_code ItemParser::parseItem(std::string_view raw, qsizetype index, size_t capacity, ReadValues readValues)
{
    m_task = Task();
    m_index = index;
    m_firstWarning = m_page->warnings.size();
    m_present = 0;
    m_itemStart = raw.data();
    m_capacity = capacity;
    m_failedAt = nullptr;
    // A sink copies the bytes of the tasks it keeps; the others need none.
    m_task.rawJson = m_viewBytes ? QByteArray::fromRawData(raw.data(), qsizetype(raw.size()))
                            : QByteArray(raw.data(), qsizetype(raw.size()));
    TS_TRY(m_parser.iterate(raw.data(), raw.size(), capacity).get(m_doc));
    const simdjson::error_code code = readValues();
    if (code)
        noteFailure(m_doc);
    return code;
}

simdjson::error_code ItemParser::parseObjectFields()
{
    sj::object object;
    TS_TRY(m_doc.get_object().get(object));
    for (auto f : object) {
        sj::field member;
        TS_TRY(std::move(f).get(member));
        std::string_view key;
        TS_TRY(member.unescaped_key().get(key));
        sj::value value = member.value();
        bool isNull = false;
        sj::json_type type;
        TS_TRY(value.type().get(type));
        if (type == sj::json_type::null) {
            TS_TRY(value.is_null().get(isNull));
            // null for an optional field reads as absent; for a required one it is reported as missing.
            continue;
        }
        if (const std::optional<TaskField> which = TaskFields::fromName(key))
            TS_TRY(field(*which, value));
        else
            TS_TRY(consume(value));
    }
    finish(m_present, ~0u);
    return simdjson::SUCCESS;
}


simdjson::error_code ItemParser::parseArrayValues(qsizetype index, const IncludeOrder &includeOrder)
{
    sj::array array;
    TS_TRY(m_doc.get_array().get(array));
    size_t i = 0;
    quint32 expected = 0;
    for (const std::optional<TaskField> &name : includeOrder)
        expected |= name ? TaskFields::info(*name).bit() : 0u;
    for (auto element : array) {
        sj::value value;
        TS_TRY(element.get(value));
        sj::json_type type;
        TS_TRY(value.type().get(type));
        if (i >= includeOrder.size()) {
            TS_TRY(consume(value));
        } else if (type == sj::json_type::null) {
            bool isNull = false;
            TS_TRY(value.is_null().get(isNull));
            // A null is the API's way of saying "absent": not a warning.
            if (includeOrder[i])
                expected &= ~TaskFields::info(*includeOrder[i]).bit();
        } else if (includeOrder[i]) {
            TS_TRY(field(*includeOrder[i], value));
        } else {
            TS_TRY(consume(value));
        }
        ++i;
    }
    // Values missing at the end read as absent, like nulls: the length warning says it once.
    for (size_t missing = i; missing < includeOrder.size(); ++missing) {
        if (includeOrder[missing])
            expected &= ~TaskFields::info(*includeOrder[missing]).bit();
    }
    if (i != includeOrder.size()) {
        m_page->warnings.append(ParseWarning{
            index, {}, {},
            TaskListParser::tr("the item has %1 values, but the include order names %2 fields").arg(i).arg(includeOrder.size()),
            false});
    }
    finish(m_present, expected);
    return simdjson::SUCCESS;
}

} // namespace Taskscope::ParseDetail
