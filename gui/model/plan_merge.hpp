// Re-applies a user's edits to a plan someone else saved in the meantime: every field the user
// changed (against the version they started from) takes the user's value; everything else takes
// the newer stored value. Focus points are matched by their stable ids; new ones are appended,
// ones the user removed are removed.
#pragma once

#include "domain/plan.hpp"

namespace dplan::gui {

Plan merge_edits(const Plan& base, const Plan& mine, const Plan& latest);

}  // namespace dplan::gui
