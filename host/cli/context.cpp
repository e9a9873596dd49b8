#include "cli/context.hpp"

#include <fmt/format.h>

#include "storage/migration.hpp"
#include "storage/user_repository.hpp"

namespace dplan::cli {

OutputLanguage Context::language() const {
    if (options.language == "zh") return OutputLanguage::zh;
    if (options.language == "en") return OutputLanguage::en;
    return OutputLanguage::both;
}

std::string Context::pick(const Bilingual& text) const {
    switch (language()) {
        case OutputLanguage::zh:
            return text.zh.empty() ? text.en : text.zh;
        case OutputLanguage::en:
            return text.en.empty() ? text.zh : text.en;
        case OutputLanguage::both:
            break;
    }
    if (text.en.empty() || text.zh == text.en) return text.zh;
    if (text.zh.empty()) return text.en;
    return text.zh + " / " + text.en;
}

Database& Context::database(OpenMode mode, bool require_current_schema) {
    if (!database_) {
        DatabaseUrl url = parse_database_url(options.database_url);
        std::optional<std::filesystem::path> option_file;
        if (!options.option_file.empty()) option_file = options.option_file;
        resolve_password(url, option_file);
        database_ = Database::open(url, mode);
        if (require_current_schema) Migrator(*database_).require_current();
    }
    return *database_;
}

plugins::LoaderOptions Context::loader_options() const {
    return plugins::standard_loader_options(options.plugin_dirs, options.trusted_keys, options.allow_unsigned);
}

plugins::PluginRegistry& Context::plugins() {
    if (!plugins_) plugins_ = std::make_unique<plugins::PluginRegistry>(plugins::PluginRegistry::load(loader_options()));
    return *plugins_;
}

const User& Context::actor() {
    if (!actor_) {
        actor_ = UserRepository(database(OpenMode::must_exist)).find_by_username(options.user);
        if (!actor_) {
            throw NotFound({fmt::format("沒有用戶「{}」；可用 dplan user add 建立", options.user),
                            fmt::format("no user '{}'; create one with 'dplan user add'", options.user)});
        }
    }
    return *actor_;
}

Bilingual Context::area_name(const std::string& area_id) {
    const auto* plugin = plugins().find_area(area_id);
    return plugin != nullptr ? plugin->area()->name : Bilingual{area_id, area_id};
}

}  // namespace dplan::cli
