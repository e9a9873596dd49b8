// Reads a committee paper (文件) as plain text, as it comes out of a PDF: lines broken
// mid-sentence, blank lines between them, private-use bullets (U+F06C), full-width punctuation.
// Recognises the paper number, year, district, theme, purpose, advice sought, and each service
// area's objective and focus points (areas by the plugins' heading synonyms), and reports every
// line it could not place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/plan.hpp"

namespace dplan {

struct AreaHeadings {
    std::string area_id;
    std::vector<std::string> synonyms;
};

struct PaperLine {
    int number = 0;  // 1-based, in the file
    std::string text;
};

struct PaperImport {
    Plan plan;                          // district_id is left 0: the caller resolves the district
    std::string district_name;          // as written in the paper, e.g. "河畔區"
    std::vector<Bilingual> recognised;  // what was found, for the report
    std::vector<PaperLine> unplaced;    // lines that fit nowhere
};

// A paper is a few hundred kilobytes of text and its lines are a paragraph at most; anything
// larger is refused before it is read (docs: README, `plan import`).
inline constexpr std::size_t paper_largest_text = 10 * 1024 * 1024;
inline constexpr std::size_t paper_longest_line = 16 * 1024;

// Throws InvalidInput (naming the line where it can) for text that is not a readable paper:
// empty, not UTF-8, binary, larger than paper_largest_text, a line longer than
// paper_longest_line bytes, no recognisable service area, no financial year.
PaperImport import_paper_text(std::string_view text, const std::vector<AreaHeadings>& areas);

}  // namespace dplan
