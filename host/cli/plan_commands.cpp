// dplan plan list | show
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/document_output.hpp"
#include "cli/findings_text.hpp"
#include "cli/plan_text.hpp"
#include "domain/plan_json.hpp"
#include "services/pdf_text.hpp"
#include "services/plan_validation.hpp"

namespace dplan::cli {

namespace {

struct ListOptions {
    std::string district;
    std::string year;
};

void list_plans(Context& context, const ListOptions& options) {
    PlanFilter filter;
    if (!options.district.empty()) filter.district_id = context.districts().by_code(options.district).id;
    if (!options.year.empty()) filter.financial_year = options.year;
    const auto plans = context.plans().list(filter);
    if (plans.empty()) {
        context.out << context.pick(
                           {"沒有計劃。可用 dplan demo 載入示範計劃。", "No plans. 'dplan demo' loads a demo plan."})
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
    if (file.extension() == ".pdf") return pdf_text(file);
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void import_plan(Context& context, const ImportOptions& options) {
    const std::string file_name = std::filesystem::path(options.file).filename().string();
    // Errors in the file's content name the file.
    const auto in_file = [&](const InvalidInput& e) {
        return InvalidInput({options.file + "：" + e.message().zh, options.file + ": " + e.message().en});
    };
    if (std::filesystem::path(options.file).extension() == ".json") {
        std::error_code ec;
        if (const auto size = std::filesystem::file_size(options.file, ec); !ec && size > plan_json_largest) {
            throw InvalidInput(
                {fmt::format("「{}」超過 {} 位元組，不像是計劃檔案", options.file, plan_json_largest),
                 fmt::format("{} is larger than {} bytes, too large for a plan", options.file, plan_json_largest)});
        }
        std::ifstream in(options.file, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        std::int64_t id = 0;
        try {
            id = context.plans().import_json(text, file_name, options.district, options.year);
        } catch (const InvalidInput& e) {
            throw in_file(e);
        }
        context.out << context.pick(
                           {fmt::format("已建立草擬計劃，編號 {}。", id), fmt::format("Created draft plan {}.", id)})
                    << '\n';
        return;
    }
    const std::string text = read_paper(options.file);
    ImportedPaper imported;
    try {
        imported = context.plans().import_paper(text, file_name, options.district, options.year);
    } catch (const InvalidInput& e) {
        throw in_file(e);
    }
    context.out << context.pick({"已辨識：", "Recognised:"}) << '\n';
    for (const auto& item : imported.paper.recognised) context.out << "  " << context.pick(item) << '\n';
    for (const auto& section : imported.paper.plan.sections) {
        context.out << fmt::format("  {}: {} {}\n", context.pick(context.area_name(section.area_id)),
                                   section.focus_points.size(), context.pick({"項工作計劃重點", "focus points"}));
    }
    if (!imported.paper.unplaced.empty()) {
        context.out << context.pick({"未能歸類的行：", "Lines that could not be placed:"}) << '\n';
        for (const auto& line : imported.paper.unplaced) {
            context.out << fmt::format("  {} {}: {}\n", context.pick({"第", "line"}), line.number, line.text);
        }
    }
    context.out << context.pick({fmt::format("已建立草擬計劃，編號 {}。", imported.plan_id),
                                 fmt::format("Created draft plan {}.", imported.plan_id)})
                << '\n';
}

struct ExportOptions {
    std::int64_t id = 0;
    std::string format = "md";
    std::string language = "both";
    std::string out;
};

void export_plan(Context& context, const ExportOptions& options) {
    auto plans = context.plans();
    if (options.format == "json") {
        write_text_document(context, plan_to_json(plans.get(options.id)) + "\n", options.out);
        return;
    }
    const PaperLanguage language = options.language == "zh"   ? PaperLanguage::zh
                                   : options.language == "en" ? PaperLanguage::en
                                                              : PaperLanguage::both;
    const auto blocks = plans.paper(options.id, language);
    if (options.format == "pdf") {
        write_pdf_document(context, blocks, options.out);
        return;
    }
    write_text_document(context, options.format == "html" ? paper_as_html(blocks, language) : paper_as_markdown(blocks),
                        options.out);
}

// plan list: list plans.
void add_list_command(CLI::App* plan, Context& context) {
    auto list_options = std::make_shared<ListOptions>();
    auto* list = plan->add_subcommand("list", "List plans / 列出計劃");
    list->add_option("--district", list_options->district, "District code, e.g. riverside / 地區代號");
    list->add_option("--year", list_options->year, "Financial year, e.g. 2024-25 / 財政年度");
    list->callback([&context, list_options] { list_plans(context, *list_options); });
}

// plan show: show a plan in full.
void add_show_command(CLI::App* plan, Context& context) {
    auto plan_id = std::make_shared<std::int64_t>(0);
    auto show_ids = std::make_shared<bool>(false);
    auto* show = plan->add_subcommand("show", "Show a plan in full / 顯示計劃全文");
    show->add_option("ID", *plan_id, "Plan id (see 'dplan plan list') / 計劃編號")->required();
    show->add_flag("--ids", *show_ids, "Show focus point ids, for plan edit / 顯示重點編號");
    show->callback([&context, plan_id, show_ids] {
        auto plans = context.plans();
        const Plan plan = plans.get(*plan_id);
        const District district = plans.district_of(plan);
        context.out << plan_as_text(
            context, plan, district, [&context](const std::string& area) { return context.area_name(area); },
            *show_ids);
    });
}

// plan import: create a new draft plan from a committee paper (.pdf, .txt) or a plan export (.json).
void add_import_command(CLI::App* plan, Context& context) {
    auto import_options = std::make_shared<ImportOptions>();
    auto* import_command = plan->add_subcommand(
        "import", "Create a new draft plan from a committee paper (.pdf, .txt) or a plan export (.json) / 匯入計劃");
    import_command->add_option("FILE", import_options->file, "PDF, UTF-8 text or dplan JSON / PDF、UTF-8 文字檔或 JSON")
        ->required()
        ->check(CLI::ExistingFile);
    import_command->add_option("--district", import_options->district,
                               "District code, when the paper's district name is not found / 地區代號");
    import_command->add_option("--year", import_options->year, "Financial year, e.g. 2024-25 / 財政年度");
    import_command->callback([&context, import_options] { import_plan(context, *import_options); });
}

// plan export: the committee paper as PDF, Markdown, HTML or JSON.
void add_export_command(CLI::App* plan, Context& context) {
    auto export_options = std::make_shared<ExportOptions>();
    auto* export_command =
        plan->add_subcommand("export", "The committee paper as PDF, Markdown, HTML or JSON / 匯出文件");
    export_command->add_option("ID", export_options->id, "Plan id / 計劃編號")->required();
    export_command->add_option("--format", export_options->format, "pdf, md, html or json / 格式")
        ->check(CLI::IsMember({"pdf", "md", "html", "json"}))
        ->capture_default_str();
    export_command->add_option("--lang", export_options->language, "zh, en or both / 語言")
        ->check(CLI::IsMember({"zh", "en", "both"}))
        ->capture_default_str();
    export_command->add_option("--out", export_options->out,
                               "Output file (default: the terminal; needed for PDF) / 輸出檔案");
    export_command->callback([&context, export_options] { export_plan(context, *export_options); });
}

// plan panels: the plugins' dashboard panels for a plan, as text.
void add_panels_command(CLI::App* plan, Context& context) {
    auto panels_id = std::make_shared<std::int64_t>(0);
    auto* panels = plan->add_subcommand("panels", "The plugins' dashboard panels for a plan, as text / 各範疇面板");
    panels->add_option("ID", *panels_id, "Plan id / 計劃編號")->required();
    panels->callback([&context, panels_id] {
        for (const auto& panel : context.plans().panels(*panels_id)) {
            context.out << fmt::format("[{}] {}\n", panel.area_id, context.pick(panel.title));
            for (const auto& line : panel.lines) {
                if (line.kind == plugins::PanelItemKind::metric) {
                    context.out << fmt::format("  {}: {}\n", context.pick(line.label), line.value);
                } else {
                    context.out << "  " << context.pick(line.label) << '\n';
                }
            }
        }
    });
}

// plan validate: run every service-area plugin's checks over a plan.
void add_validate_command(CLI::App* plan, Context& context) {
    auto validate_id = std::make_shared<std::int64_t>(0);
    auto* validate = plan->add_subcommand("validate", "Run every service-area plugin's checks over a plan / 檢查計劃");
    validate->add_option("ID", *validate_id, "Plan id / 計劃編號")->required();
    validate->callback([&context, validate_id] {
        const auto findings = context.plans().findings(*validate_id);
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

}  // namespace

void register_plan_commands(CLI::App& app, Context& context) {
    auto* plan = app.add_subcommand("plan", "Annual district welfare plans / 年度福利工作計劃");
    plan->require_subcommand(1);
    for (auto* add : {add_list_command, add_show_command, add_import_command, add_export_command, add_panels_command,
                      add_validate_command})
        add(plan, context);
}

}  // namespace dplan::cli
