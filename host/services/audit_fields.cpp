#include "services/audit_fields.hpp"

#include "services/audit_trail.hpp"

namespace dplan {

nlohmann::json programme_fields(const Programme& programme) {
    return {{"name", audit_value(programme.name)},
            {"organisation_id", audit_value(programme.organisation_id)},
            {"district_id", audit_value(programme.district_id)},
            {"period_start", programme.period_start},
            {"period_end", programme.period_end},
            {"objectives", audit_value(programme.objectives)},
            {"areas", programme.areas}};
}

nlohmann::json indicator_fields(const Indicator& indicator) {
    return {{"kind", indicator_kind_code(indicator.kind)},
            {"description", audit_value(indicator.description)},
            {"unit", indicator.unit},
            {"target", audit_value(indicator.target)},
            {"catalogue_code", audit_value(indicator.catalogue_code)}};
}

nlohmann::json reading_fields(const std::string& code, const std::string& period_start, const std::string& period_end,
                              double value) {
    return {{"readings", {{code, {{period_start + ".." + period_end, value}}}}}};
}

}  // namespace dplan
