#include "cli/context.hpp"

#include <fmt/format.h>

#include "services/build_tree.hpp"

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

Store& Context::store(OpenMode mode, bool require_current_schema) {
    if (!store_) {
        std::optional<std::filesystem::path> option_file;
        if (!options.option_file.empty()) option_file = options.option_file;
        store_ = Store::open(options.database_url, mode, option_file, require_current_schema);
    }
    return *store_;
}

PlanWorkflow Context::plans() { return PlanWorkflow(store().database(), plugins(), actor()); }
MeetingService Context::meetings() { return MeetingService(store().database(), plugins(), actor()); }
ProgrammeService Context::programmes() { return ProgrammeService(store().database(), actor()); }
DirectoryService Context::directory() { return DirectoryService(store().database(), actor()); }
DistrictService Context::districts() { return DistrictService(store().database(), actor()); }
AccountService Context::accounts() { return AccountService(store().database(), actor()); }
CollaborationService Context::collaboration() { return CollaborationService(store().database(), actor()); }
AuditService Context::audit() { return AuditService(store().database(), actor()); }

DatabaseAdmin Context::admin(OpenMode mode) {
    Store& opened = store(mode, false);
    return DatabaseAdmin(opened.database(), actor());
}

plugins::LoaderOptions Context::loader_options() const {
    const auto sources = with_build_tree({options.plugin_dirs, options.trusted_keys});
    return plugins::standard_loader_options(sources.plugin_dirs, sources.trusted_keys, options.allow_unsigned);
}

plugins::PluginRegistry& Context::plugins() {
    if (!plugins_)
        plugins_ = std::make_unique<plugins::PluginRegistry>(plugins::PluginRegistry::load(loader_options()));
    return *plugins_;
}

const User& Context::actor() {
    if (!actor_) actor_ = store().user(options.user);
    return *actor_;
}

Bilingual Context::area_name(const std::string& area_id) {
    const auto* plugin = plugins().find_area(area_id);
    return plugin != nullptr ? plugin->area()->name : Bilingual{area_id, area_id};
}

}  // namespace dplan::cli
