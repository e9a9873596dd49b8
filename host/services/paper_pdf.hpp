// The committee paper as an A4 PDF, through cairo and pango with a CJK font from a Debian font
// package, so Chinese lines break between characters and nothing renders as boxes.
#pragma once

#include <filesystem>
#include <vector>

#include "services/committee_paper.hpp"

namespace dplan {

// Writes all or nothing (services/atomic_file.hpp). Throws StorageError when the file
// cannot be written, InvalidInput when no installed font has a glyph the paper needs.
void write_paper_pdf(const std::vector<PaperBlock>& blocks, const std::filesystem::path& file);

// The fonts the paper is set in, in order of preference; Noto CJK, when installed, covers rare
// characters (HKSCS, beyond the BMP) that WenQuanYi lacks.
inline constexpr const char* paper_font_family = "WenQuanYi Micro Hei,Noto Sans CJK TC";

}  // namespace dplan
