// The cross-sector view of a plan: for each service area and each sector, how engaged the sector
// is — partners named in the area's focus points, people present at the plan's meetings that
// discussed the area, programmes serving the area run by organisations of the sector. An empty
// cell is where a planner should look. And the trace of every view raised in the plan's meetings.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "domain/meeting.hpp"
#include "domain/sector.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;

struct EngagementCell {
    int partners = 0;    // focus points naming the sector
    int attendance = 0;  // people of the sector present at meetings on the area
    int programmes = 0;  // programmes on the area run by the sector's organisations
    bool empty() const { return partners == 0 && attendance == 0 && programmes == 0; }
};

struct CollaborationMatrix {
    std::int64_t plan_id = 0;
    std::vector<std::string> areas;                                     // the plan's sections, in order
    std::vector<std::array<EngagementCell, all_sectors.size()>> cells;  // [area][sector]

    const EngagementCell& cell(std::size_t area, Sector sector) const {
        return cells[area][static_cast<std::size_t>(sector)];
    }
};

struct TracedView {
    RaisedView view;
    Meeting meeting;                   // without attendees and agenda
    std::vector<Bilingual> responses;  // "focus point 12: ..." / "revision 3: reason"
};

// The collaboration reads, for the users who may see the plan's meetings and programmes
// (officers of the district, its committee members once the plan is submitted, admins).
class CollaborationService {
  public:
    CollaborationService(Database& db, User actor);
    // A meeting with no agenda item on a particular area counts for every area of the plan.
    CollaborationMatrix matrix(std::int64_t plan_id);
    // Every view raised in meetings linked to the plan, oldest first, with what happened to it.
    std::vector<TracedView> trace(std::int64_t plan_id);

  private:
    Database& db_;
    User actor_;
};

}  // namespace dplan
