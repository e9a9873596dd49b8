#include "storage/audit_log.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "domain/sha256.hpp"
#include "domain/timestamp.hpp"

namespace dplan {

namespace {

constexpr const char* entry_columns =
    "sequence, recorded_at, actor_id, actor_name, origin, action, object_type, object_id, changes, previous_hash, "
    "entry_hash";

// One entry read from a statement: the variables the statement fetches into, column by column.
struct EntryRow {
    AuditEntry entry;
    long long sequence = 0;
    long long actor_id = 0;
    soci::indicator actor_flag = soci::i_ok;

    void bind(soci::statement& statement) {
        statement.exchange(soci::into(sequence));
        statement.exchange(soci::into(entry.recorded_at));
        statement.exchange(soci::into(actor_id, actor_flag));
        statement.exchange(soci::into(entry.actor.name));
        statement.exchange(soci::into(entry.actor.origin));
        statement.exchange(soci::into(entry.change.action));
        statement.exchange(soci::into(entry.change.object_type));
        statement.exchange(soci::into(entry.change.object_id));
        statement.exchange(soci::into(entry.change.changes));
        statement.exchange(soci::into(entry.previous_hash));
        statement.exchange(soci::into(entry.entry_hash));
    }

    AuditEntry fetched() const {
        AuditEntry copy = entry;
        copy.sequence = sequence;
        copy.actor.user_id = actor_flag == soci::i_ok ? std::optional<std::int64_t>(actor_id) : std::nullopt;
        return copy;
    }
};

// Runs `sql` (selecting entry_columns) with `values` bound in order, calling `each` per entry.
template <typename Each>
void for_each_entry(soci::session& session, const std::string& sql, const std::vector<std::string>& values,
                    Each&& each) {
    EntryRow row;
    soci::statement statement(session);
    statement.alloc();
    statement.prepare(sql);
    for (const auto& value : values) statement.exchange(soci::use(value));
    row.bind(statement);
    statement.define_and_bind();
    if (!statement.execute(true)) return;
    do {
        each(row.fetched());
    } while (statement.fetch());
}

using ChainHead = Database::AuditHead;

// The first entry that does not fit after `previous`, described for the administrator.
std::optional<Bilingual> chain_break(const AuditEntry& entry, const ChainHead& previous) {
    if (entry.sequence != previous.sequence + 1) {
        return Bilingual{fmt::format("第 {} 項之後應為第 {} 項，卻是第 {} 項：有記錄被刪除或插入", previous.sequence,
                                     previous.sequence + 1, entry.sequence),
                         fmt::format("entry {} follows entry {} where {} was expected: entries were removed or "
                                     "inserted",
                                     entry.sequence, previous.sequence, previous.sequence + 1)};
    }
    if (entry.previous_hash != previous.hash) {
        return Bilingual{
            fmt::format("第 {} 項記下的前一項雜湊與第 {} 項不符：前一項被改動或替換", entry.sequence,
                        previous.sequence),
            fmt::format("entry {} does not carry the hash of entry {}: the earlier entry was changed or replaced",
                        entry.sequence, previous.sequence)};
    }
    if (audit_entry_hash(entry) != entry.entry_hash) {
        return Bilingual{
            fmt::format("第 {} 項的內容與其雜湊不符：此項在記錄後被改動", entry.sequence),
            fmt::format("entry {} does not match its hash: it was changed after it was recorded", entry.sequence)};
    }
    return std::nullopt;
}

}  // namespace

std::string audit_entry_hash(const AuditEntry& entry) {
    const nlohmann::json actor_id = entry.actor.user_id ? nlohmann::json(*entry.actor.user_id) : nlohmann::json();
    const nlohmann::json fields = {entry.sequence,           entry.recorded_at,      actor_id,
                                   entry.actor.name,         entry.actor.origin,     entry.change.action,
                                   entry.change.object_type, entry.change.object_id, entry.change.changes,
                                   entry.previous_hash};
    // Text that is not UTF-8 (a name typed on a Big5 terminal) is hashed with replacement
    // characters: the same stored bytes always give the same hash, and the write goes through.
    return sha256_hex(fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

namespace {

// The chain's head, read here only when the write holds none (Database::held_audit_head) and by
// verification: a writer on MariaDB reads it FOR UPDATE.
ChainHead read_head(Database& db, bool lock) {
    ChainHead head;
    const std::string sql =
        std::string("SELECT sequence, entry_hash FROM audit_head WHERE id = 1") + (lock ? " FOR UPDATE" : "");
    db.session() << sql, soci::into(head.sequence), soci::into(head.hash);
    if (!db.session().got_data()) {
        throw StorageError({"審計記錄的鏈頭不見了：資料庫已被改動，寫入不獲接受。請從備份還原。",
                            "the audit log's head row is missing: the database was tampered with, and no write is "
                            "accepted; restore it from a backup"});
    }
    return head;
}

struct EntryInsert final : KeptStatement {
    AuditEntry entry;
    long long sequence = 0;
    long long actor_id = 0;
    soci::indicator actor_flag = soci::i_ok;
    soci::statement statement;
    explicit EntryInsert(soci::session& session)
        : statement((session.prepare << fmt::format("INSERT INTO audit_log ({}) VALUES (:sequence, :at, :actor, :name, "
                                                    ":origin, :action, :type, :id, :changes, :previous, :hash)",
                                                    entry_columns),
                     soci::use(sequence), soci::use(entry.recorded_at), soci::use(actor_id, actor_flag),
                     soci::use(entry.actor.name), soci::use(entry.actor.origin), soci::use(entry.change.action),
                     soci::use(entry.change.object_type), soci::use(entry.change.object_id),
                     soci::use(entry.change.changes), soci::use(entry.previous_hash), soci::use(entry.entry_hash))) {}
};

// Moves the head on only from where this write found it.
struct HeadAdvance final : KeptStatement {
    long long sequence = 0;
    long long previous = 0;
    std::string hash;
    soci::statement statement;
    explicit HeadAdvance(soci::session& session)
        : statement((session.prepare << "UPDATE audit_head SET sequence = :sequence, entry_hash = :hash "
                                        "WHERE id = 1 AND sequence = :previous",
                     soci::use(sequence), soci::use(hash), soci::use(previous))) {}
};

// Keeps a text within its column (strict mode refuses longer ones, which would fail the change).
std::string fitted(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // whole UTF-8 characters
    return text.substr(0, end);
}

}  // namespace

void AuditLog::insert_now(const AuditEntry& entry, long long previous_sequence) {
    auto& insert = db_.kept<EntryInsert>();
    insert.sequence = entry.sequence;
    insert.actor_id = entry.actor.user_id.value_or(0);
    insert.actor_flag = entry.actor.user_id ? soci::i_ok : soci::i_null;
    insert.entry = entry;
    db_.run_kept(insert.statement);
    std::string().swap(insert.entry.change.changes);  // a kept copy would hold the largest change for good
    auto& advance = db_.kept<HeadAdvance>();
    advance.sequence = entry.sequence;
    advance.previous = previous_sequence;
    advance.hash = entry.entry_hash;
    db_.run_kept(advance.statement);
    if (advance.statement.get_affected_rows() != 1) {
        throw StorageError({"審計記錄的鏈頭在寫入期間被改動；資料未有改動",
                            "the audit log's head changed during the write; nothing was changed"});
    }
}

void AuditLog::send_with_commit(const AuditEntry& entry, long long previous_sequence) {
    const auto q = [this](const std::string& text) { return db_.quoted(text); };
    db_.send_audit_entry_with_commit(
        fmt::format("INSERT INTO audit_log ({}) VALUES", entry_columns),
        fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})", entry.sequence, q(entry.recorded_at),
                    entry.actor.user_id ? std::to_string(*entry.actor.user_id) : std::string("NULL"),
                    q(entry.actor.name), q(entry.actor.origin), q(entry.change.action), q(entry.change.object_type),
                    q(entry.change.object_id), q(entry.change.changes), q(entry.previous_hash), q(entry.entry_hash)),
        previous_sequence, {entry.sequence, entry.entry_hash});
}

void AuditLog::record(const AuditActor& actor, const AuditChange& change) {
    if (!db_.in_write()) {
        throw StorageError({"內部錯誤：審計記錄只可在寫入交易之內記下；資料未有改動",
                            "internal error: an audit entry can only be recorded inside a write; nothing was changed"});
    }
    const ChainHead head =
        db_.held_audit_head() ? *db_.held_audit_head() : read_head(db_, db_.dialect() == Dialect::mysql);
    AuditEntry entry{head.sequence + 1, now_utc_iso8601(), actor, change, head.hash, {}};
    if (entry.actor.origin.empty()) entry.actor.origin = "local";
    entry.actor.name = fitted(entry.actor.name, 200);
    entry.actor.origin = fitted(entry.actor.origin, 200);
    entry.change.action = fitted(entry.change.action, 200);
    entry.change.object_type = fitted(entry.change.object_type, 40);
    entry.change.object_id = fitted(entry.change.object_id, 100);
    entry.entry_hash = audit_entry_hash(entry);
    if (db_.dialect() == Dialect::mysql) {
        send_with_commit(entry, head.sequence);
    } else {
        insert_now(entry, head.sequence);
    }
    db_.note_audited({entry.sequence, entry.entry_hash});
}

std::vector<AuditEntry> AuditLog::list(const AuditQuery& query) {
    return db_.read("list audit entries", [&] {
        std::string where = "1 = 1";
        std::vector<std::string> values;
        const auto condition = [&](const std::optional<std::string>& value, const char* sql) {
            if (!value) return;
            where += sql;
            values.push_back(*value);
        };
        condition(query.object_type, " AND object_type = :type");
        condition(query.object_id, " AND object_id = :id");
        condition(query.since, " AND recorded_at >= :since");
        condition(query.until, " AND recorded_at < :until");
        const int limit = std::clamp(query.limit, 1, 1000);
        std::vector<AuditEntry> entries;
        for_each_entry(db_.session(),
                       fmt::format("SELECT {} FROM audit_log WHERE {} ORDER BY sequence DESC LIMIT {}", entry_columns,
                                   where, limit),
                       values, [&](AuditEntry entry) { entries.push_back(std::move(entry)); });
        return entries;
    });
}

AuditVerification AuditLog::verify(const std::optional<AuditAnchor>& anchor) {
    return db_.read("verify the audit log", [&] {
        // The head first: entries committed while the chain is being walked lie beyond it and
        // are left for the next verification, so a busy database is not taken for a tampered one.
        const ChainHead head = read_head(db_, false);
        AuditVerification result;
        result.head_sequence = head.sequence;
        result.head_hash = head.hash;
        if (anchor && anchor->sequence > head.sequence) {
            result.intact = false;
            result.first_bad_sequence = head.sequence + 1;
            result.problem = {
                fmt::format("記錄只到第 {} 項，但第 {} 項曾被記下：記錄被刪除或整條鏈被重建", head.sequence,
                            anchor->sequence),
                fmt::format("the log ends at entry {}, before entry {} that was noted: entries were removed or the "
                            "chain was rebuilt",
                            head.sequence, anchor->sequence)};
            return result;
        }
        ChainHead previous;
        const long long last = head.sequence;
        for_each_entry(
            db_.session(),
            fmt::format("SELECT {} FROM audit_log WHERE sequence <= {} ORDER BY sequence", entry_columns, last), {},
            [&](const AuditEntry& entry) {
                if (!result.intact) return;
                auto problem = chain_break(entry, previous);
                if (!problem && anchor && entry.sequence == anchor->sequence && entry.entry_hash != anchor->hash) {
                    problem = Bilingual{
                        fmt::format("第 {} 項的雜湊與記下的不同：整條鏈在記下之後被重建", entry.sequence),
                        fmt::format("entry {} no longer has the hash that was noted for it: the chain was rebuilt "
                                    "since",
                                    entry.sequence)};
                }
                if (problem) {
                    result.intact = false;
                    result.first_bad_sequence = entry.sequence;
                    result.problem = *problem;
                    return;
                }
                previous = {entry.sequence, entry.entry_hash};
                ++result.entries;
            });
        if (!result.intact || (previous.sequence == head.sequence && previous.hash == head.hash)) return result;
        result.intact = false;
        result.first_bad_sequence = previous.sequence + 1;
        if (previous.sequence < head.sequence) {
            result.problem = {
                fmt::format("記錄只到第 {} 項，但鏈頭記下第 {} 項：最新的記錄被刪除", previous.sequence, head.sequence),
                fmt::format("the log ends at entry {} but its head names entry {}: the newest entries were removed",
                            previous.sequence, head.sequence)};
        } else {
            result.problem = {fmt::format("第 {} 項的雜湊與鏈頭記下的不符：鏈頭或該項被改動", previous.sequence),
                              fmt::format("entry {} does not carry the hash its head records: the head or the entry "
                                          "was changed",
                                          previous.sequence)};
        }
        return result;
    });
}

}  // namespace dplan
