#include "services/collaboration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "services/authorization.hpp"
#include "services/subjects.hpp"
#include "storage/database.hpp"
#include "storage/meeting_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"

namespace dplan {

namespace {

CollaborationMatrix collaboration_matrix(Database& db, std::int64_t plan_id) {
    const Plan plan = PlanRepository(db).get(plan_id);
    CollaborationMatrix matrix;
    matrix.plan_id = plan_id;
    for (const auto& section : plan.sections) matrix.areas.push_back(section.area_id);
    matrix.cells.resize(matrix.areas.size());
    auto area_index = [&](const std::string& area) -> std::optional<std::size_t> {
        const auto found = std::find(matrix.areas.begin(), matrix.areas.end(), area);
        if (found == matrix.areas.end()) return std::nullopt;
        return static_cast<std::size_t>(found - matrix.areas.begin());
    };
    auto at = [&](std::size_t area, Sector sector) -> EngagementCell& {
        return matrix.cells[area][static_cast<std::size_t>(sector)];
    };

    for (std::size_t a = 0; a < plan.sections.size(); ++a) {
        for (const auto& point : plan.sections[a].focus_points) {
            for (const Sector sector : point.partners) ++at(a, sector).partners;
        }
    }

    MeetingRepository meetings(db);
    for (const auto& summary : meetings.list({.plan_id = plan_id})) {
        const Meeting meeting = meetings.get(summary.id);
        std::set<std::size_t> covered;
        for (const auto& item : meeting.agenda) {
            if (item.area_id) {
                if (const auto index = area_index(*item.area_id)) covered.insert(*index);
            }
            if (item.focus_point_id) {
                for (std::size_t a = 0; a < plan.sections.size(); ++a) {
                    for (const auto& point : plan.sections[a].focus_points) {
                        if (point.id == *item.focus_point_id) covered.insert(a);
                    }
                }
            }
        }
        if (covered.empty()) {
            for (std::size_t a = 0; a < matrix.areas.size(); ++a) covered.insert(a);
        }
        for (const auto& attendee : meeting.attendees) {
            if (attendee.attendance != Attendance::present) continue;
            for (const auto a : covered) ++at(a, attendee.sector).attendance;
        }
    }

    for (const auto& [area, sector, count] : ProgrammeRepository(db).programmes_by_sector(plan_id)) {
        const auto index = area_index(area);
        if (index) at(*index, sector).programmes += count;
    }
    return matrix;
}

std::vector<TracedView> trace_views(Database& db, std::int64_t plan_id) {
    PlanRepository plans(db);
    const Plan plan = plans.get(plan_id);
    MeetingRepository meetings(db);
    const auto plan_meetings = meetings.list({.plan_id = plan_id});
    std::vector<TracedView> result;
    for (auto& view : meetings.views({.plan_id = plan_id})) {
        TracedView traced;
        for (const auto& meeting : plan_meetings) {
            if (meeting.id == view.meeting_id) traced.meeting = meeting;
        }
        for (const auto& response : view.responses) {
            if (response.focus_point_id) {
                Bilingual text{fmt::format("工作計劃重點 {}（已刪除）", *response.focus_point_id),
                               fmt::format("focus point {} (since removed)", *response.focus_point_id)};
                for (const auto& section : plan.sections) {
                    for (const auto& point : section.focus_points) {
                        if (point.id != *response.focus_point_id) continue;
                        text = {fmt::format("工作計劃重點 {}：{}", point.id, point.text.zh),
                                fmt::format("focus point {}: {}", point.id, point.text.en)};
                    }
                }
                traced.responses.push_back(text);
            } else if (response.plan_id && response.revision) {
                std::string reason;
                for (const auto& revision : plans.revisions(*response.plan_id)) {
                    if (revision.number == *response.revision) reason = revision.reason;
                }
                traced.responses.push_back(
                    {fmt::format("計劃 {} 第 {} 版：{}", *response.plan_id, *response.revision, reason),
                     fmt::format("plan {} revision {}: {}", *response.plan_id, *response.revision, reason)});
            }
        }
        traced.view = std::move(view);
        result.push_back(std::move(traced));
    }
    return result;
}

}  // namespace

CollaborationService::CollaborationService(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

CollaborationMatrix CollaborationService::matrix(std::int64_t plan_id) {
    authorize(actor_, Operation::read_collaboration, plan_subject(PlanRepository(db_).get(plan_id)));
    return collaboration_matrix(db_, plan_id);
}

std::vector<TracedView> CollaborationService::trace(std::int64_t plan_id) {
    authorize(actor_, Operation::read_collaboration, plan_subject(PlanRepository(db_).get(plan_id)));
    return trace_views(db_, plan_id);
}

}  // namespace dplan
