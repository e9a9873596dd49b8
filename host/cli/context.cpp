#include "cli/context.hpp"

#include <fmt/format.h>

#include "storage/migration.hpp"

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
    if (text.zh.empty() || text.en.empty() || text.zh == text.en) return text.zh + text.en;
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

}  // namespace dplan::cli
