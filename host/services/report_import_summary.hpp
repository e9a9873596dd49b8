// What a report import found, inferred, left out and did, as lines of text in one language: the
// command line prints it, the dashboard shows it in its preview before anything is written.
#pragma once

#include <string>

#include "domain/bilingual.hpp"
#include "services/report_import.hpp"

namespace dplan {

std::string report_import_summary(const ReportImportResult& result, Language language);

}  // namespace dplan
