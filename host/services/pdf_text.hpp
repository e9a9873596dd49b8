// The text of a PDF, page by page in reading order, through poppler's C++ API.
#pragma once

#include <filesystem>
#include <string>

namespace dplan {

// Text beyond this is not a committee paper (a 100-page paper is about 300 KB): extraction stops
// there with an error instead of filling memory from a small file of compressed text.
inline constexpr std::size_t pdf_text_largest = 10 * 1024 * 1024;

// Throws InvalidInput for a file that is not a readable PDF (damaged, truncated, locked) or whose
// text is larger than pdf_text_largest.
std::string pdf_text(const std::filesystem::path& file);

}  // namespace dplan
