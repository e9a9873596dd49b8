#include "domain/plan_status.hpp"

#include <array>

namespace dplan {

namespace {
struct StatusInfo {
    PlanStatus status;
    std::string_view code;
    const char* zh;
    const char* en;
};

constexpr std::array<StatusInfo, 6> status_table{{
    {PlanStatus::draft, "draft", "草擬中", "Draft"},
    {PlanStatus::submitted, "submitted", "已提交", "Submitted"},
    {PlanStatus::under_review, "under_review", "審閱中", "Under review"},
    {PlanStatus::noted, "noted", "已備悉", "Noted"},
    {PlanStatus::endorsed, "endorsed", "已通過", "Endorsed"},
    {PlanStatus::returned, "returned", "發還修訂", "Returned with comments"},
}};
}  // namespace

std::string_view status_code(PlanStatus status) { return status_table[static_cast<std::size_t>(status)].code; }

std::optional<PlanStatus> parse_status(std::string_view code) {
    for (const auto& entry : status_table) {
        if (entry.code == code) return entry.status;
    }
    return std::nullopt;
}

Bilingual status_name(PlanStatus status) {
    const auto& entry = status_table[static_cast<std::size_t>(status)];
    return {entry.zh, entry.en};
}

}  // namespace dplan
