#include "domain/bilingual.hpp"

#include <cstdlib>

namespace dplan {

Language parse_language(std::string_view code) { return code.starts_with("zh") ? Language::zh : Language::en; }

Language language_from_environment() {
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value != nullptr && *value != '\0') return parse_language(value);
    }
    return Language::en;
}

}  // namespace dplan
