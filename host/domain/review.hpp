// Committee review of a submitted plan: comment threads pinned to the revision they were
// written on, and decisions. Never edited in place: a correction or a resolution is a new entry
// and the history keeps both.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/bilingual.hpp"
#include "domain/plan_status.hpp"

namespace dplan {

enum class CommentKind { comment, reply, resolution, correction };

std::string_view comment_kind_code(CommentKind kind);
std::optional<CommentKind> parse_comment_kind(std::string_view code);
Bilingual comment_kind_name(CommentKind kind);

struct ReviewComment {
    std::int64_t id = 0;
    std::int64_t plan_id = 0;
    int revision = 0;                            // the plan revision it was written on
    std::optional<std::string> area_id;          // a section, or the whole plan
    std::optional<std::int64_t> focus_point_id;  // a focus point within that section
    std::optional<std::int64_t> parent_id;       // replies, resolutions and corrections
    CommentKind kind = CommentKind::comment;
    std::int64_t author_id = 0;
    std::string author_name;
    std::string created_at;
    std::string body;
};

struct Decision {
    std::int64_t id = 0;
    std::int64_t plan_id = 0;
    int revision = 0;
    PlanStatus outcome = PlanStatus::noted;  // noted, endorsed or returned
    std::string decided_on;                  // YYYY-MM-DD
    std::string meeting_ref;                 // "Social Services Committee, 3rd meeting 2024"
    std::string note;
    std::int64_t recorded_by = 0;
    std::string recorder_name;
    std::string recorded_at;
};

struct StatusChange {
    PlanStatus from = PlanStatus::draft;
    PlanStatus to = PlanStatus::draft;
    int revision = 0;
    std::string actor_name;
    std::string changed_at;
};

}  // namespace dplan
