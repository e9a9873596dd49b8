// Every label the dashboard shows, in Traditional Chinese (zh-HK) and English. Screens ask for a
// key; a missing key is a programming error caught by the tests (every key has both languages).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/bilingual.hpp"

namespace dplan::gui {

class Strings {
  public:
    explicit Strings(Language language = Language::zh) : language_(language) {}
    void set_language(Language language) { language_ = language; }
    Language language() const { return language_; }

    // The label in the current language; "?key" if there is none (tests forbid that).
    const char* operator()(std::string_view key) const;
    // The label in both languages, for a message a view model hands to a screen; "?" if there is none.
    static const Bilingual& both(std::string_view key);
    const std::string& pick(const Bilingual& text) const;

    static std::vector<std::pair<std::string_view, Bilingual>> const& table();

  private:
    Language language_;
};

// The keys and what they do, for the help overlay (F1).
const std::vector<std::pair<std::string, Bilingual>>& keyboard_shortcuts();

}  // namespace dplan::gui
