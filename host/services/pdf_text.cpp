#include "services/pdf_text.hpp"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

#include "domain/error.hpp"

namespace dplan {

std::string pdf_text(const std::filesystem::path& file) {
    std::unique_ptr<poppler::document> document(poppler::document::load_from_file(file.string()));
    if (!document) {
        throw InvalidInput({fmt::format("「{}」不是可讀取的 PDF（檔案損壞或不完整）", file.string()),
                            fmt::format("{} is not a readable PDF (damaged or truncated)", file.string())});
    }
    if (document->is_locked()) {
        throw InvalidInput({fmt::format("「{}」設有密碼，未能讀取", file.string()),
                            fmt::format("{} is password-protected", file.string())});
    }
    std::string text;
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page) continue;
        const auto bytes = page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
        text.append(bytes.begin(), bytes.end());
        text += '\n';
        if (text.size() > pdf_text_largest) {
            throw InvalidInput({fmt::format("「{}」的文字超過 {} 位元組（第 {} 頁），不像是委員會文件", file.string(),
                                            pdf_text_largest, i + 1),
                                fmt::format("the text of {} is larger than {} bytes (at page {}), too large for a "
                                            "committee paper",
                                            file.string(), pdf_text_largest, i + 1)});
        }
    }
    return text;
}

}  // namespace dplan
