#include "services/paper_pdf.hpp"

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <memory>

#include "domain/error.hpp"
#include "services/atomic_file.hpp"

namespace dplan {

namespace {

constexpr double page_width = 595.276;  // A4 in points
constexpr double page_height = 841.89;
constexpr double margin = 72;
constexpr double text_width = page_width - 2 * margin;

struct Style {
    double size;
    bool bold;
    PangoAlignment alignment;
    double space_before;
    double indent;
};

Style style_for(BlockKind kind) {
    switch (kind) {
        case BlockKind::paper_number:
            return {11, false, PANGO_ALIGN_RIGHT, 0, 0};
        case BlockKind::letterhead:
            return {12, true, PANGO_ALIGN_CENTER, 4, 0};
        case BlockKind::title:
            return {14, true, PANGO_ALIGN_CENTER, 12, 0};
        case BlockKind::heading:
            return {12, true, PANGO_ALIGN_LEFT, 16, 0};
        case BlockKind::bullet:
            return {11, false, PANGO_ALIGN_LEFT, 4, 18};
        case BlockKind::signature:
            return {11, false, PANGO_ALIGN_RIGHT, 4, 0};
        case BlockKind::paragraph:
        case BlockKind::page_break:
            break;
    }
    return {11, false, PANGO_ALIGN_LEFT, 6, 0};
}

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;
void unref_layout(PangoLayout* layout) { g_object_unref(layout); }
using LayoutPtr = std::unique_ptr<PangoLayout, Deleter<PangoLayout, unref_layout>>;
using FontPtr = std::unique_ptr<PangoFontDescription, Deleter<PangoFontDescription, pango_font_description_free>>;

class PdfWriter {
  public:
    explicit PdfWriter(const std::filesystem::path& file)
        : surface_(cairo_pdf_surface_create(file.c_str(), page_width, page_height)), cr_(cairo_create(surface_.get())) {
        if (const auto status = cairo_surface_status(surface_.get()); status != CAIRO_STATUS_SUCCESS) {
            throw StorageError({fmt::format("無法建立 PDF（{}）", cairo_status_to_string(status)),
                                fmt::format("cannot create the PDF ({})", cairo_status_to_string(status))});
        }
        cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "District Planner");
    }

    void block(const PaperBlock& block) {
        if (block.kind == BlockKind::page_break) {
            new_page();
            return;
        }
        const Style style = style_for(block.kind);
        LayoutPtr layout(pango_cairo_create_layout(cr_.get()));
        FontPtr font(pango_font_description_new());
        pango_font_description_set_family(font.get(), paper_font_family);
        pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
        pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout.get(), font.get());
        // WORD_CHAR: English breaks between words, Chinese between any two characters.
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_width(layout.get(), static_cast<int>((text_width - style.indent) * PANGO_SCALE));
        pango_layout_set_alignment(layout.get(), style.alignment);
        pango_layout_set_spacing(layout.get(), static_cast<int>(style.size * 0.35 * PANGO_SCALE));
        pango_layout_set_text(layout.get(), block.text.c_str(), -1);
        if (const int unknown = pango_layout_get_unknown_glyphs_count(layout.get()); unknown > 0) {
            throw InvalidInput(
                {fmt::format("沒有字型可顯示「{}」中的 {} 個字元；請安裝 fonts-wqy-microhei，罕用字另需 fonts-noto-cjk",
                             block.text, unknown),
                 fmt::format("no installed font can show {} character(s) in \"{}\"; install fonts-wqy-microhei, and "
                             "fonts-noto-cjk for rare characters",
                             unknown, block.text)});
        }
        int width = 0, height = 0;
        pango_layout_get_size(layout.get(), &width, &height);
        const double block_height = static_cast<double>(height) / PANGO_SCALE;
        y_ += style.space_before;
        if (y_ + block_height > page_height - margin) new_page();
        if (block.kind == BlockKind::bullet) {
            cairo_move_to(cr_.get(), margin + style.indent - 12, y_);
            LayoutPtr dot(pango_cairo_create_layout(cr_.get()));
            pango_layout_set_font_description(dot.get(), font.get());
            pango_layout_set_text(dot.get(), "•", -1);
            pango_cairo_show_layout(cr_.get(), dot.get());
        }
        cairo_move_to(cr_.get(), margin + style.indent, y_);
        pango_cairo_show_layout(cr_.get(), layout.get());
        y_ += block_height;
    }

    void finish() {
        footer();
        cairo_show_page(cr_.get());
        cr_.reset();
        cairo_surface_finish(surface_.get());
        if (const auto status = cairo_surface_status(surface_.get()); status != CAIRO_STATUS_SUCCESS) {
            throw StorageError({fmt::format("寫入 PDF 失敗（{}）", cairo_status_to_string(status)),
                                fmt::format("writing the PDF failed ({})", cairo_status_to_string(status))});
        }
    }

  private:
    void new_page() {
        footer();
        cairo_show_page(cr_.get());
        ++page_;
        y_ = margin;
    }

    // "- 1 -" centred at the bottom, as papers number their pages.
    void footer() {
        LayoutPtr layout(pango_cairo_create_layout(cr_.get()));
        FontPtr font(pango_font_description_from_string(fmt::format("{} 9", paper_font_family).c_str()));
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(text_width * PANGO_SCALE));
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        pango_layout_set_text(layout.get(), fmt::format("- {} -", page_).c_str(), -1);
        cairo_move_to(cr_.get(), margin, page_height - margin / 2);
        pango_cairo_show_layout(cr_.get(), layout.get());
    }

    SurfacePtr surface_;
    CairoPtr cr_;
    double y_ = margin;
    int page_ = 1;
};

}  // namespace

void write_paper_pdf(const std::vector<PaperBlock>& blocks, const std::filesystem::path& file) {
    replace_file(file, [&](const std::filesystem::path& temporary) {
        PdfWriter writer(temporary);
        for (const auto& block : blocks) writer.block(block);
        writer.finish();
    });
}

}  // namespace dplan
