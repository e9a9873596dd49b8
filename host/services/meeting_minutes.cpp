#include "services/meeting_minutes.hpp"

#include <fmt/format.h>

namespace dplan {

namespace {
std::string both(const Bilingual& text) {
    if (text.en.empty() || text.en == text.zh) return text.zh;
    if (text.zh.empty()) return text.en;
    return text.zh + " " + text.en;
}
}  // namespace

std::vector<PaperBlock> meeting_minutes(const MeetingRecord& record, const AreaNamer& area_name,
                                        const std::string& today) {
    const Meeting& meeting = record.meeting;
    std::vector<PaperBlock> blocks;
    blocks.push_back({BlockKind::letterhead, both(record.district)});
    blocks.push_back({BlockKind::title, meeting.title.zh.empty() ? meeting.title.en : meeting.title.zh});
    if (!meeting.title.en.empty() && !meeting.title.zh.empty())
        blocks.push_back({BlockKind::letterhead, meeting.title.en});
    blocks.push_back({BlockKind::letterhead, "會議紀錄 Minutes of meeting"});
    blocks.push_back({BlockKind::paragraph, fmt::format("日期及時間 Date and time：{} – {}（{}）", meeting.starts_at,
                                                        meeting.ends_at.substr(11), meeting.time_zone)});
    if (!meeting.venue.empty()) blocks.push_back({BlockKind::paragraph, "地點 Venue：" + meeting.venue});
    if (!meeting.online_link.empty())
        blocks.push_back({BlockKind::paragraph, "網上會議 Online：" + meeting.online_link});
    if (!record.chair.empty()) blocks.push_back({BlockKind::paragraph, "主席 Chair：" + both(record.chair)});

    blocks.push_back({BlockKind::heading, "出席情況 Attendance"});
    for (const Attendance status :
         {Attendance::present, Attendance::apologies, Attendance::absent, Attendance::invited}) {
        std::string names;
        for (const auto& attendee : meeting.attendees) {
            if (attendee.attendance != status) continue;
            names += (names.empty() ? "" : "、") + both(attendee.name) + "（" + sector_name(attendee.sector).zh + "）";
        }
        if (!names.empty()) blocks.push_back({BlockKind::bullet, both(attendance_name(status)) + "：" + names});
    }

    blocks.push_back({BlockKind::heading, "議程及討論 Agenda and discussion"});
    for (const auto& item : meeting.agenda) {
        std::string title = fmt::format("{}. {}", item.position, both(item.title));
        if (item.area_id) title += "（" + both(area_name(*item.area_id)) + "）";
        blocks.push_back({BlockKind::paragraph, title});
        blocks.push_back({BlockKind::bullet, item.minutes.empty() ? "（未有紀錄 no minutes recorded）" : item.minutes});
    }

    blocks.push_back({BlockKind::heading, "提出的意見 Views raised"});
    if (record.views.empty()) blocks.push_back({BlockKind::paragraph, "沒有 None"});
    for (const auto& view : record.views) {
        std::string status = both(view_status_name(view.status));
        if (view.status == ViewStatus::not_adopted) status += "：" + view.reason;
        blocks.push_back({BlockKind::bullet, fmt::format("[{}] {}：{}（{}）", area_name(view.area_id).zh,
                                                         both(view.raised_by), view.text, status)});
    }

    blocks.push_back({BlockKind::heading, "決定 Decisions"});
    if (record.decisions.empty()) blocks.push_back({BlockKind::paragraph, "沒有 None"});
    for (const auto& decision : record.decisions) blocks.push_back({BlockKind::bullet, decision.text});

    blocks.push_back({BlockKind::heading, "跟進事項 Action items"});
    if (record.actions.empty()) blocks.push_back({BlockKind::paragraph, "沒有 None"});
    for (const auto& action : record.actions) {
        const std::string overdue = action.overdue(today) ? "【逾期 OVERDUE】" : "";
        blocks.push_back(
            {BlockKind::bullet, fmt::format("{}（負責 owner：{}；限期 due：{}；{}）{}", action.description,
                                            action.owner_name.empty() ? "–" : both(action.owner_name), action.due_date,
                                            both(action_status_name(action.status)), overdue)});
    }
    return blocks;
}

}  // namespace dplan
