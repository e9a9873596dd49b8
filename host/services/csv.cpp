#include "services/csv.hpp"

#include <fmt/format.h>

#include "domain/error.hpp"
#include "plugins/utf8.hpp"

namespace dplan {

namespace {
[[noreturn]] void bad(int line, std::string_view zh, std::string_view en) {
    throw InvalidInput({fmt::format("第 {} 行：{}", line, zh), fmt::format("line {}: {}", line, en)});
}
}  // namespace

std::vector<CsvRow> read_csv(std::string_view text) {
    std::vector<CsvRow> rows;
    for_each_csv_row(text, [&](const CsvRow& row) { rows.push_back(row); });
    return rows;
}

void for_each_csv_row(std::string_view text, const std::function<void(const CsvRow&)>& on_row) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    CsvRow row;
    std::string field;
    bool quoted = false, field_started = false;
    int line = 1;
    row.line = 1;
    auto end_field = [&] {
        if (field.size() > csv_largest_field) {
            bad(line, fmt::format("欄位超過 {} 位元組", csv_largest_field),
                fmt::format("a field is longer than {} bytes", csv_largest_field));
        }
        if (!plugins::is_valid_utf8(field)) bad(line, "不是 UTF-8 文字；請以 UTF-8 儲存 CSV", "not UTF-8 text; save the CSV as UTF-8");
        row.fields.push_back(field);
        field.clear();
        field_started = false;
    };
    auto end_row = [&] {
        end_field();
        const bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) on_row(row);
        row.fields.clear();
        row.line = line + 1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\0') bad(line, "含有二進位資料，不是文字檔", "contains binary data; this is not a text file");
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            if (field.size() > csv_largest_field) {
                bad(line, fmt::format("欄位超過 {} 位元組", csv_largest_field),
                    fmt::format("a field is longer than {} bytes", csv_largest_field));
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\n') {
            if (!field.empty() && field.back() == '\r') field.pop_back();
            end_row();
            ++line;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted) bad(row.line, "引號未有關閉", "a quoted field is never closed");
    if (!field.empty() || !row.fields.empty()) end_row();
}

}  // namespace dplan
