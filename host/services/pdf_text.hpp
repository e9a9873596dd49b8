// The text of a PDF, page by page in reading order, through poppler's C++ API.
#pragma once

#include <filesystem>
#include <string>

namespace dplan {

// Throws InvalidInput for a file that is not a readable PDF (damaged, truncated, locked).
std::string pdf_text(const std::filesystem::path& file);

}  // namespace dplan
