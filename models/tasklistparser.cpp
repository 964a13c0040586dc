// Parses a tasks list response with simdjson's on-demand API: each item is typed into a Task and
// keeps its exact bytes, so an export can write what the server sent without re-serialising it.
#include "tasklistparser.h"

#include "itemparser.h"
#include "logging.h"
#include "taskfields.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <optional>
#include <string_view>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Taskscope {

static_assert(TaskListParser::kPadding >= qsizetype(simdjson::SIMDJSON_PADDING));

namespace {

using namespace ParseDetail;

QString describeError(simdjson::error_code code)
{
    return QString::fromUtf8(simdjson::error_message(code));
}

// `repairedOffset` is a byte offset into QString::fromUtf8(input).toUtf8(), where invalid sequences
// became U+FFFD (3 bytes each): returns the offset of the same place in `input`, so that an error
// names a byte of the body as received, never one past its end.
qint64 inputOffset(const QByteArray &input, qint64 repairedOffset)
{
    // After an ASCII byte the decoder holds no state (it ends any pending sequence and is a
    // character itself): count chunks cut after one, and decode byte by byte only the chunk where
    // the offset falls.
    qint64 produced = 0; // repaired bytes that input[0, start) became
    qsizetype start = 0;
    while (start < input.size()) {
        qsizetype end = qMin(start + 4096, input.size());
        while (end < input.size() && static_cast<uchar>(input[end - 1]) >= 0x80)
            ++end;
        const qint64 size = QString::fromUtf8(input.constData() + start, end - start).toUtf8().size();
        if (produced + size > repairedOffset)
            break;
        produced += size;
        start = end;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    qsizetype sequenceStart = start;
    for (qsizetype i = start; i < input.size(); ++i) {
        const qint64 size = QString(decoder.decode(QByteArrayView(input.constData() + i, 1))).toUtf8().size();
        produced += size;
        if (produced > repairedOffset)
            return sequenceStart;
        if (size > 0)
            sequenceStart = i + 1;
    }
    return input.size();
}

// An item found in the list, not read yet: its bytes (objects and arrays) and its type.
struct PageReaderSlice
{
    std::string_view raw;
    sj::json_type type = sj::json_type::null;
    qsizetype index = 0;
};

// `bytes` as simdjson reads them: in place when `padded` is known or their allocation has the
// padding after them (data_ptr() does not detach: they are only read), else a padded copy in
// `copy`. The view lives as long as the caller's bytes, which this copy of them shares.
simdjson::padded_string_view paddedView(QByteArray bytes, bool padded, simdjson::padded_string *copy)
{
    if (padded || bytes.data_ptr().freeSpaceAtEnd() >= qsizetype(simdjson::SIMDJSON_PADDING))
        return simdjson::padded_string_view(bytes.constData(), size_t(bytes.size()),
                                            size_t(bytes.size()) + simdjson::SIMDJSON_PADDING);
    *copy = simdjson::padded_string(bytes.constData(), size_t(bytes.size()));
    return simdjson::padded_string_view(copy->data(), copy->size(), copy->size() + simdjson::SIMDJSON_PADDING);
}

// Reads one response body into a page. Every way to fail ends in a Failure, which parse() turns
// into its one exit.
class PageReader
{
public:
    PageReader(const QByteArray &input, const QStringList &includeOrder, TaskListPage *page,
               const TaskListParser::TaskSink *sink, bool inputPadded, quint32 fields, int threads);

    std::optional<ParseError> read();

private:
    // Malformed JSON (`code`, near `offset`), or, when `message` is set, JSON that is not a list.
    struct Failure
    {
        simdjson::error_code code = simdjson::SUCCESS;
        qint64 offset = -1;
        QString message;
    };
    using Result = std::optional<Failure>;
    static Failure malformed(simdjson::error_code code, qint64 offset) { return {code, offset, {}}; }
    static Failure notAList(const QString &message, qint64 offset) { return {simdjson::SUCCESS, offset, message}; }

    Result readRoot();
    Result readMember(sj::field &member);
    using Slice = PageReaderSlice;
    Result readItems(sj::value value);
    Result readItemsInParallel(sj::array &items);
    Result locate(sj::value item, Slice *slice);
    simdjson::error_code parseSlice(ItemParser &parser, TaskListPage *page, const Slice &slice) const;
    Result readMetadata(sj::value value);
    Result readListMetadata();
    ParseError describe(const Failure &failure) const;
    size_t capacityFrom(std::string_view raw) const { return size_t(m_bufferEnd - raw.data()); }
    qint64 offsetOf(std::string_view raw) const { return raw.data() - m_padded.data(); }

    const QByteArray &m_input;
    QByteArray m_body; // the input, with invalid UTF-8 replaced
    bool m_repaired = false;
    simdjson::padded_string m_copy; // a padded copy of m_body, when it has no room for the padding
    simdjson::padded_string_view m_padded;
    const char *m_bufferEnd = nullptr;
    IncludeOrder m_includeOrder;
    TaskListPage *m_page;
    const TaskListParser::TaskSink *m_sink;
    quint32 m_fields;
    int m_threads;
    ItemParser m_itemParser;
    const char *m_failedAt = nullptr; // where a parallel parse failed, if it did
    bool m_sawItems = false;
    qsizetype m_index = 0;
    qint64 m_lastOffset = 0;
};

PageReader::PageReader(const QByteArray &input, const QStringList &includeOrder, TaskListPage *page,
                       const TaskListParser::TaskSink *sink, bool inputPadded, quint32 fields, int threads)
    : m_input(input)
    , m_body(input)
    , m_page(page)
    , m_sink(sink)
    , m_fields(fields)
    , m_threads(threads)
    , m_itemParser(page, sink, fields, sink != nullptr)
{
    m_repaired = !simdjson::validate_utf8(input.constData(), size_t(input.size()));
    if (m_repaired) {
        // Keep what can be read: invalid sequences become U+FFFD, and the user is told.
        m_body = QString::fromUtf8(input).toUtf8();
        page->warnings.append(ParseWarning{
            -1, {}, {}, TaskListParser::tr("the response is not valid UTF-8; invalid bytes were replaced with U+FFFD"),
            false});
    }
    m_padded = paddedView(m_body, inputPadded && !m_repaired, &m_copy); // the input itself, when it can be
    m_bufferEnd = m_padded.data() + m_padded.size() + simdjson::SIMDJSON_PADDING;
    m_includeOrder.reserve(size_t(includeOrder.size()));
    for (const QString &name : includeOrder)
        m_includeOrder.push_back(TaskFields::fromName(name.trimmed().toStdString()));
}

std::optional<ParseError> PageReader::read()
{
    Result failure = readRoot();
    if (!failure)
        failure = readListMetadata();
    if (failure)
        return describe(*failure);
    return std::nullopt;
}

PageReader::Result PageReader::readRoot()
{
    sj::parser parser;
    sj::document doc;
    if (const auto code = parser.iterate(m_padded).get(doc))
        return malformed(code, -1);
    sj::json_type rootType;
    if (const auto code = doc.type().get(rootType))
        return malformed(code, 0);
    if (rootType != sj::json_type::object)
        return notAList(TaskListParser::tr("the response is %1, not a task list object").arg(typeName(rootType)), 0);
    sj::object root;
    if (const auto code = doc.get_object().get(root))
        return malformed(code, 0);
    for (auto f : root) {
        sj::field member;
        if (const auto code = std::move(f).get(member))
            return malformed(code, m_lastOffset);
        if (Result failure = readMember(member))
            return failure;
    }
    // Anything after the root object is not JSON (current_location() only succeeds before the end).
    if (const char *rest = nullptr; doc.current_location().get(rest) == simdjson::SUCCESS && rest)
        return malformed(simdjson::TRAILING_CONTENT, rest - m_padded.data());
    if (!m_sawItems)
        return notAList(TaskListParser::tr("the response has no \"items\" array"), -1);
    return std::nullopt;
}

PageReader::Result PageReader::readMember(sj::field &member)
{
    std::string_view key;
    if (const auto code = member.unescaped_key().get(key))
        return malformed(code, m_lastOffset);
    sj::value value = member.value();
    sj::json_type type;
    if (const auto code = value.type().get(type))
        return malformed(code, m_lastOffset);
    if (key == "items") {
        if (m_sawItems) // which list would be meant? Neither: nothing half-read is kept
            return notAList(TaskListParser::tr("\"items\" appears more than once"), m_lastOffset);
        if (type != sj::json_type::array) {
            if (const auto code = m_itemParser.consume(value))
                return malformed(code, m_lastOffset);
            QJsonParseError qerr;
            QJsonDocument::fromJson(m_body, &qerr); // is the rest of the body sound?
            if (qerr.error != QJsonParseError::NoError)
                return malformed(simdjson::TAPE_ERROR, m_lastOffset);
            return notAList(TaskListParser::tr("\"items\" is %1, not an array").arg(typeName(type)), -1);
        }
        m_sawItems = true;
        return readItems(value);
    }
    if (key == "metadata" && type == sj::json_type::object)
        return readMetadata(value);
    // Top-level `type`, `version` and anything else: read for validity, not kept.
    if (const auto code = m_itemParser.consume(value))
        return malformed(code, m_lastOffset);
    return std::nullopt;
}

PageReader::Result PageReader::readItems(sj::value value)
{
    sj::array items;
    if (const auto code = value.get_array().get(items))
        return malformed(code, m_lastOffset);
    if (m_threads > 1)
        return readItemsInParallel(items);
    for (auto element : items) {
        sj::value item;
        if (const auto code = element.get(item))
            return malformed(code, m_lastOffset);
        Slice slice;
        if (Result failure = locate(item, &slice))
            return failure;
        if (const auto code = parseSlice(m_itemParser, m_page, slice))
            return malformed(code, m_lastOffset);
        ++m_index;
    }
    return std::nullopt;
}

PageReader::Result PageReader::locate(sj::value item, Slice *slice)
{
    slice->index = m_index;
    if (const auto code = item.type().get(slice->type))
        return malformed(code, m_lastOffset);
    if (slice->type != sj::json_type::object && slice->type != sj::json_type::array) {
        slice->raw = {};
        if (const auto code = m_itemParser.consume(item))
            return malformed(code, m_lastOffset);
        return std::nullopt;
    }
    if (const auto code = rawJsonOf(item, slice->type, &slice->raw))
        return malformed(code, m_lastOffset);
    m_lastOffset = offsetOf(slice->raw);
    return std::nullopt;
}

simdjson::error_code PageReader::parseSlice(ItemParser &parser, TaskListPage *page, const Slice &slice) const
{
    const std::string_view raw = slice.raw;
    switch (slice.type) {
    case sj::json_type::object:
        return parser.parseObject(raw, slice.index, capacityFrom(raw));
    case sj::json_type::array:
        if (!m_includeOrder.empty())
            return parser.parseArray(raw, slice.index, capacityFrom(raw), m_includeOrder);
        page->warnings.append(ParseWarning{
            slice.index, {}, {},
            TaskListParser::tr("the item is an array of values, but no include order is known; item skipped"), true});
        return parser.validateSlice(raw, capacityFrom(raw));
    default:
        page->warnings.append(ParseWarning{
            slice.index, {}, {}, TaskListParser::tr("the item is %1, not an object; item skipped").arg(typeName(slice.type)),
            true});
        return simdjson::SUCCESS; // read when located
    }
}

namespace {

// Items found in the list, read by whichever thread takes them; handed on in list order.
struct Chunk
{
    std::vector<PageReaderSlice> slices;
    TaskListPage page;
    simdjson::error_code code = simdjson::SUCCESS;
    size_t failedSlice = 0;
    const char *failedAt = nullptr;
    bool done = false;
};

} // namespace

// This thread finds the items (which only it can: the list's iterator is one) and hands them
// out in chunks; the other threads read chunks as they come, and so does this one once every
// item is found. Each chunk's tasks and warnings are handed on in list order as soon as it and
// those before it are read, so few are held at once.
PageReader::Result PageReader::readItemsInParallel(sj::array &items)
{
    constexpr size_t kChunk = 1024;
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::unique_ptr<Chunk>> chunks; // grows; each chunk's memory is freed once handed on
    size_t nextToTake = 0, nextToHand = 0;
    bool located = false, stop = false;

    const auto readChunk = [this](ItemParser &parser, Chunk &chunk) {
        parser.setPage(&chunk.page);
        for (size_t i = 0; i < chunk.slices.size(); ++i) {
            if (const auto code = parseSlice(parser, &chunk.page, chunk.slices[i])) {
                chunk.code = code;
                chunk.failedSlice = i;
                chunk.failedAt = parser.failedAt();
                return;
            }
        }
    };
    // Takes the next chunk to read, or null when there is none (yet, when `wait` is false).
    const auto take = [&](std::unique_lock<std::mutex> &lock, bool wait) -> Chunk * {
        if (wait)
            changed.wait(lock, [&] { return stop || nextToTake < chunks.size() || located; });
        if (stop || nextToTake >= chunks.size())
            return nullptr;
        return chunks[nextToTake++].get();
    };
    // Reads a chunk taken, outside the lock, and says it is done.
    const auto readTaken = [&](std::unique_lock<std::mutex> &lock, ItemParser &parser, Chunk *chunk) {
        lock.unlock();
        readChunk(parser, *chunk);
        lock.lock();
        chunk->done = true;
        changed.notify_all();
    };
    const auto helper = [&] {
        ItemParser parser(nullptr, nullptr, m_fields, m_sink != nullptr);
        std::unique_lock lock(mutex);
        while (Chunk *chunk = take(lock, true))
            readTaken(lock, parser, chunk);
    };
    std::vector<std::thread> helpers;
    for (int i = 1; i < m_threads; ++i)
        helpers.emplace_back(helper);
    const auto finish = [&](Result result) {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        for (std::thread &thread : helpers)
            thread.join();
        return result;
    };
    // Hands on the chunks read so far, in order; a failure ends everything.
    const auto handOn = [&](std::unique_lock<std::mutex> &lock) -> Result {
        while (nextToHand < chunks.size() && chunks[nextToHand]->done) {
            Chunk &chunk = *chunks[nextToHand++];
            lock.unlock();
            if (chunk.code) {
                m_failedAt = chunk.failedAt;
                const Result failure = malformed(chunk.code, offsetOf(chunk.slices[chunk.failedSlice].raw));
                lock.lock();
                return failure;
            }
            m_page->warnings.append(chunk.page.warnings);
            if (m_sink) {
                for (Task &task : chunk.page.tasks)
                    (*m_sink)(std::move(task));
            } else {
                m_page->tasks.append(chunk.page.tasks);
                m_page->digests.append(chunk.page.digests);
            }
            chunk = Chunk();
            lock.lock();
        }
        return std::nullopt;
    };

    auto filling = std::make_unique<Chunk>();
    const auto publish = [&] {
        std::unique_lock lock(mutex);
        chunks.push_back(std::move(filling));
        filling = std::make_unique<Chunk>();
        changed.notify_all();
        return handOn(lock);
    };
    // Every chunk published is read and handed on; the first failure in list order wins.
    const auto drain = [&]() -> Result {
        ItemParser parser(nullptr, nullptr, m_fields, m_sink != nullptr);
        std::unique_lock lock(mutex);
        located = true;
        changed.notify_all();
        while (nextToHand < chunks.size()) {
            if (Chunk *chunk = take(lock, false))
                readTaken(lock, parser, chunk);
            else if (!chunks[nextToHand]->done) {
                changed.wait(lock, [&] { return chunks[nextToHand]->done; });
            }
            if (Result failure = handOn(lock))
                return failure;
        }
        return std::nullopt;
    };
    Result locateFailure; // an item the list itself cannot give: after those before it
    for (auto element : items) {
        sj::value item;
        if (const auto code = element.get(item)) {
            locateFailure = malformed(code, m_lastOffset);
            break;
        }
        PageReaderSlice slice;
        if ((locateFailure = locate(item, &slice)))
            break;
        filling->slices.push_back(slice);
        ++m_index;
        if (filling->slices.size() == kChunk) {
            if (Result failure = publish())
                return finish(failure);
        }
    }
    if (Result failure = publish())
        return finish(failure);
    if (Result failure = drain())
        return finish(failure);
    return finish(locateFailure);
}

PageReader::Result PageReader::readMetadata(sj::value value)
{
    std::string_view raw;
    if (const auto code = rawJsonOf(value, sj::json_type::object, &raw))
        return malformed(code, m_lastOffset);
    if (const auto code = m_itemParser.validateSlice(raw, capacityFrom(raw)))
        return malformed(code, offsetOf(raw));
    m_page->metadataJson = QByteArray(raw.data(), qsizetype(raw.size()));
    return std::nullopt;
}

// metadata.continue and metadata.count, from the metadata object kept as received.
PageReader::Result PageReader::readListMetadata()
{
    if (m_page->metadataJson.isEmpty()) {
        m_page->metadataJson = QByteArrayLiteral("{}");
        return std::nullopt;
    }
    const QJsonDocument metadata = QJsonDocument::fromJson(m_page->metadataJson);
    if (!metadata.isObject())
        return malformed(simdjson::TAPE_ERROR, -1);
    const QJsonObject object = metadata.object();
    const QJsonValue token = object.value(QLatin1String("continue"));
    if (token.isString() && !token.toString().isEmpty())
        m_page->continueToken = token.toString();
    const QJsonValue count = object.value(QLatin1String("count"));
    if (count.isDouble() && count.toDouble() >= 0 && count.toDouble() < 9.0e18)
        m_page->count = qint64(count.toDouble());
    return std::nullopt;
}

ParseError PageReader::describe(const Failure &failure) const
{
    if (!failure.message.isEmpty())
        return {failure.message, failure.offset};
    qint64 fallbackOffset = failure.offset;
    if (const char *at = m_failedAt ? m_failedAt : m_itemParser.failedAt())
        fallbackOffset = at - m_padded.data();
    ParseError error;
    // simdjson says that it failed; Qt's parser says where, in words users have seen before.
    QJsonParseError qerr;
    QJsonDocument::fromJson(m_body, &qerr);
    if (qerr.error != QJsonParseError::NoError) {
        error.message = TaskListParser::tr("malformed JSON: %1").arg(qerr.errorString());
        error.offset = qBound(qint64(0), qint64(qerr.offset), qint64(m_body.size()));
    } else {
        // Qt is more lenient (control characters and unknown escapes in strings): name
        // simdjson's reason, and the broken byte when it is in a string.
        if (const char *broken = locateBrokenString(m_padded.data(), m_padded.data() + m_padded.size()))
            fallbackOffset = broken - m_padded.data();
        error.message = TaskListParser::tr("malformed JSON: %1").arg(describeError(failure.code));
        error.offset = qBound(qint64(0), fallbackOffset, qint64(m_body.size()));
    }
    if (m_repaired)
        error.offset = inputOffset(m_input, error.offset);
    return error;
}

} // namespace

QString ParseWarning::toString() const
{
    QString where = itemIndex >= 0 ? TaskListParser::tr("item %1").arg(itemIndex) : TaskListParser::tr("response");
    if (!taskId.isEmpty())
        where = TaskListParser::tr("%1 (task %2)").arg(where, taskId);
    if (!field.isEmpty())
        where = where + u": " + field;
    return where + u": " + message;
}

QString ParseError::toString() const
{
    if (offset < 0)
        return message;
    return TaskListParser::tr("%1 (at byte %2)").arg(message).arg(offset);
}

TaskListParser::TaskListParser(QStringList includeOrder)
    : m_includeOrder(std::move(includeOrder))
{
}

std::optional<QString> TaskListParser::peekContinueToken(const QByteArray &body)
{
    // Read in place when the body has room for the padding (SnapshotAssembler joins pages so).
    simdjson::padded_string copy;
    const simdjson::padded_string_view padded = paddedView(body, false, &copy);
    sj::parser parser;
    sj::document doc;
    sj::object root;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(root))
        return std::nullopt;
    for (auto f : root) {
        sj::field member;
        std::string_view key;
        if (std::move(f).get(member) || member.unescaped_key().get(key))
            return std::nullopt;
        if (key != "metadata")
            continue; // skipped through the structural index: items are not read
        sj::object metadata;
        if (member.value().get_object().get(metadata))
            return std::nullopt;
        for (auto m : metadata) {
            sj::field entry;
            std::string_view name, token;
            if (std::move(m).get(entry) || entry.unescaped_key().get(name))
                return std::nullopt;
            if (name == "continue") {
                if (entry.value().get_string().get(token))
                    return std::nullopt;
                return fromUtf8(token);
            }
        }
        return std::nullopt;
    }
    return std::nullopt;
}

const QStringList &TaskListParser::taskFieldNames()
{
    return TaskFields::names();
}

bool TaskListParser::parse(const QByteArray &input, TaskListPage *page, ParseError *error) const
{
    return parse(input, page, error, nullptr);
}

bool TaskListParser::parse(const QByteArray &input, TaskListPage *page, ParseError *error, const TaskSink &sink) const
{
    return parse(input, page, error, &sink);
}

bool TaskListParser::parse(const QByteArray &input, TaskListPage *page, ParseError *error, const TaskSink *sink) const
{
    Q_ASSERT(page);
    *page = TaskListPage();
    if (error)
        *error = ParseError();
    PageReader reader(input, m_includeOrder, page, sink, m_bodyPadded, m_fields, m_threads);
    if (const std::optional<ParseError> failure = reader.read()) {
        if (error)
            *error = *failure;
        page->tasks.clear(); // nothing half-read is kept
        page->digests.clear();
        return false;
    }
    qCDebug(lcModels) << "parsed" << page->tasks.size() << "tasks," << page->warnings.size() << "warnings";
    return true;
}

} // namespace Taskscope
