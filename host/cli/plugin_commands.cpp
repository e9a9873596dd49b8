// dplan plugins list; dplan plugin keygen | sign | verify | check
#include <fmt/format.h>

#include <ostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/findings_text.hpp"
#include "plugins/plugin_checks.hpp"

namespace dplan::cli {

namespace {

std::string extension_summary(Context& context, const plugins::LoadedPlugin& plugin) {
    std::vector<std::string> parts;
    if (plugin.area()) parts.push_back(context.pick({"服務範疇", "service area"}));
    if (!plugin.indicators().empty()) {
        parts.push_back(fmt::format("{} {}", plugin.indicators().size(), context.pick({"項指標", "indicators"})));
    }
    if (plugin.can_validate()) parts.push_back(context.pick({"檢查規則", "validation"}));
    if (plugin.can_report()) parts.push_back(context.pick({"報告文字", "report text"}));
    if (!plugin.panels().empty()) parts.push_back(context.pick({"儀表板面板", "dashboard panel"}));
    return fmt::format("{}", fmt::join(parts, ", "));
}

void print_registry(Context& context, const plugins::PluginRegistry& registry) {
    context.out << context.pick({"已載入的外掛：", "Loaded plugins:"}) << '\n';
    if (registry.loaded().empty()) context.out << "  " << context.pick({"（沒有）", "(none)"}) << '\n';
    for (const auto& plugin : registry.loaded()) {
        context.out << fmt::format("  {:<16} {:<8} {}\n", plugin->id(), plugin->manifest().version,
                                   context.pick(plugin->manifest().name))
                    << fmt::format("  {:<16} {:<8} [{}] {}\n", "", "", extension_summary(context, *plugin),
                                   plugin->manifest().directory.string());
    }
    if (!registry.refused().empty()) {
        context.out << context.pick({"被拒絕的外掛：", "Refused plugins:"}) << '\n';
        for (const auto& refused : registry.refused()) {
            context.out << fmt::format("  {:<16} {}\n  {:<16} {}\n", refused.id.empty() ? "?" : refused.id,
                                       refused.directory.string(), "", context.pick(refused.reason));
        }
    }
    if (!registry.refused_keys().empty()) {
        context.out << context.pick({"被拒絕的信任金鑰：", "Refused trusted keys:"}) << '\n';
        for (const auto& refused : registry.refused_keys()) {
            context.out << fmt::format("  {}\n  {}\n", refused.file.string(), context.pick(refused.reason));
        }
    }
}

// Whoever runs `plugins list` (an administrator, a script) learns from the exit code alone that
// something they installed is not in use.
void list_plugins(Context& context) {
    const auto& registry = context.plugins();
    print_registry(context, registry);
    if (!registry.refused().empty() || !registry.refused_keys().empty()) throw ExitWith{exit_findings};
}

// The checks the loader makes before any code is loaded, reported one line each.
void verify_plugin(Context& context, const std::filesystem::path& directory) {
    const plugins::LoaderOptions options = context.loader_options();
    for (const auto& refused : options.refused_keys) {
        context.out << "! " << refused.file.string() << ": " << context.pick(refused.reason) << '\n';
    }
    try {
        const auto folder = plugins::read_plugin_folder(directory);
        const auto manifest = plugins::parse_manifest(directory, folder.manifest);
        plugins::check_folder_contents(folder, manifest);
        plugins::sealed_libraries(manifest);
        context.out << "✓ "
                    << context.pick(
                           {"程式庫的 SHA-256 與 plugin.json 相符", "The libraries' SHA-256 match plugin.json"})
                    << '\n';
        const auto result = plugins::check_signature(folder, manifest, options.trusted_keys, false);
        context.out << "✓ " << context.pick({"簽署有效，金鑰受信任：", "Valid signature by trusted key "})
                    << result.public_key << '\n';
    } catch (const Error& e) {
        context.out << "✗ " << context.pick(e.message()) << '\n';
        throw ExitWith{exit_findings};
    }
}

// A section with everything a conformance check should see: text, partners, an empty point.
PlanSection sample_section(const std::string& area_id) {
    return {0,
            area_id,
            {"測試目標", "Test objective"},
            {{0, {"與學校合作的測試重點", "A test focus point with schools"}, {Sector::education, Sector::ngo}},
             {0, {"沒有合作界別的測試重點", "A test focus point with no partner"}, {}}}};
}

void check_plugin(Context& context, const std::string& path) {
    plugins::LoaderOptions options = context.loader_options();
    options.directories = {path};
    auto registry = plugins::PluginRegistry::load(options);
    if (registry.loaded().empty()) {
        context.out << context.pick({"✗ 外掛未能通過載入檢查：", "✗ The plugin failed the host's checks:"}) << '\n';
        for (const auto& refused : registry.refused()) context.out << "  " << context.pick(refused.reason) << '\n';
        if (registry.refused().empty())
            context.out << "  " << context.pick({"找不到 plugin.json", "no plugin.json found"}) << '\n';
        throw ExitWith{exit_findings};
    }
    const auto& plugin = *registry.loaded().front();
    context.out << context.pick({"✓ 清單、版本、雜湊值、簽署、入口符號及初始化均通過",
                                 "✓ Manifest, SDK version, hash, signature, entry symbol and init passed"})
                << '\n';
    context.out << "✓ " << extension_summary(context, plugin) << '\n';
    const std::string area_id = plugin.area() ? plugin.area()->id : plugin.id();
    try {
        const auto empty_findings = plugin.validate(PlanSection{0, area_id, {}, {}}, 0);
        const auto sample_findings = plugin.validate(sample_section(area_id), 1);
        if (plugin.can_validate()) {
            context.out << "✓ " << context.pick({"空白部分的檢查結果：", "Findings on an empty section:"}) << '\n'
                        << findings_as_text(context, empty_findings, &registry);
            context.out << "✓ " << context.pick({"範例部分的檢查結果：", "Findings on a sample section:"}) << '\n'
                        << findings_as_text(context, sample_findings, &registry);
        }
        if (plugin.can_report()) {
            context.out << "✓ " << context.pick({"報告文字（中文）：", "Report text (Chinese):"}) << '\n'
                        << plugin.report(sample_section(area_id), Language::zh);
            context.out << "✓ " << context.pick({"報告文字（英文）：", "Report text (English):"}) << '\n'
                        << plugin.report(sample_section(area_id), Language::en);
        }
    } catch (const plugins::PluginFailure& failure) {
        context.out << "✗ " << context.pick(failure.message()) << '\n';
        throw ExitWith{exit_findings};
    }
    context.out << context.pick({"外掛通過所有檢查。", "The plugin passed every check."}) << '\n';
}

}  // namespace

void register_plugin_commands(CLI::App& app, Context& context) {
    auto* list_group = app.add_subcommand("plugins", "Installed plugins / 已安裝的外掛");
    list_group->require_subcommand(1);
    list_group
        ->add_subcommand("list",
                         "Show loaded and refused plugins and keys, with reasons; exits 5 when any "
                         "was refused / 列出外掛及拒絕原因")
        ->callback([&context] { list_plugins(context); });

    auto* plugin = app.add_subcommand("plugin", "Sign, verify and check plugins / 簽署、核實及檢查外掛");
    plugin->require_subcommand(1);

    auto prefix = std::make_shared<std::string>();
    auto* keygen = plugin->add_subcommand("keygen", "Create an Ed25519 signing key pair / 建立簽署金鑰");
    keygen->add_option("--out", *prefix, "Writes PREFIX.pub and PREFIX.key / 輸出檔案前綴")->required();
    keygen->callback([&context, prefix] {
        const auto pair = plugins::generate_signing_key(*prefix);
        context.out << context.pick({"公開金鑰：", "Public key: "}) << pair.public_key_file.string() << '\n'
                    << context.pick({"私密金鑰（請妥善保管）：", "Secret key (keep it safe): "})
                    << pair.secret_key_file.string() << '\n';
    });

    auto sign_dir = std::make_shared<std::string>();
    auto key_file = std::make_shared<std::string>();
    auto* sign = plugin->add_subcommand("sign", "Sign a built plugin folder / 簽署外掛");
    sign->add_option("DIR", *sign_dir, "The plugin's folder (with plugin.json) / 外掛資料夾")
        ->required()
        ->check(CLI::ExistingDirectory);
    sign->add_option("--key", *key_file, "Secret key file (.key) / 私密金鑰檔")->required()->check(CLI::ExistingFile);
    sign->callback([&context, sign_dir, key_file] {
        plugins::sign_plugin(*sign_dir, *key_file);
        context.out << context.pick({"已簽署：", "Signed: "})
                    << (std::filesystem::path(*sign_dir) / "plugin.sig").lexically_normal().string() << '\n';
    });

    auto verify_dir = std::make_shared<std::string>();
    auto* verify =
        plugin->add_subcommand("verify", "Check a plugin's hash and signature against the trusted keys / 核實外掛簽署");
    verify->add_option("DIR", *verify_dir, "The plugin's folder / 外掛資料夾")
        ->required()
        ->check(CLI::ExistingDirectory);
    verify->callback([&context, verify_dir] { verify_plugin(context, *verify_dir); });

    auto check_path = std::make_shared<std::string>();
    auto* check = plugin->add_subcommand(
        "check", "Run a plugin through every host check and its own contributions / 外掛兼容性檢查");
    check->add_option("PATH", *check_path, "The plugin's folder / 外掛資料夾")
        ->required()
        ->check(CLI::ExistingDirectory);
    check->callback([&context, check_path] { check_plugin(context, *check_path); });
}

}  // namespace dplan::cli
