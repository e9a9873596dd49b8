// dplan plan list | show
#include <fmt/format.h>

#include <ostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/findings_text.hpp"
#include "cli/plan_text.hpp"
#include "storage/district_repository.hpp"
#include "services/plan_validation.hpp"
#include "storage/plan_repository.hpp"

namespace dplan::cli {

namespace {

struct ListOptions {
    std::string district;
    std::string year;
};

void list_plans(Context& context, const ListOptions& options) {
    Database& database = context.database(OpenMode::must_exist);
    PlanFilter filter;
    if (!options.district.empty()) {
        auto district = DistrictRepository(database).find_by_code(options.district);
        if (!district) {
            throw NotFound({fmt::format("找不到地區「{}」", options.district),
                            fmt::format("no district with code '{}'", options.district)});
        }
        filter.district_id = district->id;
    }
    if (!options.year.empty()) filter.financial_year = options.year;
    const auto plans = PlanRepository(database).list(filter);
    if (plans.empty()) {
        context.out << context.pick({"沒有計劃。可用 dplan demo 載入示範計劃。",
                                     "No plans. 'dplan demo' loads a demo plan."})
                    << '\n';
        return;
    }
    for (const auto& plan : plans) {
        context.out << fmt::format("{:>5}  {}  {}  {}  {}", plan.id, plan.financial_year,
                                   context.pick(plan.district_name), context.pick(status_name(plan.status)),
                                   context.pick(plan.theme))
                    << '\n';
    }
}

}  // namespace

void register_plan_commands(CLI::App& app, Context& context) {
    auto* plan = app.add_subcommand("plan", "Annual district welfare plans / 年度福利工作計劃");
    plan->require_subcommand(1);

    auto list_options = std::make_shared<ListOptions>();
    auto* list = plan->add_subcommand("list", "List plans / 列出計劃");
    list->add_option("--district", list_options->district, "District code, e.g. riverside / 地區代號");
    list->add_option("--year", list_options->year, "Financial year, e.g. 2024-25 / 財政年度");
    list->callback([&context, list_options] { list_plans(context, *list_options); });

    auto plan_id = std::make_shared<std::int64_t>(0);
    auto* show = plan->add_subcommand("show", "Show a plan in full / 顯示計劃全文");
    show->add_option("ID", *plan_id, "Plan id (see 'dplan plan list') / 計劃編號")->required();
    show->callback([&context, plan_id] {
        Database& database = context.database(OpenMode::must_exist);
        const Plan plan = PlanRepository(database).get(*plan_id);
        const District district = DistrictRepository(database).get(plan.district_id);
        context.out << plan_as_text(context, plan, district,
                                    [&context](const std::string& area) { return context.area_name(area); });
    });

    auto validate_id = std::make_shared<std::int64_t>(0);
    auto* validate = plan->add_subcommand(
        "validate", "Run every service-area plugin's checks over a plan / 檢查計劃");
    validate->add_option("ID", *validate_id, "Plan id / 計劃編號")->required();
    validate->callback([&context, validate_id] {
        Database& database = context.database(OpenMode::must_exist);
        const Plan plan = PlanRepository(database).get(*validate_id);
        const auto findings = validate_plan(plan, context.plugins());
        if (findings.empty()) {
            context.out << context.pick({"沒有發現問題。", "No findings."}) << '\n';
            return;
        }
        context.out << findings_as_text(context, findings);
        if (has_errors(findings)) {
            context.out << context.pick({"有錯誤：修正前不能提交此計劃。",
                                         "There are errors: the plan cannot be submitted until they are fixed."})
                        << '\n';
            throw ExitWith{exit_findings};
        }
    });
}

}  // namespace dplan::cli
