#include "services/plan_workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "domain/error.hpp"
#include "domain/period.hpp"
#include "domain/plan_json.hpp"
#include "plugins/utf8.hpp"
#include "services/audit_trail.hpp"
#include "services/authorization.hpp"
#include "services/plan_validation.hpp"
#include "services/read_cache.hpp"
#include "services/service_areas.hpp"
#include "services/subjects.hpp"
#include "storage/database.hpp"
#include "storage/district_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/review_repository.hpp"

namespace dplan {

namespace {

// `plan`: a Plan or a PlanSummary.
[[noreturn]] void illegal_transition(const auto& plan, std::string_view zh_action, std::string_view en_action,
                                     std::string_view zh_allowed, std::string_view en_allowed) {
    throw InvalidInput({fmt::format("計劃 {} 的狀態為「{}」，不能{}；只有{}的計劃可以", plan.id,
                                    status_name(plan.status).zh, zh_action, zh_allowed),
                        fmt::format("plan {} is {}, so it cannot be {}; only {} plans can", plan.id,
                                    status_name(plan.status).en, en_action, en_allowed)});
}

// A comment, reply or reason: not empty, UTF-8, and short enough for every database to store:
// MariaDB's TEXT holds 65,535 bytes, which 20,000 characters of Chinese (3 bytes each) fit, but not
// 20,000 emoji (4 bytes each). Text from a terminal set to Big5 is refused here, where MariaDB
// would refuse it with a message about its length and SQLite would keep bytes no one can read.
void require_text(const std::string& body) {
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw InvalidInput({"內容不可留空", "the text must not be empty"});
    }
    if (!plugins::is_valid_utf8(body)) {
        throw InvalidInput({"內容不是有效的 UTF-8 文字；請把終端機或檔案設為 UTF-8 後再試",
                            "the text is not valid UTF-8; set the terminal or file to UTF-8 and try again"});
    }
    constexpr std::size_t most_characters = 20000, most_bytes = 65535;
    const auto characters = static_cast<std::size_t>(
        std::count_if(body.begin(), body.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    if (characters > most_characters) {
        throw InvalidInput({fmt::format("內容有 {} 個字，上限為 {} 個字；請縮短後再試", characters, most_characters),
                            fmt::format("the text has {} characters; at most {} are allowed, shorten it and try again",
                                        characters, most_characters)});
    }
    if (body.size() > most_bytes) {
        throw InvalidInput(
            {fmt::format("內容佔 {} 位元組，上限為 {}（表情符號及罕用字每個佔 4 位元組）；請縮短後再試", body.size(),
                         most_bytes),
             fmt::format(
                 "the text takes {} bytes; at most {} fit (emoji and rare characters take 4 bytes each), shorten "
                 "it and try again",
                 body.size(), most_bytes)});
    }
}

nlohmann::json plan_fields(const Plan& plan) { return nlohmann::json::parse(plan_to_json(plan)); }

std::string status_change(PlanStatus from, PlanStatus to) {
    return changed_fields({{"status", status_code(from)}}, {{"status", status_code(to)}});
}

nlohmann::json comment_fields(const ReviewComment& comment) {
    return {{"plan_id", comment.plan_id},
            {"revision", comment.revision},
            {"area_id", audit_value(comment.area_id)},
            {"focus_point_id", audit_value(comment.focus_point_id)},
            {"parent_id", audit_value(comment.parent_id)},
            {"kind", comment_kind_code(comment.kind)},
            {"body", comment.body}};
}

// The section and focus point a comment names exist in the plan.
void require_comment_target(const Plan& plan, const CommentTarget& target) {
    const PlanSection* section = plan.section(*target.area_id);
    if (section == nullptr) {
        throw InvalidInput({fmt::format("計劃 {} 沒有「{}」部分", plan.id, *target.area_id),
                            fmt::format("plan {} has no section '{}'", plan.id, *target.area_id)});
    }
    if (target.focus_point_id && std::none_of(section->focus_points.begin(), section->focus_points.end(),
                                              [&](const FocusPoint& p) { return p.id == *target.focus_point_id; })) {
        throw InvalidInput(
            {fmt::format("「{}」部分沒有編號 {} 的工作計劃重點", *target.area_id, *target.focus_point_id),
             fmt::format("section '{}' has no focus point {}", *target.area_id, *target.focus_point_id)});
    }
}

}  // namespace

PlanWorkflow::PlanWorkflow(Database& db, plugins::PluginRegistry& plugins, User actor, ReadCache* cache)
    : db_(db), plugins_(plugins), actor_(std::move(actor)), cache_(cache) {}

Plan PlanWorkflow::load(std::int64_t plan_id) { return PlanRepository(db_).get(plan_id); }

Plan PlanWorkflow::readable(std::int64_t plan_id) {
    Plan plan = load(plan_id);
    authorize(actor_, Operation::read_plan, plan_subject(plan));
    return plan;
}

std::vector<PlanSummary> PlanWorkflow::list(PlanFilter filter) {
    filter.scope = authorize_list(actor_, Operation::list_plans);
    return PlanRepository(db_).list(filter);
}

Plan PlanWorkflow::get(std::int64_t plan_id) { return readable(plan_id); }

std::shared_ptr<const RenderedPlan> PlanWorkflow::rendered(std::int64_t plan_id) {
    auto rendered = cache_ != nullptr ? cache_->plans().find(plan_id) : nullptr;
    if (!rendered) {
        const auto generation = cache_ != nullptr ? cache_->plans().generation() : std::nullopt;
        Plan plan = load(plan_id);
        std::string json = plan_to_json(plan);
        rendered = std::make_shared<const RenderedPlan>(RenderedPlan{std::move(plan), std::move(json)});
        if (generation) cache_->plans().keep(plan_id, rendered, *generation);
    }
    authorize(actor_, Operation::read_plan, plan_subject(rendered->plan));
    return rendered;
}

District PlanWorkflow::district_of(const Plan& plan) {
    authorize(actor_, Operation::read_plan, plan_subject(plan));
    return DistrictRepository(db_).get(plan.district_id);
}

PlanHistory PlanWorkflow::history(std::int64_t plan_id) {
    readable(plan_id);
    PlanRepository plans(db_);
    return {plans.revisions(plan_id), plans.status_changes(plan_id), ReviewRepository(db_).decisions(plan_id)};
}

Plan PlanWorkflow::revision(std::int64_t plan_id, int number) {
    readable(plan_id);
    return PlanRepository(db_).revision(plan_id, number);
}

std::vector<PlanChange> PlanWorkflow::diff(std::int64_t plan_id, int from, int to) {
    const Plan current = readable(plan_id);
    if (to == 0) to = current.version;
    if (from == 0) from = std::max(1, to - 1);
    PlanRepository plans(db_);
    return diff_plans(plans.revision(plan_id, from), plans.revision(plan_id, to));
}

PlanReview PlanWorkflow::review(std::int64_t plan_id) {
    Plan plan = readable(plan_id);
    ReviewRepository reviews(db_);
    return {std::move(plan), reviews.comments(plan_id), reviews.decisions(plan_id)};
}

std::vector<plugins::Finding> PlanWorkflow::findings(std::int64_t plan_id) {
    return validate_stored_plan(db_, readable(plan_id), plugins_);
}

std::vector<RenderedPanel> PlanWorkflow::panels(std::int64_t plan_id) {
    return render_panels(db_, readable(plan_id), plugins_);
}

std::vector<PaperBlock> PlanWorkflow::paper(std::int64_t plan_id, PaperLanguage language) {
    const Plan plan = readable(plan_id);
    return committee_paper(plan, DistrictRepository(db_).get(plan.district_id), plugins_, language);
}

std::int64_t PlanWorkflow::create(Plan draft, const std::string& reason) {
    draft.status = PlanStatus::draft;
    authorize(actor_, Operation::create_plan, district_subject(draft.district_id));
    // Whom the paper goes to and from, unless the draft (an imported paper) already says.
    const District district = DistrictRepository(db_).get(draft.district_id);
    for (auto [given, fallback] :
         {std::pair{&draft.council, &district.council}, std::pair{&draft.committee, &district.committee},
          std::pair{&draft.office, &district.office}}) {
        if (given->empty()) {
            *given = *fallback;
        } else if (given->en.empty() && given->zh == fallback->zh) {
            given->en = fallback->en;  // a Chinese paper names the default: its English name is known
        } else if (given->zh.empty() && given->en == fallback->en) {
            given->zh = fallback->zh;
        }
    }
    if (draft.sections.empty()) {
        for (const auto* plugin : service_area_plugins(plugins_))
            draft.sections.push_back({0, plugin->area()->id, {}, {}});
    }
    return db_.write("create plan", [&] {
        const auto id = PlanRepository(db_).create(draft, actor_.id, reason);
        record_audit(db_, actor_,
                     {"create plan", "plan", std::to_string(id), changed_fields(nullptr, plan_fields(load(id)))});
        return id;
    });
}

int PlanWorkflow::save_audited(const Plan& stored, const Plan& wanted, const std::string& reason) {
    return db_.write(fmt::format("save plan {}", wanted.id), [&] {
        const int version = PlanRepository(db_).save(wanted, actor_.id, reason);
        auto changes = nlohmann::json::parse(changed_fields(plan_fields(stored), plan_fields(load(wanted.id))));
        changes["/reason"] = {{"before", nullptr}, {"after", reason}};
        record_audit(db_, actor_, {"save plan", "plan", std::to_string(wanted.id), changes.dump()});
        return version;
    });
}

void PlanWorkflow::change_status_audited(const Plan& plan, PlanStatus to, bool freeze) {
    db_.write(fmt::format("change status of plan {}", plan.id), [&] {
        PlanRepository(db_).change_status(plan.id, plan.status, to, actor_.id, freeze);
        record_audit(db_, actor_,
                     {"change plan status", "plan", std::to_string(plan.id), status_change(plan.status, to)});
    });
}

ImportedPaper PlanWorkflow::import_paper(std::string_view text, const std::string& file_name,
                                         const std::string& district_code, const std::string& financial_year) {
    std::vector<AreaHeadings> areas;
    for (const auto* plugin : service_area_plugins(plugins_)) {
        areas.push_back({plugin->area()->id, plugin->area()->heading_synonyms});
    }
    ImportedPaper imported{0, import_paper_text(text, areas)};
    if (!financial_year.empty()) imported.paper.plan.financial_year = financial_year;
    DistrictRepository districts(db_);
    const std::string& named = imported.paper.district_name;
    auto district = district_code.empty() ? districts.find_by_name(named) : districts.find_by_code(district_code);
    if (!district) {
        const std::string which = district_code.empty() ? named : district_code;
        throw NotFound({fmt::format("資料庫中沒有地區「{}」；請以 --district 指定地區代號", which),
                        fmt::format("district '{}' is not in the database; name one with --district CODE", which)});
    }
    imported.paper.plan.district_id = district->id;
    imported.plan_id = create(imported.paper.plan, fmt::format("從 {0} 匯入 / Imported from {0}", file_name));
    return imported;
}

std::int64_t PlanWorkflow::import_json(std::string_view json, const std::string& file_name,
                                       const std::string& district_code, const std::string& financial_year) {
    Plan plan = plan_from_json(json);
    DistrictRepository districts(db_);
    plan.district_id =
        district_code.empty() ? districts.get(plan.district_id).id : districts.get_by_code(district_code).id;
    if (!financial_year.empty()) plan.financial_year = financial_year;
    // A new draft: ids, status and version are this database's to give.
    plan.status = PlanStatus::draft;
    for (auto& section : plan.sections) {
        section.id = 0;
        for (auto& point : section.focus_points) point.id = 0;
    }
    return create(plan, fmt::format("從 {0} 匯入 / Imported from {0}", file_name));
}

int PlanWorkflow::save(const Plan& plan, const std::string& reason) {
    const Plan stored = load(plan.id);
    authorize(actor_, Operation::edit_plan, plan_subject(stored));
    require_text(reason);
    return save_audited(stored, plan, reason);
}

int PlanWorkflow::add_area(std::int64_t plan_id, const std::string& area_id, const std::string& reason) {
    Plan plan = load(plan_id);
    authorize(actor_, Operation::edit_plan, plan_subject(plan));
    if (plan.status != PlanStatus::draft && plan.status != PlanStatus::returned) {
        illegal_transition(plan, "加入服務範疇", "given a new service area", "草擬中或發還修訂", "draft or returned");
    }
    if (plan.section(area_id) != nullptr) {
        throw InvalidInput({fmt::format("計劃 {} 已有「{}」範疇的部分", plan_id, area_id),
                            fmt::format("plan {} already has a section for service area '{}'", plan_id, area_id)});
    }
    if (plugins_.find_area(area_id) == nullptr) {
        std::vector<std::string> loaded;
        for (const auto* plugin : service_area_plugins(plugins_)) loaded.push_back(plugin->area()->id);
        throw InvalidInput(
            {fmt::format("沒有已載入的外掛提供服務範疇「{}」；可加入的範疇：「{}」（見 dplan plugins list）", area_id,
                         fmt::join(loaded, "」、「")),
             fmt::format("no loaded plugin provides service area '{}'; areas that can be added: {} (see 'dplan "
                         "plugins list')",
                         area_id, fmt::join(loaded, ", "))});
    }
    const Plan stored = plan;
    plan.sections.push_back({0, area_id, {}, {}});
    return save_audited(
        stored, plan, reason.empty() ? fmt::format("Added the {} section / 加入「{}」部分", area_id, area_id) : reason);
}

void PlanWorkflow::submit(std::int64_t plan_id) {
    const Plan plan = load(plan_id);
    authorize(actor_, Operation::submit_plan, plan_subject(plan));
    if (plan.status != PlanStatus::draft && plan.status != PlanStatus::returned) {
        illegal_transition(plan, "提交", "submitted", "草擬中或發還修訂", "draft or returned");
    }
    const auto findings = validate_stored_plan(db_, plan, plugins_);
    const auto errors = std::count_if(findings.begin(), findings.end(),
                                      [](const auto& f) { return f.severity == plugins::Severity::error; });
    if (errors > 0) {
        const auto first = std::find_if(findings.begin(), findings.end(),
                                        [](const auto& f) { return f.severity == plugins::Severity::error; });
        throw InvalidInput(
            {fmt::format("計劃 {} 有 {} 項錯誤，未能提交（例如 {}：{}）。請用 dplan plan validate 查看。", plan_id,
                         errors, first->area_id, first->message.zh),
             fmt::format("plan {} has {} error(s) and was not submitted (e.g. {}: {}); see 'dplan plan validate'",
                         plan_id, errors, first->area_id, first->message.en)});
    }
    change_status_audited(plan, PlanStatus::submitted, true);
}

void PlanWorkflow::start_review(std::int64_t plan_id) {
    const Plan plan = load(plan_id);
    authorize(actor_, Operation::start_review, plan_subject(plan));
    if (plan.status != PlanStatus::submitted) {
        illegal_transition(plan, "開始審閱", "put under review", "已提交", "submitted");
    }
    change_status_audited(plan, PlanStatus::under_review, false);
}

// The checks run in the write's transaction, so the plan cannot change status between them and
// the comment. The whole plan is read only when the comment names a part of it.
std::int64_t PlanWorkflow::comment(std::int64_t plan_id, const CommentTarget& target, const std::string& body) {
    const std::vector<TurnRead> reads{PlanRepository::summary_read(plan_id), ReviewRepository::next_comment_id_read()};
    return db_.write_together("add review comment", reads, [&](const Database::TurnRows& rows) {
        const PlanSummary plan = PlanRepository::summary_from(plan_id, rows.at(0));
        authorize(actor_, Operation::comment_on_plan, plan_subject(plan));
        require_text(body);
        if (plan.status == PlanStatus::draft) {
            illegal_transition(plan, "接受審閱評論", "commented on", "已提交", "submitted");
        }
        if (target.focus_point_id && !target.area_id) {
            throw InvalidInput(
                {"評論工作計劃重點時須同時指明服務範疇", "a comment on a focus point must name its area"});
        }
        if (target.area_id) require_comment_target(load(plan_id), target);
        ReviewComment comment;
        comment.plan_id = plan_id;
        comment.revision = plan.version;
        comment.area_id = target.area_id;
        comment.focus_point_id = target.focus_point_id;
        comment.kind = CommentKind::comment;
        comment.author_id = actor_.id;
        comment.body = body;
        return add_comment_audited(comment, ReviewRepository::next_comment_id_from(rows.at(1)));
    });
}

std::int64_t PlanWorkflow::respond(std::int64_t comment_id, CommentKind kind, const std::string& body) {
    ReviewRepository reviews(db_);
    const auto parent = reviews.find_comment(comment_id);
    if (!parent) {
        throw NotFound(
            {fmt::format("找不到編號 {} 的評論", comment_id), fmt::format("no comment with id {}", comment_id)});
    }
    const Plan plan = load(parent->plan_id);
    authorize(actor_, Operation::comment_on_plan, plan_subject(plan));
    require_text(body);
    if (kind == CommentKind::comment) {
        throw InvalidInput({"回應必須是回覆、解決或更正", "a response is a reply, a resolution or a correction"});
    }
    if (kind == CommentKind::correction && parent->author_id != actor_.id) {
        throw PermissionDenied({"只有評論的作者可以更正該評論", "only a comment's author may correct it"});
    }
    ReviewComment response = *parent;
    response.revision = plan.version;
    response.parent_id = comment_id;
    response.kind = kind;
    response.author_id = actor_.id;
    response.body = body;
    return db_.write_together(
        "add review comment", {ReviewRepository::next_comment_id_read()}, [&](const Database::TurnRows& rows) {
            return add_comment_audited(response, ReviewRepository::next_comment_id_from(rows.at(0)));
        });
}

std::int64_t PlanWorkflow::add_comment_audited(const ReviewComment& comment, std::int64_t id) {
    return db_.write("add review comment", [&] {
        ReviewRepository(db_).add_comment(comment, id);
        record_audit(
            db_, actor_,
            {"add review comment", "comment", std::to_string(id), changed_fields(nullptr, comment_fields(comment))});
        return id;
    });
}

std::int64_t PlanWorkflow::decide(std::int64_t plan_id, PlanStatus outcome, const std::string& decided_on,
                                  const std::string& meeting_ref, const std::string& note) {
    const Plan plan = load(plan_id);
    authorize(actor_, Operation::decide_plan, plan_subject(plan));
    if (outcome != PlanStatus::noted && outcome != PlanStatus::endorsed && outcome != PlanStatus::returned) {
        throw InvalidInput({"決定必須是備悉、通過或發還修訂", "the decision must be noted, endorsed or returned"});
    }
    require_iso_date(decided_on);
    if (plan.status != PlanStatus::submitted && plan.status != PlanStatus::under_review) {
        illegal_transition(plan, "記錄決定", "decided on", "已提交或審閱中", "submitted or under-review");
    }
    return db_.write("record decision", [&] {
        Decision decision;
        decision.plan_id = plan_id;
        decision.revision = plan.submitted_revision.value_or(plan.version);
        decision.outcome = outcome;
        decision.decided_on = decided_on;
        decision.meeting_ref = meeting_ref;
        decision.note = note;
        decision.recorded_by = actor_.id;
        const auto id = ReviewRepository(db_).add_decision(decision);
        PlanRepository(db_).change_status(plan_id, plan.status, outcome, actor_.id, false);
        record_audit(db_, actor_,
                     {"record decision", "plan", std::to_string(plan_id),
                      changed_fields({{"status", status_code(plan.status)}}, {{"status", status_code(outcome)},
                                                                              {"decision",
                                                                               {{"id", id},
                                                                                {"revision", decision.revision},
                                                                                {"decided_on", decided_on},
                                                                                {"meeting_ref", meeting_ref},
                                                                                {"note", note}}}})});
        return id;
    });
}

}  // namespace dplan
