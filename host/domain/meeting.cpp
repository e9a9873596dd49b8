#include "domain/meeting.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <chrono>

#include "domain/error.hpp"

namespace dplan {

namespace {

template <typename Enum, std::size_t N>
struct Names {
    std::array<std::string_view, N> codes;
    std::array<Bilingual, N> names;

    std::string_view code(Enum value) const { return codes[static_cast<std::size_t>(value)]; }
    Bilingual name(Enum value) const { return names[static_cast<std::size_t>(value)]; }
    std::optional<Enum> parse(std::string_view text) const {
        for (std::size_t i = 0; i < N; ++i) {
            if (codes[i] == text) return static_cast<Enum>(i);
        }
        return std::nullopt;
    }
};

const Names<MeetingKind, 5> kinds{
    {"planning_meeting", "committee_meeting", "working_group", "seminar", "consultation_session"},
    {Bilingual{"地區福利規劃會議", "District welfare planning meeting"}, Bilingual{"委員會會議", "Committee meeting"},
     Bilingual{"工作小組", "Working group"}, Bilingual{"研討會", "Seminar"},
     Bilingual{"諮詢會", "Consultation session"}}};
const Names<Attendance, 4> attendances{{"invited", "present", "apologies", "absent"},
                                       {Bilingual{"已邀請", "invited"}, Bilingual{"出席", "present"},
                                        Bilingual{"因事缺席", "apologies"}, Bilingual{"缺席", "absent"}}};
const Names<ViewStatus, 3> view_statuses{
    {"open", "addressed", "not_adopted"},
    {Bilingual{"跟進中", "open"}, Bilingual{"已納入計劃", "addressed in plan"}, Bilingual{"不採納", "not adopted"}}};
const Names<ActionStatus, 3> action_statuses{
    {"open", "done", "cancelled"},
    {Bilingual{"未完成", "open"}, Bilingual{"已完成", "done"}, Bilingual{"已取消", "cancelled"}}};

}  // namespace

std::string_view meeting_kind_code(MeetingKind kind) { return kinds.code(kind); }
std::optional<MeetingKind> parse_meeting_kind(std::string_view code) { return kinds.parse(code); }
Bilingual meeting_kind_name(MeetingKind kind) { return kinds.name(kind); }
std::string_view attendance_code(Attendance attendance) { return attendances.code(attendance); }
std::optional<Attendance> parse_attendance(std::string_view code) { return attendances.parse(code); }
Bilingual attendance_name(Attendance attendance) { return attendances.name(attendance); }
std::string_view view_status_code(ViewStatus status) { return view_statuses.code(status); }
std::optional<ViewStatus> parse_view_status(std::string_view code) { return view_statuses.parse(code); }
Bilingual view_status_name(ViewStatus status) { return view_statuses.name(status); }
std::string_view action_status_code(ActionStatus status) { return action_statuses.code(status); }
std::optional<ActionStatus> parse_action_status(std::string_view code) { return action_statuses.parse(code); }
Bilingual action_status_name(ActionStatus status) { return action_statuses.name(status); }

std::string require_local_time(std::string_view text) {
    std::string value(text);
    if (value.size() == 16 && value[10] == ' ') value[10] = 'T';
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(value[i]))) return false;
        }
        return true;
    };
    const bool shaped = value.size() == 16 && value[4] == '-' && value[7] == '-' && value[10] == 'T' &&
                        value[13] == ':' && digits(0, 4) && digits(5, 2) && digits(8, 2) && digits(11, 2) &&
                        digits(14, 2);
    if (shaped) {
        const int month = std::stoi(value.substr(5, 2)), day = std::stoi(value.substr(8, 2));
        const int hour = std::stoi(value.substr(11, 2)), minute = std::stoi(value.substr(14, 2));
        const std::chrono::year_month_day date{std::chrono::year{std::stoi(value.substr(0, 4))},
                                               std::chrono::month{static_cast<unsigned>(month)},
                                               std::chrono::day{static_cast<unsigned>(day)}};
        if (date.ok() && hour < 24 && minute < 60) return value;  // 2024-02-31 is no day
    }
    throw InvalidInput({fmt::format("時間「{}」格式不正確，應為 2024-06-18T14:30", text),
                        fmt::format("time '{}' is not valid; expected the form 2024-06-18T14:30 (local time)", text)});
}

}  // namespace dplan
