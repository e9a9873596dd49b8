#include "services/meeting_permissions.hpp"

#include <fmt/format.h>

namespace dplan {

bool is_allowed(const User& user, MeetingAction action, std::int64_t district_id) {
    switch (user.role) {
        case Role::system:
        case Role::admin: return true;
        case Role::officer: return user.district_id && *user.district_id == district_id;
        case Role::committee_member:
            return action == MeetingAction::read || action == MeetingAction::raise_view || action == MeetingAction::decide;
        case Role::ngo: return action == MeetingAction::read || action == MeetingAction::raise_view;
        case Role::viewer: return action == MeetingAction::read;
    }
    return false;
}

void require(const User& user, MeetingAction action, std::int64_t district_id) {
    if (is_allowed(user, action, district_id)) return;
    static const Bilingual names[] = {
        {"閱覽", "read"}, {"籌辦", "organise"}, {"提出意見於", "raise views in"}, {"記錄決定於", "record decisions in"}};
    const Bilingual& what = names[static_cast<int>(action)];
    throw PermissionDenied({fmt::format("用戶「{}」（{}）無權{}地區 {} 的會議", user.username, role_code(user.role), what.zh, district_id),
                            fmt::format("user '{}' ({}) may not {} meetings of district {}", user.username,
                                        role_code(user.role), what.en, district_id)});
}

}  // namespace dplan
