#include "cli/document_output.hpp"

#include <ostream>

#include "services/atomic_file.hpp"
#include "services/paper_pdf.hpp"

namespace dplan::cli {

void write_text_document(Context& context, const std::string& text, const std::string& out) {
    if (out.empty()) {
        context.out << text;
        return;
    }
    replace_file(out, text);
}

void write_pdf_document(Context& context, const std::vector<PaperBlock>& blocks, const std::string& out) {
    if (out.empty()) throw InvalidInput({"PDF 須以 --out 指定輸出檔案", "a PDF needs an output file: --out FILE.pdf"});
    write_paper_pdf(blocks, out);
    context.out << context.pick({"已輸出：", "Written: "}) << out << '\n';
}

}  // namespace dplan::cli
