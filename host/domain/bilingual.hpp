// Text that users see in both Traditional Chinese (zh-HK) and English.
#pragma once

#include <string>
#include <string_view>

namespace dplan {

enum class Language { zh, en };

struct Bilingual {
    std::string zh;
    std::string en;

    const std::string& in(Language language) const { return language == Language::zh ? zh : en; }
    bool empty() const { return zh.empty() && en.empty(); }
    bool operator==(const Bilingual&) const = default;
};

// "zh", "zh-HK", "zh_HK.UTF-8" -> zh; anything else -> en.
Language parse_language(std::string_view code);

// The language of the user's locale (LC_ALL, LC_MESSAGES, LANG), English when unset.
Language language_from_environment();

}  // namespace dplan
