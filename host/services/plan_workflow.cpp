#include "services/plan_workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "domain/error.hpp"
#include "services/permissions.hpp"
#include "services/plan_validation.hpp"
#include "storage/plan_repository.hpp"
#include "storage/review_repository.hpp"

namespace dplan {

namespace {

constexpr std::string_view standard_area_order[] = {"family", "elderly", "rehabilitation", "youth", "volunteer"};

std::size_t area_rank(const std::string& id) {
    const auto found = std::find(std::begin(standard_area_order), std::end(standard_area_order), id);
    return static_cast<std::size_t>(found - std::begin(standard_area_order));
}

[[noreturn]] void illegal_transition(const Plan& plan, std::string_view zh_action, std::string_view en_action,
                                     std::string_view zh_allowed, std::string_view en_allowed) {
    throw InvalidInput({fmt::format("計劃 {} 的狀態為「{}」，不能{}；只有{}的計劃可以", plan.id,
                                    status_name(plan.status).zh, zh_action, zh_allowed),
                        fmt::format("plan {} is {}, so it cannot be {}; only {} plans can", plan.id,
                                    status_name(plan.status).en, en_action, en_allowed)});
}

void require_text(const std::string& body) {
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw InvalidInput({"內容不可留空", "the text must not be empty"});
    }
}

}  // namespace

void require_iso_date(const std::string& date) {
    using namespace std::chrono;
    int y = 0;
    unsigned m = 0, d = 0;
    const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                        std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3;
    if (!shaped || !year_month_day{year{y}, month{m}, day{d}}.ok()) {
        throw InvalidInput({fmt::format("日期「{}」不正確，應為 YYYY-MM-DD，例如 2024-06-18", date),
                            fmt::format("date '{}' is not valid; expected YYYY-MM-DD, e.g. 2024-06-18", date)});
    }
}

PlanWorkflow::PlanWorkflow(Database& db, plugins::PluginRegistry& plugins, User actor)
    : db_(db), plugins_(plugins), actor_(std::move(actor)) {}

Plan PlanWorkflow::load(std::int64_t plan_id) { return PlanRepository(db_).get(plan_id); }

Plan PlanWorkflow::get(std::int64_t plan_id) {
    Plan plan = load(plan_id);
    require(actor_, PlanAction::read, plan);
    return plan;
}

std::int64_t PlanWorkflow::create(Plan draft, const std::string& reason) {
    draft.status = PlanStatus::draft;
    require(actor_, PlanAction::edit, draft);
    if (draft.sections.empty()) {
        std::vector<const plugins::LoadedPlugin*> areas;
        for (const auto& plugin : plugins_.loaded()) {
            if (plugin->area()) areas.push_back(plugin.get());
        }
        std::stable_sort(areas.begin(), areas.end(), [](const auto* a, const auto* b) {
            return area_rank(a->area()->id) < area_rank(b->area()->id);
        });
        for (const auto* plugin : areas) draft.sections.push_back({0, plugin->area()->id, {}, {}});
    }
    return PlanRepository(db_).create(draft, actor_.id, reason);
}

int PlanWorkflow::save(const Plan& plan, const std::string& reason) {
    const Plan stored = load(plan.id);
    require(actor_, PlanAction::edit, stored);
    require_text(reason);
    return PlanRepository(db_).save(plan, actor_.id, reason);
}

void PlanWorkflow::submit(std::int64_t plan_id) {
    const Plan plan = load(plan_id);
    require(actor_, PlanAction::submit, plan);
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
    PlanRepository(db_).change_status(plan_id, plan.status, PlanStatus::submitted, actor_.id, true);
}

void PlanWorkflow::start_review(std::int64_t plan_id) {
    const Plan plan = load(plan_id);
    require(actor_, PlanAction::review, plan);
    if (plan.status != PlanStatus::submitted) {
        illegal_transition(plan, "開始審閱", "put under review", "已提交", "submitted");
    }
    PlanRepository(db_).change_status(plan_id, plan.status, PlanStatus::under_review, actor_.id, false);
}

std::int64_t PlanWorkflow::comment(std::int64_t plan_id, const CommentTarget& target, const std::string& body) {
    const Plan plan = load(plan_id);
    require(actor_, PlanAction::comment, plan);
    require_text(body);
    if (plan.status == PlanStatus::draft) {
        illegal_transition(plan, "接受審閱評論", "commented on", "已提交", "submitted");
    }
    if (target.focus_point_id && !target.area_id) {
        throw InvalidInput({"評論工作計劃重點時須同時指明服務範疇", "a comment on a focus point must name its area"});
    }
    if (target.area_id) {
        const PlanSection* section = plan.section(*target.area_id);
        if (section == nullptr) {
            throw InvalidInput({fmt::format("計劃 {} 沒有「{}」部分", plan_id, *target.area_id),
                                fmt::format("plan {} has no section '{}'", plan_id, *target.area_id)});
        }
        if (target.focus_point_id &&
            std::none_of(section->focus_points.begin(), section->focus_points.end(),
                         [&](const FocusPoint& p) { return p.id == *target.focus_point_id; })) {
            throw InvalidInput(
                {fmt::format("「{}」部分沒有編號 {} 的工作計劃重點", *target.area_id, *target.focus_point_id),
                 fmt::format("section '{}' has no focus point {}", *target.area_id, *target.focus_point_id)});
        }
    }
    ReviewComment comment;
    comment.plan_id = plan_id;
    comment.revision = plan.version;
    comment.area_id = target.area_id;
    comment.focus_point_id = target.focus_point_id;
    comment.kind = CommentKind::comment;
    comment.author_id = actor_.id;
    comment.body = body;
    return ReviewRepository(db_).add_comment(comment);
}

std::int64_t PlanWorkflow::respond(std::int64_t comment_id, CommentKind kind, const std::string& body) {
    ReviewRepository reviews(db_);
    const auto parent = reviews.find_comment(comment_id);
    if (!parent) {
        throw NotFound({fmt::format("找不到編號 {} 的評論", comment_id), fmt::format("no comment with id {}", comment_id)});
    }
    const Plan plan = load(parent->plan_id);
    require(actor_, PlanAction::comment, plan);
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
    return reviews.add_comment(response);
}

std::int64_t PlanWorkflow::decide(std::int64_t plan_id, PlanStatus outcome, const std::string& decided_on,
                                  const std::string& meeting_ref, const std::string& note) {
    const Plan plan = load(plan_id);
    require(actor_, PlanAction::decide, plan);
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
        return id;
    });
}

}  // namespace dplan
