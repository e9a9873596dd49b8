#include "storage/review_repository.hpp"

#include <fmt/format.h>

#include "domain/timestamp.hpp"

namespace dplan {

namespace {

// Comments come in bursts while a plan is under review: kept prepared (SQLite).
struct CommentInsert final : KeptStatement {
    long long id = 0, plan = 0, author = 0, point = 0, parent = 0;
    int revision = 0;
    std::string area, kind, created_at, body;
    soci::indicator area_flag = soci::i_ok, point_flag = soci::i_ok, parent_flag = soci::i_ok;
    soci::statement statement;
    explicit CommentInsert(soci::session& session)
        : statement((session.prepare << "INSERT INTO review_comments (id, plan_id, revision, area_id, focus_point_id, "
                                        "parent_id, kind, author_id, created_at, body) VALUES (:id, :plan, :revision, "
                                        ":area, :point, :parent, :kind, :author, :created, :body)",
                     soci::use(id), soci::use(plan), soci::use(revision), soci::use(area, area_flag),
                     soci::use(point, point_flag), soci::use(parent, parent_flag), soci::use(kind), soci::use(author),
                     soci::use(created_at), soci::use(body))) {}
};

}  // namespace

TurnRead ReviewRepository::next_comment_id_read() {
    return {"SELECT COALESCE(MAX(id), 0) + 1 FROM review_comments", {}, true};
}

std::int64_t ReviewRepository::next_comment_id_from(const std::optional<BatchRow>& row) {
    if (!row || row->empty() || !(*row)[0]) {
        throw StorageError({"內部錯誤：讀不到下一則評論的編號；資料未有改動",
                            "internal error: the next comment's id could not be read; nothing was changed"});
    }
    return std::stoll(*(*row)[0]);
}

void ReviewRepository::add_comment(const ReviewComment& comment, std::int64_t id) {
    db_.write("add review comment", [&] {
        const std::string created_at = now_utc_iso8601();
        if (db_.dialect() == Dialect::mysql) {
            const auto number_or_null = [](const auto& value) {
                return value ? fmt::format("{}", *value) : std::string("NULL");
            };
            db_.send_row_with_commit(
                "INSERT INTO review_comments (id, plan_id, revision, area_id, focus_point_id, parent_id, kind, "
                "author_id, created_at, body) VALUES",
                fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, {}, {})", id, comment.plan_id, comment.revision,
                            comment.area_id ? db_.quoted(*comment.area_id) : "NULL",
                            number_or_null(comment.focus_point_id), number_or_null(comment.parent_id),
                            db_.quoted(comment_kind_code(comment.kind)), comment.author_id, db_.quoted(created_at),
                            db_.quoted(comment.body)));
            return;
        }
        auto& insert = db_.kept<CommentInsert>();
        insert.id = id;
        insert.plan = comment.plan_id;
        insert.revision = comment.revision;
        insert.area = comment.area_id.value_or("");
        insert.area_flag = comment.area_id ? soci::i_ok : soci::i_null;
        insert.point = comment.focus_point_id.value_or(0);
        insert.point_flag = comment.focus_point_id ? soci::i_ok : soci::i_null;
        insert.parent = comment.parent_id.value_or(0);
        insert.parent_flag = comment.parent_id ? soci::i_ok : soci::i_null;
        insert.kind = comment_kind_code(comment.kind);
        insert.author = comment.author_id;
        insert.created_at = created_at;
        insert.body = comment.body;
        db_.run_kept(insert.statement);
        std::string().swap(insert.body);  // a kept copy would hold the largest comment for good
    });
}

std::vector<ReviewComment> ReviewRepository::select_comments(const std::string& where, long long key) {
    long long id = 0, plan = 0, point = 0, parent = 0, author = 0;
    soci::indicator area_flag = soci::i_ok, point_flag = soci::i_ok, parent_flag = soci::i_ok;
    std::string area, kind;
    ReviewComment row;
    std::vector<ReviewComment> result;
    // `where` is one of two fixed conditions chosen by the callers below; the key is bound.
    soci::statement query =
        (db_.session().prepare << "SELECT c.id, c.plan_id, c.revision, c.area_id, c.focus_point_id, c.parent_id, "
                                  "c.kind, c.author_id, u.display_name, c.created_at, c.body FROM review_comments c "
                                  "JOIN users u ON u.id = c.author_id WHERE " +
                                      where + " ORDER BY c.id",
         soci::use(key), soci::into(id), soci::into(plan), soci::into(row.revision), soci::into(area, area_flag),
         soci::into(point, point_flag), soci::into(parent, parent_flag), soci::into(kind), soci::into(author),
         soci::into(row.author_name), soci::into(row.created_at), soci::into(row.body));
    query.execute();
    while (query.fetch()) {
        row.id = id;
        row.plan_id = plan;
        row.area_id = area_flag == soci::i_ok ? std::optional<std::string>(area) : std::nullopt;
        row.focus_point_id = point_flag == soci::i_ok ? std::optional<std::int64_t>(point) : std::nullopt;
        row.parent_id = parent_flag == soci::i_ok ? std::optional<std::int64_t>(parent) : std::nullopt;
        row.kind = parse_comment_kind(kind).value_or(CommentKind::comment);
        row.author_id = author;
        result.push_back(row);
    }
    return result;
}

std::optional<ReviewComment> ReviewRepository::find_comment(std::int64_t id) {
    return db_.read("read review comment", [&]() -> std::optional<ReviewComment> {
        auto found = select_comments("c.id = :key", id);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<ReviewComment> ReviewRepository::comments(std::int64_t plan_id) {
    return db_.read("list review comments", [&] { return select_comments("c.plan_id = :key", plan_id); });
}

std::int64_t ReviewRepository::add_decision(const Decision& decision) {
    return db_.write("record decision", [&] {
        const long long plan = decision.plan_id;
        const long long recorder = decision.recorded_by;
        const std::string outcome(status_code(decision.outcome));
        const std::string now = now_utc_iso8601();
        db_.session() << "INSERT INTO plan_decisions (plan_id, revision, outcome, decided_on, meeting_ref, note, "
                         "recorded_by, recorded_at) VALUES (:plan, :revision, :outcome, :decided_on, :meeting, "
                         ":note, :recorder, :recorded_at)",
            soci::use(plan), soci::use(decision.revision), soci::use(outcome), soci::use(decision.decided_on),
            soci::use(decision.meeting_ref), soci::use(decision.note), soci::use(recorder), soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("plan_decisions", id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<Decision> ReviewRepository::decisions(std::int64_t plan_id) {
    return db_.read("list decisions", [&] {
        const long long key = plan_id;
        long long id = 0, recorder = 0;
        std::string outcome;
        Decision row;
        std::vector<Decision> result;
        soci::statement query =
            (db_.session().prepare << "SELECT d.id, d.revision, d.outcome, d.decided_on, d.meeting_ref, d.note, "
                                      "d.recorded_by, u.display_name, d.recorded_at FROM plan_decisions d "
                                      "JOIN users u ON u.id = d.recorded_by WHERE d.plan_id = :plan ORDER BY d.id",
             soci::use(key), soci::into(id), soci::into(row.revision), soci::into(outcome), soci::into(row.decided_on),
             soci::into(row.meeting_ref), soci::into(row.note), soci::into(recorder), soci::into(row.recorder_name),
             soci::into(row.recorded_at));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.plan_id = plan_id;
            row.outcome = parse_status(outcome).value_or(PlanStatus::noted);
            row.recorded_by = recorder;
            result.push_back(row);
        }
        return result;
    });
}

}  // namespace dplan
