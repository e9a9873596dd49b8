#include "services/measure_words.hpp"

#include <array>
#include <utility>

namespace dplan {

namespace {

struct Entry {
    std::u32string_view words;
    std::string_view unit;
    bool names_thing;
};

// Longest first where one begins another (次探訪 before 次, 出席人次 before 人次).
constexpr std::array<Entry, 33> after_number{{
    {U"出席人次", "attendances", true},
    {U"接觸人次", "contacts", true},
    {U"次探訪", "visits", true},
    {U"次家訪", "visits", true},
    {U"個小組", "groups", true},
    {U"個家庭", "households", true},
    {U"個案", "cases", true},
    {U"宗個案", "cases", true},
    {U"項活動", "activities", true},
    {U"個活動", "activities", true},
    {U"個轉介", "referrals", true},
    {U"宗轉介", "referrals", true},
    {U"個名額", "placements", true},
    {U"名額", "placements", true},
    {U"小時", "hours", true},
    {U"人次", "attendances", true},
    {U"小組", "groups", true},
    {U"家庭", "households", true},
    {U"轉介", "referrals", true},
    {U"名", "persons", false},
    {U"位", "persons", false},
    {U"人", "persons", false},
    {U"次", "sessions", false},
    {U"節", "sessions", false},
    {U"場", "sessions", false},
    {U"堂", "sessions", false},
    {U"篇", "posts", false},
    {U"則", "posts", false},
    {U"組", "groups", false},
    {U"戶", "households", false},
    {U"項", "activities", false},
    {U"宗", "cases", false},
    {U"個", "", false},
}};

// Nouns that name what a later number counts: "總出席人次達140", "參加人數為25".
constexpr std::array<Entry, 10> before_number{{
    {U"出席人次", "attendances", true},
    {U"接觸人次", "contacts", true},
    {U"人次", "attendances", true},
    {U"參加人數", "persons", true},
    {U"人數", "persons", true},
    {U"節數", "sessions", true},
    {U"次數", "sessions", true},
    {U"場數", "sessions", true},
    {U"小時", "hours", true},
    {U"個案", "cases", true},
}};

}  // namespace

std::optional<MeasureWord> chinese_measure_after(std::u32string_view after, std::u32string_view before) {
    const Entry* best = nullptr;
    for (const auto& entry : after_number) {
        if (after.starts_with(entry.words) && (!best || entry.words.size() > best->words.size())) best = &entry;
    }
    // 個 alone says nothing: "3個" of what is not known.
    if (!best || best->unit.empty()) return std::nullopt;
    std::string unit(best->unit);
    if (best->words == U"人次" && before.find(U"接觸") != std::u32string_view::npos) unit = "contacts";
    return MeasureWord{unit, best->words.size(), best->names_thing};
}

std::optional<MeasureWord> chinese_measure_before(std::u32string_view before) {
    std::optional<MeasureWord> found;
    std::size_t found_at = 0;
    for (const auto& entry : before_number) {
        const auto at = before.rfind(entry.words);
        if (at == std::u32string_view::npos) continue;
        // The latest noun wins; at the same place the longer one (出席人次 over 人次).
        const std::size_t end = at + entry.words.size();
        if (!found || end > found_at || (end == found_at && entry.words.size() > found->length)) {
            std::string unit(entry.unit);
            if (entry.words == U"人次" && before.substr(0, at).find(U"接觸") != std::u32string_view::npos)
                unit = "contacts";
            found = MeasureWord{unit, entry.words.size(), true};
            found_at = end;
        }
    }
    return found;
}

std::optional<std::string> english_unit(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 44> nouns{{
        {"sessions", "sessions"},
        {"session", "sessions"},
        {"talks", "sessions"},
        {"talk", "sessions"},
        {"workshops", "sessions"},
        {"workshop", "sessions"},
        {"classes", "sessions"},
        {"meetings", "sessions"},
        {"seminars", "sessions"},
        {"trainings", "sessions"},
        {"participants", "persons"},
        {"participant", "persons"},
        {"persons", "persons"},
        {"people", "persons"},
        {"members", "persons"},
        {"parents", "persons"},
        {"carers", "persons"},
        {"caregivers", "persons"},
        {"youths", "persons"},
        {"residents", "persons"},
        {"volunteers", "persons"},
        {"elders", "persons"},
        {"students", "persons"},
        {"attendances", "attendances"},
        {"attendees", "attendances"},
        {"contacts", "contacts"},
        {"posts", "posts"},
        {"articles", "posts"},
        {"groups", "groups"},
        {"hours", "hours"},
        {"cases", "cases"},
        {"households", "households"},
        {"families", "households"},
        {"referrals", "referrals"},
        {"placements", "placements"},
        {"places", "placements"},
        {"activities", "activities"},
        {"events", "activities"},
        {"visits", "visits"},
        {"home-visits", "visits"},
        {"attendance", "attendances"},
        {"person-times", "attendances"},
        {"outreach-contacts", "contacts"},
        {"individuals", "persons"},
    }};
    for (const auto& [noun, unit] : nouns) {
        if (noun == word) return std::string(unit);
    }
    return std::nullopt;
}

}  // namespace dplan
