// Where an exported document goes: a file given with --out, or the terminal. PDFs need a file.
// Files are replaced all or nothing (services/atomic_file.hpp): a failed export leaves the
// previous file as it was.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "services/committee_paper.hpp"

namespace dplan::cli {

void write_text_document(Context& context, const std::string& text, const std::string& out);
void write_pdf_document(Context& context, const std::vector<PaperBlock>& blocks, const std::string& out);

}  // namespace dplan::cli
