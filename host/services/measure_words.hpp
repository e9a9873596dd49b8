// What a report's figures count, from the words around them: "8次" sessions, "260名" persons,
// "出席人次達140" attendances, "接觸2,150人次" contacts; "12 online articles" posts, "total
// attendances reached 140" attendances. Units are those of domain/indicator_unit.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dplan {

struct MeasureWord {
    std::string unit;          // "sessions"
    std::size_t length = 0;    // code points of the text it matched
    bool names_thing = false;  // 人次, 小組, 個案: a noun worth keeping in the description; 次, 名: a classifier
};

// The Chinese measure word at the start of `after` (the text right after a number), longest
// first. `before` is the clause up to the number: 人次 after 接觸 counts contacts, else attendances.
std::optional<MeasureWord> chinese_measure_after(std::u32string_view after, std::u32string_view before);

// The last Chinese measure noun in `before` (e.g. "總出席人次達"), for a number written after what
// it counts.
std::optional<MeasureWord> chinese_measure_before(std::u32string_view before);

// The unit an English noun counts in ("talks" sessions, "participants" persons), lower case.
std::optional<std::string> english_unit(std::string_view word);

}  // namespace dplan
