#include "cli/app.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "domain/database_url.hpp"
#include "dplan/sdk/plugin.h"
#include "logging/logging.hpp"
#include "services/authorization.hpp"

#ifndef DPLAN_VERSION
#error "DPLAN_VERSION must be defined by the build"
#endif

namespace dplan::cli {

namespace {

void report(Context& context, const Bilingual& message) {
    // One line per language, nothing else: no stack trace, no internal detail.
    switch (context.language()) {
        case OutputLanguage::zh:
            context.err << "dplan: 錯誤：" << message.zh << '\n';
            break;
        case OutputLanguage::en:
            context.err << "dplan: error: " << message.en << '\n';
            break;
        case OutputLanguage::both:
            context.err << "dplan: error: " << message.en << '\n';
            context.err << "dplan: 錯誤：" << message.zh << '\n';
            break;
    }
}

// `dplan` with no command: what to do next, for someone trying it for the first time.
int first_steps(Context& context, const CLI::App& app) {
    std::optional<std::filesystem::path> missing;
    try {
        const DatabaseUrl url = parse_database_url(context.options.database_url);
        if (url.dialect == Dialect::sqlite && !std::filesystem::exists(url.sqlite_path)) missing = url.sqlite_path;
    } catch (const Error&) {
        // A malformed --db is reported by any command that uses it.
    }
    if (missing) {
        const Bilingual message{
            fmt::format("還沒有資料庫 {}。請先執行：\n"
                        "  dplan db init    建立空白資料庫（已有香港十八區）\n"
                        "  dplan demo       或建立載有虛構河畔區示範資料的資料庫\n"
                        "之後可用 dplan --help 查看所有指令。",
                        missing->string()),
            fmt::format("There is no database at {} yet. Start with one of:\n"
                        "  dplan db init    an empty database (with the 18 districts of Hong Kong)\n"
                        "  dplan demo       a database with the fictional Riverside demo data\n"
                        "Then 'dplan --help' lists every command.",
                        missing->string())};
        // Several lines each: one language's whole text, then the other's.
        context.out << (context.language() == OutputLanguage::en   ? message.en
                        : context.language() == OutputLanguage::zh ? message.zh
                                                                   : message.zh + "\n\n" + message.en)
                    << '\n';
        return exit_invalid_input;
    }
    context.out << app.help();
    return exit_invalid_input;
}

int exit_code_for(const Error& error) {
    if (dynamic_cast<const InvalidInput*>(&error) != nullptr) return exit_invalid_input;
    if (dynamic_cast<const NotFound*>(&error) != nullptr) return exit_not_found;
    if (dynamic_cast<const Conflict*>(&error) != nullptr) return exit_conflict;
    if (dynamic_cast<const PermissionDenied*>(&error) != nullptr) return exit_permission_denied;
    return exit_failure;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    Context context(out, err);
    setup_logging("info", "");  // until the options are parsed: warnings to stderr only
    CLI::App app{"District Planner: annual district welfare plans / 地區福利規劃", "dplan"};
    // Plugin authors need the SDK version as much as the application's: it decides what loads.
    app.set_version_flag("--version",
                         fmt::format("dplan {} (plugin SDK {}.{}; loads plugins built for SDK {}.0 to {}.{})",
                                     DPLAN_VERSION, DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR,
                                     DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR));
    app.require_subcommand(0, 1);  // none: first_steps()
    app.fallthrough();             // global options work after the subcommand too: dplan plan show 1 --lang en

    auto& options = context.options;
    options.database_url = default_database_url();
    options.log_file = default_log_file();
    app.add_option("--db", options.database_url, "Database URL: sqlite:PATH or mysql://USER@HOST:PORT/DB / 資料庫位址")
        ->envname("DPLAN_DB")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
        ->capture_default_str();
    app.add_option("--db-option-file", options.option_file,
                   "MySQL option file with the password in [client] (default ~/.my.cnf) / 密碼選項檔");
    app.add_option("--log-level", options.log_level, "trace, debug, info, warn, error or off / 記錄層級")
        ->capture_default_str();
    app.add_option("--log-file", options.log_file,
                   "Log file; the date is added to its name, one file per day / 記錄檔（檔名加上日期，每日一個）")
        ->capture_default_str();
    app.add_option("--lang", options.language, "Output language: zh, en or both / 輸出語言")
        ->check(CLI::IsMember({"zh", "en", "both"}))
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
        ->capture_default_str();
    app.add_option("--user", options.user, "Act as this user (default: the local system account) / 以此用戶身分")
        ->envname("DPLAN_USER")
        ->capture_default_str();
    app.add_option("--plugin-dir", options.plugin_dirs,
                   "Folder of plugins, or one plugin's folder (repeatable) / 外掛資料夾");
    app.add_option("--trusted-key", options.trusted_keys,
                   "Public key (.pub) whose plugin signatures are trusted (repeatable) / 信任的公開金鑰")
        ->check(CLI::ExistingFile);
    app.add_flag("--allow-unsigned", options.allow_unsigned,
                 "Development only: load plugins without a trusted signature / 開發用：載入未簽署外掛");
    app.parse_complete_callback([&options] { setup_logging(options.log_level, options.log_file); });

    register_db_commands(app, context);
    register_demo_command(app, context);
    register_plan_commands(app, context);
    register_plugin_commands(app, context);
    register_plan_workflow_commands(app, context);
    register_user_commands(app, context);
    register_audit_commands(app, context);
    register_programme_commands(app, context);
    register_indicator_commands(app, context);
    register_meeting_commands(app, context);
    register_directory_commands(app, context);
    register_district_commands(app, context);
    register_collaboration_commands(app, context);
    register_serve_command(app, context);

    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) return first_steps(context, app);
        return exit_ok;
    } catch (const ExitWith& exit) {
        return exit.code;
    } catch (const CLI::ParseError& e) {
        return app.exit(e, out, err);
    } catch (const Error& e) {
        spdlog::info("command failed: {}", e.message().en);  // the log file; stderr gets report()
        report(context, e.message());
        return exit_code_for(e);
    } catch (const std::exception& e) {
        spdlog::info("command failed unexpectedly: {}", e.what());
        report(context,
               {std::string("內部錯誤：") + e.what() + "。請把記錄檔交給系統管理員。",
                std::string("internal error: ") + e.what() + "; please send the log file to your administrator"});
        return exit_failure;
    }
}

}  // namespace dplan::cli
