#include "services/csv.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/error.hpp"
#include "plugins/utf8.hpp"

namespace dplan {

namespace {

[[noreturn]] void bad(int line, std::string_view zh, std::string_view en) {
    throw InvalidInput({fmt::format("第 {} 行：{}", line, zh), fmt::format("line {}: {}", line, en)});
}

// The reader as a state machine fed any number of blocks, so a quote or a CRLF split between two
// blocks reads the same as within one.
class CsvParser {
  public:
    explicit CsvParser(const CsvRowHandler& on_row) : on_row_(on_row) { row_.line = 1; }

    void feed(std::string_view text) {
        // A leading UTF-8 BOM is skipped, even when it arrives split between blocks.
        constexpr std::string_view bom = "\xEF\xBB\xBF";
        while (!text.empty() && reading_bom_) {
            head_ += text.front();
            text.remove_prefix(1);
            if (head_ == bom || !bom.starts_with(head_)) end_bom();
        }
        for (const char c : text) take(c);
    }

    void finish() {
        end_bom();
        if (quote_pending_) {  // the file ended right after a closing quote
            quote_pending_ = false;
            quoted_ = false;
        }
        if (quoted_) bad(row_.line, "引號未有關閉", "a quoted field is never closed");
        if (!field_.empty() || !row_.fields.empty()) end_row();
    }

  private:
    void end_bom() {
        if (!reading_bom_) return;
        reading_bom_ = false;
        if (head_ != "\xEF\xBB\xBF") {
            for (const char c : head_) take(c);
        }
        head_.clear();
    }

    void take(char c) {
        if (c == '\0') bad(line_, "含有二進位資料，不是文字檔", "contains binary data; this is not a text file");
        if (quote_pending_) {  // a quote inside a quoted field: "" is a quote, anything else closes it
            quote_pending_ = false;
            if (c == '"') {
                append(c);
                return;
            }
            quoted_ = false;
        } else if (quoted_) {
            if (c == '"') {
                quote_pending_ = true;
                return;
            }
            if (c == '\n') ++line_;
            append(c);
            return;
        }
        if (c == '"' && !field_started_) {
            quoted_ = true;
            field_started_ = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\n') {
            if (!field_.empty() && field_.back() == '\r') field_.pop_back();
            end_row();
            ++line_;
        } else {
            append(c);
            field_started_ = true;
        }
    }

    void append(char c) {
        field_ += c;
        if (field_.size() > csv_largest_field) {
            bad(line_, fmt::format("欄位超過 {} 位元組", csv_largest_field),
                fmt::format("a field is longer than {} bytes", csv_largest_field));
        }
    }

    void end_field() {
        if (!plugins::is_valid_utf8(field_))
            bad(line_, "不是 UTF-8 文字；請以 UTF-8 儲存 CSV", "not UTF-8 text; save the CSV as UTF-8");
        if (row_.fields.size() == csv_most_fields) {
            bad(line_, fmt::format("一行超過 {} 個欄位", csv_most_fields),
                fmt::format("a row has more than {} fields", csv_most_fields));
        }
        row_.fields.push_back(field_);
        field_.clear();
        field_started_ = false;
    }

    void end_row() {
        end_field();
        const bool blank = row_.fields.size() == 1 && row_.fields[0].empty();
        if (!blank) on_row_(row_);
        row_.fields.clear();
        row_.line = line_ + 1;
    }

    const CsvRowHandler& on_row_;
    CsvRow row_;
    std::string field_, head_;
    bool reading_bom_ = true, quoted_ = false, quote_pending_ = false, field_started_ = false;
    int line_ = 1;
};

}  // namespace

std::vector<CsvRow> read_csv(std::string_view text) {
    std::vector<CsvRow> rows;
    for_each_csv_row(text, [&](const CsvRow& row) { rows.push_back(row); });
    return rows;
}

void for_each_csv_row(std::string_view text, const CsvRowHandler& on_row) {
    CsvParser parser(on_row);
    parser.feed(text);
    parser.finish();
}

void for_each_csv_row(std::istream& in, const CsvRowHandler& on_row, std::size_t block) {
    CsvParser parser(on_row);
    std::vector<char> buffer(std::max<std::size_t>(block, 1));
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        parser.feed(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
    parser.finish();
}

}  // namespace dplan
