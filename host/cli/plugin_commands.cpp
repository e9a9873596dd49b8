// dplan plugins list; dplan plugin keygen | sign | verify | check
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/findings_text.hpp"
#include "cli/plugin_scaffold.hpp"
#include "plugins/plugin_checks.hpp"
#include "services/plugin_check.hpp"

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

bool same_folder(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec1, ec2;
    return std::filesystem::weakly_canonical(a, ec1) == std::filesystem::weakly_canonical(b, ec2);
}

// Loads the plugin at `path` with every other plugin the options find (for its dependencies and
// the areas it reviews); `path` first, so that it is the one checked even when a plugin of its id
// is installed too.
plugins::PluginRegistry load_with(Context& context, const std::filesystem::path& path) {
    plugins::LoaderOptions options = context.loader_options();
    options.directories.insert(options.directories.begin(), path);
    return plugins::PluginRegistry::load(options);
}

// ✓ or ✗ and the signature's state; a signature that --allow-unsigned let through is "not
// checked", never "passed". Returns whether it was skipped.
bool print_signature(Context& context, const std::filesystem::path& path, const plugins::LoadedPlugin& plugin) {
    const plugins::LoaderOptions options = context.loader_options();
    try {
        const auto folder = plugins::read_plugin_folder(path);
        const auto result = plugins::check_signature(folder, plugin.manifest(), options.trusted_keys, false);
        context.out << "✓ " << context.pick({"簽署有效，金鑰受信任：", "Valid signature by trusted key "})
                    << result.public_key << '\n';
        return false;
    } catch (const Error& e) {
        context.out << "– "
                    << context.pick({"簽署未經檢查（--allow-unsigned 令外掛照樣載入）：",
                                     "Signature NOT checked (--allow-unsigned loaded the plugin anyway): "})
                    << context.pick(e.message()) << '\n';
        return true;
    }
}

void print_report_text(Context& context, const plugins::LoadedPlugin& plugin, const PlanSection& section,
                       int& failures) {
    for (const auto& [language, heading] :
         {std::pair{Language::zh, Bilingual{"報告文字（中文）：", "Report text (Chinese):"}},
          std::pair{Language::en, Bilingual{"報告文字（英文）：", "Report text (English):"}}}) {
        try {
            const std::string text = plugin.report(section, language);
            context.out << "✓ " << context.pick(heading) << '\n' << text;
            if (!text.empty() && text.back() != '\n') context.out << '\n';
        } catch (const plugins::PluginFailure& failure) {
            context.out << "✗ " << context.pick(heading) << ' ' << context.pick(failure.message()) << '\n';
            ++failures;
        }
    }
}

void check_plugin(Context& context, const std::filesystem::path& path, const std::vector<std::string>& sample_files) {
    if (!std::filesystem::exists(path / "plugin.json")) {
        context.out << "✗ " << context.pick({"找不到 plugin.json", "no plugin.json found"}) << ' ' << path.string()
                    << '\n';
        throw ExitWith{exit_findings};
    }
    auto registry = load_with(context, path);
    const auto loaded = std::find_if(registry.loaded().begin(), registry.loaded().end(),
                                     [&](const auto& p) { return same_folder(p->manifest().directory, path); });
    if (loaded == registry.loaded().end()) {
        context.out << context.pick({"✗ 外掛未能通過載入檢查：", "✗ The plugin failed the host's checks:"}) << '\n';
        for (const auto& refused : registry.refused()) {
            if (same_folder(refused.directory, path)) context.out << "  " << context.pick(refused.reason) << '\n';
        }
        throw ExitWith{exit_findings};
    }
    const auto& plugin = **loaded;
    int failures = 0;
    context.out << context.pick({"✓ 清單、SDK 版本、雜湊值、入口符號及初始化均通過",
                                 "✓ Manifest, SDK version, hash, entry symbol and init passed"})
                << '\n';
    const bool signature_skipped = print_signature(context, path, plugin);
    context.out << "✓ " << extension_summary(context, plugin) << '\n';
    for (const auto& problem : unknown_reviewed_areas(plugin, registry)) {
        context.out << "✗ " << context.pick(problem) << '\n';
        ++failures;
    }

    std::vector<std::filesystem::path> files(sample_files.begin(), sample_files.end());
    const auto samples = plugin_check_samples(plugin, registry, files);
    if (plugin.can_validate()) {
        const auto runs = run_on_samples(plugin, samples);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            context.out << "• " << context.pick({"檢查規則用於：", "Rules run on "}) << context.pick(samples[i].name)
                        << '\n';
            for (const auto& run : runs) {
                if (run.sample != i) continue;
                const auto* area_plugin = registry.find_area(run.area_id);
                const std::string area = context.pick(area_plugin != nullptr ? area_plugin->area()->name
                                                                             : Bilingual{run.area_id, run.area_id});
                if (run.failure) {
                    context.out << "  ✗ " << area << ": " << context.pick(*run.failure) << '\n';
                    ++failures;
                } else if (run.findings.empty()) {
                    context.out << "  ✓ " << area << ": " << context.pick({"沒有檢查結果", "no findings"}) << '\n';
                } else {
                    context.out << "  ✓ " << area << ":\n" << findings_as_text(context, run.findings, &registry);
                }
            }
        }
    }
    if (plugin.can_report()) {
        const std::string own_area = plugin.area() ? plugin.area()->id : plugin.id();
        for (const auto& sample : samples) {
            if (const auto* section = sample.plan.section(own_area);
                section != nullptr && !section->focus_points.empty()) {
                print_report_text(context, plugin, *section, failures);
                break;
            }
        }
        print_report_text(context, plugin, PlanSection{0, own_area, {}, {}}, failures);
    }

    if (failures > 0) {
        context.out << context.pick({fmt::format("✗ 外掛有 {} 項檢查未通過。", failures),
                                     fmt::format("✗ The plugin failed {} check(s).", failures)})
                    << '\n';
        throw ExitWith{exit_findings};
    }
    if (signature_skipped) {
        context.out << context.pick({"外掛通過所有已執行的檢查；簽署未經檢查（--allow-unsigned）。",
                                     "The plugin passed every check that ran; its signature was not checked "
                                     "(--allow-unsigned)."})
                    << '\n';
    } else {
        context.out << context.pick({"外掛通過所有檢查。", "The plugin passed every check."}) << '\n';
    }
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

    struct NewOptions {
        std::string id, name_zh, name_en, dir;
    };
    auto new_options = std::make_shared<NewOptions>();
    auto* create = plugin->add_subcommand(
        "new", "Write a plugin project (CMake, source, a test with the SDK harness, README) / 建立外掛項目");
    create->add_option("ID", new_options->id, "Plugin id, e.g. ngo.ourorg.self_help / 外掛代號")->required();
    create->add_option("--name-zh", new_options->name_zh, "Chinese name / 中文名稱")->required();
    create->add_option("--name-en", new_options->name_en, "English name / 英文名稱")->required();
    create->add_option("--dir", new_options->dir, "Folder to write (default: ./ID) / 資料夾");
    create->callback([&context, new_options] {
        const auto& o = *new_options;
        const std::filesystem::path dir = o.dir.empty() ? std::filesystem::path(o.id) : std::filesystem::path(o.dir);
        write_plugin_project(dir, o.id, {o.name_zh, o.name_en});
        context.out << context.pick({fmt::format("已在 {} 建立外掛項目「{}」。", dir.string(), o.id),
                                     fmt::format("Wrote the plugin project '{}' in {}.", o.id, dir.string())})
                    << '\n';
    });

    auto check_path = std::make_shared<std::string>();
    auto samples = std::make_shared<std::vector<std::string>>();
    auto* check = plugin->add_subcommand(
        "check",
        "Run a plugin through every host check, then every rule on sample plans covering every area / "
        "外掛兼容性檢查");
    check->add_option("PATH", *check_path, "The plugin's folder / 外掛資料夾")
        ->required()
        ->check(CLI::ExistingDirectory);
    check->add_option("--sample", *samples, "A plan JSON file to run the rules on too (repeatable) / 範例計劃檔案")
        ->check(CLI::ExistingFile);
    check->callback([&context, check_path, samples] { check_plugin(context, *check_path, *samples); });
}

}  // namespace dplan::cli
