#include "storage/change_stamp.hpp"

#include <fmt/format.h>

namespace dplan {

std::string change_stamp(Database& db) {
    return db.read("check for changes", [&] {
        long long plans = 0, comments = 0, decisions = 0, meetings = 0, readings = 0, indicators = 0, views = 0,
                  actions = 0;
        soci::indicator a, b, c, d, e, f, g, h;
        db.session() << "SELECT (SELECT SUM(version) FROM plans), (SELECT MAX(id) FROM review_comments), "
                        "(SELECT MAX(id) FROM plan_decisions) + (SELECT COUNT(*) FROM plan_status_changes), "
                        "(SELECT SUM(version) FROM meetings), (SELECT MAX(id) FROM readings), "
                        "(SELECT MAX(id) FROM indicators), (SELECT MAX(id) FROM meeting_views), "
                        "(SELECT MAX(id) FROM action_items)",
            soci::into(plans, a), soci::into(comments, b), soci::into(decisions, c), soci::into(meetings, d),
            soci::into(readings, e), soci::into(indicators, f), soci::into(views, g), soci::into(actions, h);
        return fmt::format("{}/{}/{}/{}/{}/{}/{}/{}", plans, comments, decisions, meetings, readings, indicators, views,
                           actions);
    });
}

}  // namespace dplan
