// Whether a Chinese message line is whole Chinese: the project's rule allows English words in it
// only as identifiers, paths and units. What is left after taking those out must have no Latin
// words; the test helpers report what was left.
#pragma once

#include <regex>
#include <set>
#include <string>
#include <vector>

namespace dplan::testing {

// The English words in `zh` that are none of: quoted data (「…」, the plugin's own or the
// system's text), a token with a path or identifier character in it (/ . _ - : = * ( ) [ ] { } ' "
// or a digit), an acronym (all capitals), a `dplan` command, a unit, a sector code or one of the
// few bare identifiers the messages name.
inline std::vector<std::string> english_words_in_chinese(std::string zh) {
    static const std::set<std::string> identifiers{
        "dplan", "root",   "uid",       "chmod",    "percent",    "sessions",  "persons",    "attendances", "contacts",
        "posts", "hours",  "groups",    "cases",    "households", "referrals", "placements", "activities",  "visits",
        "ngo",   "health", "education", "business", "government", "resident",  "library",    "describe"};
    zh = std::regex_replace(zh, std::regex("「[^」]*」"), " ");
    // `dplan plugin sign`, `dplan plan add-area 1 x`: a command is an identifier.
    zh = std::regex_replace(zh, std::regex("dplan( [-a-z0-9_.]+)+"), " ");
    std::vector<std::string> words;
    static const std::regex token("[!-~]+");  // a run of printable ASCII
    for (auto it = std::sregex_iterator(zh.begin(), zh.end(), token); it != std::sregex_iterator(); ++it) {
        const std::string text = it->str();
        if (text.find_first_of("/._-:=*()[]{}'\"0123456789<>") != std::string::npos) continue;
        static const std::regex word("[A-Za-z]+");
        for (auto w = std::sregex_iterator(text.begin(), text.end(), word); w != std::sregex_iterator(); ++w) {
            const std::string found = w->str();
            const bool acronym = found.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
            if (acronym || identifiers.count(found) > 0) continue;
            words.push_back(found);
        }
    }
    return words;
}

}  // namespace dplan::testing
