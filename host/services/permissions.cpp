#include "services/permissions.hpp"

#include <fmt/format.h>

namespace dplan {

namespace {

bool own_district(const User& user, const Plan& plan) {
    return user.district_id && *user.district_id == plan.district_id;
}

Bilingual action_name(PlanAction action) {
    switch (action) {
        case PlanAction::read:
            return {"閱覽", "read"};
        case PlanAction::edit:
            return {"修改", "edit"};
        case PlanAction::submit:
            return {"提交", "submit"};
        case PlanAction::comment:
            return {"評論", "comment on"};
        case PlanAction::review:
            return {"開始審閱", "start reviewing"};
        case PlanAction::decide:
            break;
    }
    return {"記錄決定於", "record a decision on"};
}

}  // namespace

bool is_allowed(const User& user, PlanAction action, const Plan& plan) {
    if (user.role == Role::system || user.role == Role::admin) return true;
    const bool submitted = plan.status != PlanStatus::draft;
    switch (user.role) {
        case Role::officer:
            return own_district(user, plan) &&
                   (action == PlanAction::read || action == PlanAction::edit || action == PlanAction::submit ||
                    action == PlanAction::comment);
        case Role::committee_member:
            return submitted && (action == PlanAction::read || action == PlanAction::comment ||
                                 action == PlanAction::review || action == PlanAction::decide);
        case Role::ngo:
        case Role::viewer:
            return submitted && action == PlanAction::read;
        default:
            return false;
    }
}

void require(const User& user, PlanAction action, const Plan& plan) {
    if (is_allowed(user, action, plan)) return;
    const Bilingual what = action_name(action);
    throw PermissionDenied(
        {fmt::format("用戶「{}」（{}）無權{}計劃 {}", user.username, role_code(user.role), what.zh, plan.id),
         fmt::format("user '{}' ({}) may not {} plan {}", user.username, role_code(user.role), what.en, plan.id)});
}

}  // namespace dplan
