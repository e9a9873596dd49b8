// Plans: listing, reading, editing (with If-Match), revisions and diffs, review comments, the
// workflow's steps and the committee paper as PDF.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "domain/plan_json.hpp"
#include "domain/plan_status.hpp"
#include "domain/review.hpp"
#include "server/api.hpp"
#include "server/api_error.hpp"
#include "server/json_views.hpp"
#include "services/paper_pdf.hpp"

namespace dplan::server {

namespace {

std::string etag(int version) { return fmt::format("\"{}\"", version); }

ApiResponse plan_answer(const Plan& plan, int status = 200) {
    ApiResponse response;
    response.status = status;
    response.body = plan_to_json(plan);
    response.etag = etag(plan.version);
    return response;
}

ApiResponse probe_plan(RouteContext& context) {
    const auto plan = context.services.plans().rendered(context.id());
    ApiResponse response;
    response.body = plan->json;
    response.etag = etag(plan->plan.version);
    return response;
}

ApiResponse list_plans(RouteContext& context) {
    PlanFilter filter;
    if (const auto district = context.query("district")) {
        filter.district_id = context.services.districts().find(*district).id;
    }
    filter.financial_year = context.query("year");
    auto list = nlohmann::json::array();
    for (const auto& plan : context.services.plans().list(filter)) list.push_back(plan_summary_json(plan));
    return json_response(list);
}

ApiResponse create_plan(RouteContext& context) {
    const auto& body = context.body();
    Plan draft;
    draft.district_id = context.services.districts().find(required_string(body, "district")).id;
    draft.financial_year = required_string(body, "financial_year");
    draft.theme = {optional_string(body, "theme_zh").value_or(""), optional_string(body, "theme_en").value_or("")};
    auto plans = context.services.plans();
    const auto id = plans.create(draft, "新計劃 / New plan");
    return plan_answer(plans.get(id), 201);
}

// The whole plan in its JSON form (docs/plan-json.md), as GET answers it, saved over the stored
// one if If-Match still names the stored version; otherwise 412 with the current version.
ApiResponse save_plan(RouteContext& context) {
    const int seen = context.if_match_version();
    Plan plan = plan_from_json(context.request.body);
    plan.id = context.id();
    plan.version = seen;
    auto plans = context.services.plans();
    const std::string reason = context.query("reason").value_or("經協作伺服器修改 / Edited through the server");
    try {
        plans.save(plan, reason);
    } catch (const Conflict& e) {
        auto response = error_response(412, "version_conflict", e.message());
        response.etag = etag(plans.get(plan.id).version);
        return response;
    }
    return plan_answer(plans.get(plan.id));
}

ApiResponse revisions(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& revision : context.services.plans().history(context.id()).revisions) {
        list.push_back(revision_json(revision));
    }
    return json_response(list);
}

ApiResponse revision(RouteContext& context) {
    ApiResponse response;
    response.body = plan_to_json(context.services.plans().revision(context.id(), context.number("number")));
    return response;
}

ApiResponse diff(RouteContext& context) {
    auto list = nlohmann::json::array();
    for (const auto& change : context.services.plans().diff(context.id(), context.whole_number_query("from", 0),
                                                            context.whole_number_query("to", 0))) {
        list.push_back({{"where", bilingual_json(change.where)}, {"what", bilingual_json(change.what)}});
    }
    return json_response(list);
}

ApiResponse review(RouteContext& context) {
    const auto review = context.services.plans().review(context.id());
    auto comments = nlohmann::json::array();
    for (const auto& comment : review.comments) comments.push_back(comment_json(comment));
    auto decisions = nlohmann::json::array();
    for (const auto& decision : review.decisions) decisions.push_back(decision_json(decision));
    return json_response({{"plan_id", review.plan.id},
                          {"status", status_code(review.plan.status)},
                          {"comments", comments},
                          {"decisions", decisions}});
}

ApiResponse comment(RouteContext& context) {
    const auto& body = context.body();
    CommentTarget target{optional_string(body, "area_id"), optional_id(body, "focus_point_id")};
    const auto id = context.services.plans().comment(context.id(), target, required_string(body, "body"));
    return json_response({{"id", id}}, 201);
}

ApiResponse submit(RouteContext& context) {
    auto plans = context.services.plans();
    plans.submit(context.id());
    return plan_answer(plans.get(context.id()));
}

ApiResponse start_review(RouteContext& context) {
    auto plans = context.services.plans();
    plans.start_review(context.id());
    return plan_answer(plans.get(context.id()));
}

ApiResponse decide(RouteContext& context) {
    const auto& body = context.body();
    const auto outcome = *parse_status(required_choice(body, "outcome", {"noted", "endorsed", "returned"}));
    auto plans = context.services.plans();
    plans.decide(context.id(), outcome, required_string(body, "decided_on"),
                 optional_string(body, "meeting_ref").value_or(""), optional_string(body, "note").value_or(""));
    return plan_answer(plans.get(context.id()));
}

ApiResponse add_section(RouteContext& context) {
    auto plans = context.services.plans();
    plans.add_area(context.id(), required_string(context.body(), "area_id"),
                   context.query("reason").value_or("加入服務範疇 / Service area added"));
    return plan_answer(plans.get(context.id()), 201);
}

ApiResponse respond_to_comment(RouteContext& context) {
    const auto& body = context.body();
    const auto kind = *parse_comment_kind(required_choice(body, "kind", {"reply", "resolution", "correction"}));
    const auto id = context.services.plans().respond(context.id(), kind, required_string(body, "body"));
    return json_response({{"id", id}}, 201);
}

// A comment's plan is not in its path: a comment the caller may not act on is not theirs to
// know about either.
ApiResponse comment_is_private(RouteContext&) { throw NotFound({"找不到", "not found"}); }

// The PDF writer writes files (all or nothing); the answer carries the bytes of a private
// temporary one.
std::string pdf_bytes(const std::vector<PaperBlock>& blocks) {
    const auto file =
        std::filesystem::temp_directory_path() /
        fmt::format("dplan-paper-{}-{}.pdf", ::getpid(), std::hash<std::thread::id>{}(std::this_thread::get_id()));
    write_paper_pdf(blocks, file);
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(file);
    return bytes;
}

ApiResponse paper_pdf(RouteContext& context) {
    const std::string language = context.query("language").value_or("zh");
    if (language != "zh" && language != "en") {
        throw ApiError(400, "invalid_query",
                       {"查詢參數 language 須為 zh 或 en", "query parameter language must be zh or en"});
    }
    auto plans = context.services.plans();
    const auto blocks = plans.paper(context.id(), language == "zh" ? PaperLanguage::zh : PaperLanguage::en);
    ApiResponse response;
    response.content_type = "application/pdf";
    response.body = pdf_bytes(blocks);
    response.content_disposition = fmt::format("attachment; filename=\"plan-{}-{}.pdf\"", context.id(), language);
    return response;
}

}  // namespace

void add_plan_routes(Router& router) {
    router.add({"GET", "/api/plans", true, list_plans});
    router.add({"POST", "/api/plans", true, create_plan});
    router.add({"GET", "/api/plans/{id}", true, probe_plan, probe_plan});
    router.add({"PUT", "/api/plans/{id}", true, save_plan, probe_plan});
    router.add({"GET", "/api/plans/{id}/revisions", true, revisions, probe_plan});
    router.add({"GET", "/api/plans/{id}/revisions/{number}", true, revision, probe_plan});
    router.add({"GET", "/api/plans/{id}/diff", true, diff, probe_plan});
    router.add({"GET", "/api/plans/{id}/review", true, review, probe_plan});
    router.add({"POST", "/api/plans/{id}/comments", true, comment, probe_plan});
    router.add({"POST", "/api/plans/{id}/submit", true, submit, probe_plan});
    router.add({"POST", "/api/plans/{id}/start-review", true, start_review, probe_plan});
    router.add({"GET", "/api/plans/{id}/paper.pdf", true, paper_pdf, probe_plan});
    router.add({"POST", "/api/plans/{id}/decision", true, decide, probe_plan});
    router.add({"POST", "/api/plans/{id}/sections", true, add_section, probe_plan});
    router.add({"POST", "/api/comments/{id}/responses", true, respond_to_comment, comment_is_private});
}

}  // namespace dplan::server
