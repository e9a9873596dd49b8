// dplan plan list | show
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/findings_text.hpp"
#include "cli/plan_text.hpp"
#include "storage/district_repository.hpp"
#include "domain/user.hpp"
#include "services/paper_import.hpp"
#include "services/permissions.hpp"
#include "services/plan_validation.hpp"
#include "services/plan_workflow.hpp"
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
    auto plans = PlanRepository(database).list(filter);
    // Only what the acting user may read.
    const User& actor = context.actor();
    std::erase_if(plans, [&](const PlanSummary& summary) {
        Plan probe;
        probe.id = summary.id;
        probe.district_id = summary.district_id;
        probe.status = summary.status;
        return !is_allowed(actor, PlanAction::read, probe);
    });
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

struct ImportOptions {
    std::string file;
    std::string district;
    std::string year;
};

std::string read_paper(const std::filesystem::path& file) {
    constexpr std::uintmax_t largest = 10 * 1024 * 1024;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        throw InvalidInput({fmt::format("無法讀取「{}」：{}", file.string(), ec.message()),
                            fmt::format("cannot read {}: {}", file.string(), ec.message())});
    }
    if (size > largest) {
        throw InvalidInput({fmt::format("「{}」超過 10 MB，不像是委員會文件", file.string()),
                            fmt::format("{} is larger than 10 MB, too large for a committee paper", file.string())});
    }
    if (file.extension() == ".pdf") {
        // Not built yet (issue 5): PDF reading through poppler is still to come.
        throw InvalidInput({"暫未支援直接匯入 PDF；請先以 pdftotext 轉為文字檔，再匯入 .txt",
                            "PDF import is not available yet; convert the paper with pdftotext and import "
                            "the .txt file"});
    }
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void import_plan(Context& context, const ImportOptions& options) {
    const std::string text = read_paper(options.file);
    std::vector<AreaHeadings> areas;
    for (const auto& plugin : context.plugins().loaded()) {
        if (plugin->area()) areas.push_back({plugin->area()->id, plugin->area()->heading_synonyms});
    }
    PaperImport imported;
    try {
        imported = import_paper_text(text, areas);
    } catch (const InvalidInput& e) {
        throw InvalidInput({options.file + "：" + e.message().zh, options.file + ": " + e.message().en});
    }
    if (!options.year.empty()) imported.plan.financial_year = options.year;

    Database& database = context.database(OpenMode::must_exist);
    DistrictRepository districts(database);
    const auto district = options.district.empty() ? districts.find_by_chinese_name(imported.district_name)
                                                   : districts.find_by_code(options.district);
    if (!district) {
        const std::string which = options.district.empty() ? imported.district_name : options.district;
        throw NotFound({fmt::format("資料庫中沒有地區「{}」；請以 --district 指定地區代號", which),
                        fmt::format("district '{}' is not in the database; name one with --district CODE", which)});
    }
    imported.plan.district_id = district->id;
    const auto id = PlanWorkflow(database, context.plugins(), context.actor()).create(
        imported.plan,
        fmt::format("從 {} 匯入 / Imported from {}", std::filesystem::path(options.file).filename().string(),
                    std::filesystem::path(options.file).filename().string()));

    context.out << context.pick({"已辨識：", "Recognised:"}) << '\n';
    for (const auto& item : imported.recognised) context.out << "  " << item << '\n';
    for (const auto& section : imported.plan.sections) {
        context.out << fmt::format("  {}: {} {}\n", context.pick(context.area_name(section.area_id)),
                                   section.focus_points.size(), context.pick({"項工作計劃重點", "focus points"}));
    }
    if (!imported.unplaced.empty()) {
        context.out << context.pick({"未能歸類的行：", "Lines that could not be placed:"}) << '\n';
        for (const auto& line : imported.unplaced) {
            context.out << fmt::format("  {} {}: {}\n", context.pick({"第", "line"}), line.number, line.text);
        }
    }
    context.out << context.pick({fmt::format("已建立草擬計劃，編號 {}。", id), fmt::format("Created draft plan {}.", id)})
                << '\n';
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
    auto show_ids = std::make_shared<bool>(false);
    auto* show = plan->add_subcommand("show", "Show a plan in full / 顯示計劃全文");
    show->add_option("ID", *plan_id, "Plan id (see 'dplan plan list') / 計劃編號")->required();
    show->add_flag("--ids", *show_ids, "Show focus point ids, for plan edit / 顯示重點編號");
    show->callback([&context, plan_id, show_ids] {
        Database& database = context.database(OpenMode::must_exist);
        const Plan plan = PlanWorkflow(database, context.plugins(), context.actor()).get(*plan_id);
        const District district = DistrictRepository(database).get(plan.district_id);
        context.out << plan_as_text(context, plan, district,
                                    [&context](const std::string& area) { return context.area_name(area); },
                                    *show_ids);
    });

    auto import_options = std::make_shared<ImportOptions>();
    auto* import = plan->add_subcommand(
        "import", "Create a new draft plan from a committee paper (.txt) / 從委員會文件建立草擬計劃");
    import->add_option("FILE", import_options->file, "The paper as UTF-8 text / 文件（UTF-8 文字檔）")
        ->required()
        ->check(CLI::ExistingFile);
    import->add_option("--district", import_options->district,
                       "District code, when the paper's district name is not found / 地區代號");
    import->add_option("--year", import_options->year, "Financial year, e.g. 2024-25 / 財政年度");
    import->callback([&context, import_options] { import_plan(context, *import_options); });

    auto validate_id = std::make_shared<std::int64_t>(0);
    auto* validate = plan->add_subcommand(
        "validate", "Run every service-area plugin's checks over a plan / 檢查計劃");
    validate->add_option("ID", *validate_id, "Plan id / 計劃編號")->required();
    validate->callback([&context, validate_id] {
        Database& database = context.database(OpenMode::must_exist);
        const Plan plan = PlanWorkflow(database, context.plugins(), context.actor()).get(*validate_id);
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
