// dplan programme new | link | list | report (import-report: report_import_command.cpp)
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.hpp"
#include "cli/document_output.hpp"
#include "services/programme_report.hpp"

namespace dplan::cli {

namespace {

struct NewOptions {
    std::string name_zh, name_en, start, end, district, organisation, objectives_zh, objectives_en;
    std::vector<std::string> areas;
};

void new_programme(Context& context, const NewOptions& options) {
    Programme programme;
    programme.name = {options.name_zh, options.name_en};
    programme.period_start = options.start;
    programme.period_end = options.end;
    programme.areas = options.areas;
    programme.objectives = {options.objectives_zh, options.objectives_en};
    if (!options.organisation.empty()) {
        programme.organisation_id = context.directory().organisation(options.organisation).id;
    }
    if (!options.district.empty()) programme.district_id = context.districts().by_code(options.district).id;
    const auto id = context.programmes().create(programme);
    context.out << context.pick(
                       {fmt::format("已建立計劃（服務計劃）{}。", id), fmt::format("Created programme {}.", id)})
                << '\n';
}

}  // namespace

void register_programme_commands(CLI::App& app, Context& context) {
    auto* programme = app.add_subcommand("programme", "Programmes and their indicators / 服務計劃及指標");
    programme->require_subcommand(1);

    auto new_options = std::make_shared<NewOptions>();
    auto* create = programme->add_subcommand("new", "Register a programme / 登記服務計劃");
    create->add_option("--name-zh", new_options->name_zh, "Name in Chinese / 中文名稱")->required();
    create->add_option("--name-en", new_options->name_en, "Name in English / 英文名稱");
    create->add_option("--start", new_options->start, "First day, YYYY-MM-DD / 開始日期")->required();
    create->add_option("--end", new_options->end, "Last day, YYYY-MM-DD / 結束日期")->required();
    create->add_option("--area", new_options->areas, "Service area it serves (repeatable) / 服務範疇");
    create->add_option("--district", new_options->district, "District code / 地區代號");
    create->add_option("--organisation", new_options->organisation, "Organisation running it (name) / 主辦機構");
    create->add_option("--objectives-zh", new_options->objectives_zh, "Objectives in Chinese / 計劃目標（中文）");
    create->add_option("--objectives-en", new_options->objectives_en, "Objectives in English / 計劃目標（英文）");
    create->callback([&context, new_options] { new_programme(context, *new_options); });

    struct LinkOptions {
        std::int64_t programme_id = 0, focus_point_id = 0;
    };
    auto link_options = std::make_shared<LinkOptions>();
    auto* link = programme->add_subcommand(
        "link",
        "Record that a programme serves a plan focus point (makes its objective measurable) / 連結工作計劃重點");
    link->add_option("ID", link_options->programme_id, "Programme id / 計劃編號")->required();
    link->add_option("--focus-point", link_options->focus_point_id, "Focus point id (plan show --ids) / 重點編號")
        ->required();
    link->callback([&context, link_options] {
        context.programmes().link_focus_point(link_options->programme_id, link_options->focus_point_id);
        context.out << context.pick({"已連結。", "Linked."}) << '\n';
    });

    programme->add_subcommand("list", "List programmes / 列出服務計劃")->callback([&context] {
        for (const auto& item : context.programmes().list()) {
            context.out << fmt::format("{:>5}  {} – {}  {}\n", item.id, item.period_start, item.period_end,
                                       context.pick(item.name));
        }
    });

    struct ReportOptions {
        std::int64_t id = 0;
        std::string format = "md";
        std::string out;
    };
    auto report_options = std::make_shared<ReportOptions>();
    auto* report = programme->add_subcommand("report", "Outputs and outcomes against targets / 計劃報告");
    report->add_option("ID", report_options->id, "Programme id / 計劃編號")->required();
    report->add_option("--format", report_options->format, "md or pdf / 格式")
        ->check(CLI::IsMember({"md", "pdf"}))
        ->capture_default_str();
    report->add_option("--out", report_options->out, "Output file (needed for PDF) / 輸出檔案");
    report->callback([&context, report_options] {
        auto programmes = context.programmes();
        const Programme item = programmes.get(report_options->id);
        const auto indicators = programmes.indicators(item.id);
        if (report_options->format == "pdf") {
            write_pdf_document(context, programme_report_blocks(item, indicators), report_options->out);
        } else {
            write_text_document(context, programme_report_markdown(item, indicators), report_options->out);
        }
    });

    register_report_import_command(*programme, context);
}

}  // namespace dplan::cli
