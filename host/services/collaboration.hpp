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
#include "storage/database.hpp"

namespace dplan {

struct EngagementCell {
    int partners = 0;     // focus points naming the sector
    int attendance = 0;   // people of the sector present at meetings on the area
    int programmes = 0;   // programmes on the area run by the sector's organisations
    bool empty() const { return partners == 0 && attendance == 0 && programmes == 0; }
};

struct CollaborationMatrix {
    std::int64_t plan_id = 0;
    std::vector<std::string> areas;  // the plan's sections, in order
    std::vector<std::array<EngagementCell, all_sectors.size()>> cells;  // [area][sector]

    const EngagementCell& cell(std::size_t area, Sector sector) const {
        return cells[area][static_cast<std::size_t>(sector)];
    }
};

// A meeting with no agenda item on a particular area counts for every area of the plan.
CollaborationMatrix collaboration_matrix(Database& db, std::int64_t plan_id);

struct TracedView {
    RaisedView view;
    Meeting meeting;                     // without attendees and agenda
    std::vector<Bilingual> responses;    // "focus point 12: ..." / "revision 3: reason"
};

// Every view raised in meetings linked to the plan, oldest first, with what happened to it.
std::vector<TracedView> trace_views(Database& db, std::int64_t plan_id);

}  // namespace dplan
