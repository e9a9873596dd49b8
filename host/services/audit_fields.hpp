// The audit log's form of programmes, indicators and readings, which several services change
// (the programme service, the CSV and report importers): one form, so their entries compare.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/programme.hpp"

namespace dplan {

nlohmann::json programme_fields(const Programme& programme);
nlohmann::json indicator_fields(const Indicator& indicator);  // without the computed actual
// A reading as it appears under its programme: {"readings": {CODE: {"START..END": value}}}.
nlohmann::json reading_fields(const std::string& code, const std::string& period_start, const std::string& period_end,
                              double value);

}  // namespace dplan
