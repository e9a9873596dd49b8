// dplan programme import-report REPORT.pdf|REPORT.txt [--programme ID | --new] [--dry-run]
// [--update-definitions]: an NGO's programme report read as it is written (docs/report-import.md).
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.hpp"
#include "services/report_import_summary.hpp"

namespace dplan::cli {

namespace {

struct ImportReportOptions {
    std::string file;
    std::int64_t programme_id = 0;
    bool new_programme = false, dry_run = false, update_definitions = false;
};

void import_report(Context& context, const ImportReportOptions& options) {
    ReportImportOptions import;
    if (options.programme_id > 0) import.programme_id = options.programme_id;
    import.new_programme = options.new_programme;
    import.dry_run = options.dry_run;
    import.update_definitions = options.update_definitions;
    const ReportImportResult result = context.programmes().import_report_file(options.file, import);
    if (context.language() != OutputLanguage::en) context.out << report_import_summary(result, Language::zh);
    if (context.language() == OutputLanguage::both) context.out << '\n';
    if (context.language() != OutputLanguage::zh) context.out << report_import_summary(result, Language::en);
}

}  // namespace

void register_report_import_command(CLI::App& programme, Context& context) {
    auto options = std::make_shared<ImportReportOptions>();
    auto* command = programme.add_subcommand(
        "import-report", "Import a programme report's indicators from PDF or text / 從計劃報告（PDF 或文字）匯入指標");
    command->add_option("REPORT", options->file, "The report, .pdf or text / 計劃報告")->required();
    auto* into = command->add_option("--programme", options->programme_id, "Into this programme / 匯入此計劃（編號）");
    auto* fresh = command->add_flag("--new", options->new_programme,
                                    "Create the programme the report's head names / 按報告開首建立新計劃");
    into->excludes(fresh);
    command->add_flag("--dry-run", options->dry_run, "Show what would be written, write nothing / 試行，不寫入");
    command->add_flag("--update-definitions", options->update_definitions,
                      "Stored descriptions and targets take the report's / 以報告所寫更新已儲存的描述及目標");
    command->callback([&context, options] { import_report(context, *options); });
}

}  // namespace dplan::cli
