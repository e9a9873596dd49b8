#include "services/indicator_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "domain/indicator_unit.hpp"
#include "domain/programme.hpp"
#include "services/audit_fields.hpp"
#include "services/audit_trail.hpp"
#include "services/csv.hpp"
#include "storage/database.hpp"
#include "storage/programme_repository.hpp"
#include "storage/reading_bulk_insert.hpp"

namespace dplan {

namespace {

enum Column : std::size_t {
    programme_column,
    code_column,
    kind_column,
    description_column,
    unit_column,
    target_column,
    actual_column,
    start_column,
    end_column,
    english_column,
    column_count
};
constexpr std::array<std::string_view, column_count> column_names = {
    "programme", "indicator_code", "kind",         "description", "unit",
    "target",    "actual",         "period_start", "period_end",  indicator_csv_english_column};

// Where each column is in the file: the header names them, in any order; description_en may be
// missing.
struct Layout {
    std::array<std::size_t, column_count> at{};
    bool has_english = false;
    std::size_t width = 0;
};

Layout read_header(const CsvRow& row) {
    const std::string expected = fmt::format("{}[,{}]", indicator_csv_header, indicator_csv_english_column);
    auto refuse = [&](const std::string& zh, const std::string& en) {
        std::string found;
        for (const auto& field : row.fields) found += (found.empty() ? "" : ",") + field;
        throw InvalidInput(
            {fmt::format("第 {} 行的欄位應為：{}（次序不拘；實為：{}）：{}", row.line, expected, found, zh),
             fmt::format("line {}: the columns must be {} in any order (found: {}): {}", row.line, expected, found,
                         en)});
    };
    Layout layout;
    layout.width = row.fields.size();
    std::array<bool, column_count> seen{};
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        const auto known = std::find(column_names.begin(), column_names.end(), row.fields[i]);
        if (known == column_names.end()) {
            refuse(fmt::format("不明欄位「{}」", row.fields[i]), fmt::format("unknown column '{}'", row.fields[i]));
        }
        const auto column = static_cast<std::size_t>(known - column_names.begin());
        if (seen[column])
            refuse(fmt::format("欄位「{}」出現兩次", row.fields[i]),
                   fmt::format("column '{}' appears twice", row.fields[i]));
        seen[column] = true;
        layout.at[column] = i;
    }
    for (std::size_t column = 0; column < english_column; ++column) {
        if (!seen[column]) {
            refuse(fmt::format("欠缺欄位「{}」", column_names[column]),
                   fmt::format("column '{}' is missing", column_names[column]));
        }
    }
    layout.has_english = seen[english_column];
    return layout;
}

class Checker {
  public:
    void error(int line, std::string_view column, const std::string& zh, const std::string& en) {
        if (zh_.size() < 50) {
            zh_.push_back(fmt::format("第 {} 行，{}：{}", line, column, zh));
            en_.push_back(fmt::format("line {}, {}: {}", line, column, en));
        }
        ++count_;
    }
    void throw_if_any() const {
        if (count_ == 0) return;
        std::string zh = fmt::format("CSV 有 {} 項錯誤，未有匯入任何資料：", count_);
        std::string en = fmt::format("the CSV has {} error(s); nothing was imported:", count_);
        for (std::size_t i = 0; i < zh_.size(); ++i) {
            zh += "\n  " + zh_[i];
            en += "\n  " + en_[i];
        }
        if (count_ > zh_.size()) {
            zh += fmt::format("\n  （另有 {} 項）", count_ - zh_.size());
            en += fmt::format("\n  (and {} more)", count_ - zh_.size());
        }
        throw InvalidInput({zh, en});
    }

  private:
    std::vector<std::string> zh_, en_;
    std::size_t count_ = 0;
};

std::optional<double> number(std::string_view text) {
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

// "2024-04-30" as a day number, for a calendar date written exactly YYYY-MM-DD (digits only).
std::optional<std::int32_t> day_of(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    auto part = [&](std::size_t from, std::size_t length) {
        int value = 0;
        std::from_chars(text.data() + from, text.data() + from + length, value);
        return value;
    };
    using namespace std::chrono;
    const year_month_day date{year{part(0, 4)}, month{static_cast<unsigned>(part(5, 2))},
                              day{static_cast<unsigned>(part(8, 2))}};
    if (!date.ok()) return std::nullopt;
    return static_cast<std::int32_t>(sys_days{date}.time_since_epoch().count());
}

std::string date_of(std::int32_t day_number) {
    using namespace std::chrono;
    const year_month_day date{sys_days{days{day_number}}};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

// One indicator of the file: its definition (the same on every row that names it) and the line
// that first defined it.
struct FileIndicator {
    Indicator definition;
    int line = 0;
    std::int64_t stored_id = 0;  // 0 until written
    std::string programme_name;
};

// A row's period and value, kept small: a million of them are held at once.
struct FileReading {
    std::uint32_t indicator = 0;  // index into the file's indicators
    int line = 0;
    std::int32_t start = 0, end = 0;  // day numbers
    double value = 0;
    bool reported = false;         // false: defines the indicator, nothing reported yet
    bool corrects_stored = false;  // supersedes a stored reading of the same period
};

struct FileContents {
    bool has_english = false;
    std::size_t rows = 0;
    std::vector<FileIndicator> indicators;
    std::vector<FileReading> readings;
};

bool same_definition(const Indicator& a, const Indicator& b, bool has_english) {
    return a.kind == b.kind && a.unit == b.unit && a.target == b.target && a.description.zh == b.description.zh &&
           (!has_english || a.description.en == b.description.en);
}

// Within a file, each indicator's periods must be distinct and apart. Sorting by period finds
// duplicates and clashes among neighbours.
void check_clashes_within(const FileContents& file, Checker& check) {
    const auto& readings = file.readings;
    std::vector<std::uint32_t> order(readings.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto& x = readings[a];
        const auto& y = readings[b];
        return std::tie(x.indicator, x.start, x.end, x.line) < std::tie(y.indicator, y.start, y.end, y.line);
    });
    for (std::size_t i = 1; i < order.size(); ++i) {
        const auto& previous = readings[order[i - 1]];
        const auto& reading = readings[order[i]];
        if (previous.indicator != reading.indicator || previous.end < reading.start) continue;
        const std::string start = date_of(reading.start), end = date_of(reading.end);
        if (previous.start == reading.start && previous.end == reading.end) {
            const auto& indicator = file.indicators[reading.indicator];
            check.error(reading.line, "indicator_code",
                        fmt::format("計劃「{}」的指標 {} 在 {} 至 {} 期間重複（第 {} 行）", indicator.programme_name,
                                    indicator.definition.code, start, end, previous.line),
                        fmt::format("indicator {} of '{}' appears more than once for {} to {} (also line {})",
                                    indicator.definition.code, indicator.programme_name, start, end, previous.line));
            continue;
        }
        check.error(reading.line, "period_start",
                    fmt::format("期間 {} 至 {} 與第 {} 行的期間 {} 至 {} 部分重疊", start, end, previous.line,
                                date_of(previous.start), date_of(previous.end)),
                    fmt::format("the period {} to {} partly overlaps line {} ({} to {})", start, end, previous.line,
                                date_of(previous.start), date_of(previous.end)));
    }
}

// What one row's fields say, each checked; nullopt when any is wrong, every problem given to `check`.
struct RowFields {
    std::string code;
    IndicatorKind kind;
    std::string unit;
    std::optional<double> target, actual;
    std::int32_t start, end;
};

std::optional<RowFields> read_fields(const CsvRow& row, const Layout& layout, Checker& check) {
    auto field = [&](Column column) -> const std::string& { return row.fields[layout.at[column]]; };
    bool ok = true;
    auto fail = [&](std::string_view column, const std::string& zh, const std::string& en) {
        check.error(row.line, column, zh, en);
        ok = false;
    };
    const std::string& code = field(code_column);
    if (code.empty() || code.size() > 32) fail("indicator_code", "須為 1 至 32 個字元", "must be 1 to 32 characters");
    const auto kind = parse_indicator_kind(field(kind_column));
    if (!kind) {
        fail("kind", fmt::format("應為 output 或 outcome，實為「{}」", field(kind_column)),
             fmt::format("expected output or outcome, got '{}'", field(kind_column)));
    }
    const std::string& unit = field(unit_column);
    if (!is_indicator_unit(unit)) {
        fail("unit", fmt::format("不明單位「{}」", unit),
             fmt::format("unknown unit '{}' (known: sessions, persons, attendances, contacts, posts, percent, ...)",
                         unit));
    } else if (kind == IndicatorKind::outcome && unit != "percent") {
        fail("unit", "成效指標以百分比計算", "outcome indicators are measured in percent");
    }
    // An empty target is "not stated" (a report gave none); 0 is "not applicable".
    std::optional<double> target;
    if (!field(target_column).empty()) {
        target = number(field(target_column));
        if (!target || *target < 0) {
            fail("target", fmt::format("應為 0 或以上的數字，或留空表示目標未訂明，實為「{}」", field(target_column)),
                 fmt::format("expected a number >= 0, or nothing for a target not stated, got '{}'",
                             field(target_column)));
        }
    }
    std::optional<double> actual;
    if (!field(actual_column).empty()) {
        actual = number(field(actual_column));
        if (!actual) {
            fail("actual", fmt::format("應為數字或留空，實為「{}」", field(actual_column)),
                 fmt::format("expected a number or nothing, got '{}'", field(actual_column)));
        }
    }
    const auto start = day_of(field(start_column)), end = day_of(field(end_column));
    if (!start) {
        fail("period_start", fmt::format("應為 YYYY-MM-DD，實為「{}」", field(start_column)),
             fmt::format("expected YYYY-MM-DD, got '{}'", field(start_column)));
    }
    if (!end) {
        fail("period_end", fmt::format("應為 YYYY-MM-DD，實為「{}」", field(end_column)),
             fmt::format("expected YYYY-MM-DD, got '{}'", field(end_column)));
    }
    if (start && end && *end < *start) fail("period_end", "結束日期早於開始日期", "the period ends before it starts");
    if (!ok) return std::nullopt;
    return RowFields{code, *kind, unit, target, actual, *start, *end};
}

// Reads and checks every row: the header, each field, each indicator's definition, the periods
// within the file. Throws InvalidInput listing every error.
FileContents read_file_contents(Database& db, const std::function<void(const CsvRowHandler&)>& rows,
                                const ProgrammeCheck& may_report) {
    ProgrammeRepository programmes(db);
    std::map<std::string, std::optional<Programme>> known;  // by name, looked up once
    std::map<std::pair<std::int64_t, std::string>, std::uint32_t> indicator_index;
    FileContents file;
    std::optional<Layout> layout;
    Checker check;

    rows([&](const CsvRow& row) {
        if (!layout) {
            layout = read_header(row);
            file.has_english = layout->has_english;
            return;
        }
        if (++file.rows > indicator_csv_most_rows) {
            throw InvalidInput({fmt::format("第 {} 行：CSV 超過 {} 行（每次匯入的上限）；請分批匯入", row.line,
                                            indicator_csv_most_rows),
                                fmt::format("line {}: the CSV has more than {} rows, the limit for one import; import "
                                            "it in parts",
                                            row.line, indicator_csv_most_rows)});
        }
        if (row.fields.size() != layout->width) {
            check.error(row.line, "(row)", fmt::format("應有 {} 欄，實有 {} 欄", layout->width, row.fields.size()),
                        fmt::format("expected {} columns, found {}", layout->width, row.fields.size()));
            return;
        }
        auto field = [&](Column column) -> const std::string& { return row.fields[layout->at[column]]; };
        const std::string& name = field(programme_column);
        auto known_programme = known.find(name);
        if (known_programme == known.end()) {
            known_programme = known.emplace(name, programmes.find_by_name(name)).first;
            if (known_programme->second) may_report(*known_programme->second);  // throws when the reporter may not
        }
        const auto& programme = known_programme->second;
        if (!programme) {
            check.error(row.line, "programme",
                        fmt::format("沒有名為「{}」的計劃；請先用 dplan programme new 建立", name),
                        fmt::format("no programme named '{}'; create it with 'dplan programme new'", name));
        }
        const auto fields = read_fields(row, *layout, check);
        if (!programme || !fields) return;
        const std::string& code = fields->code;

        const std::string english = layout->has_english ? field(english_column) : std::string();
        const Indicator definition{0,
                                   programme->id,
                                   code,
                                   fields->kind,
                                   {field(description_column), english},
                                   fields->unit,
                                   fields->target,
                                   std::nullopt,
                                   std::nullopt};
        const auto [slot, added] = indicator_index.emplace(std::make_pair(programme->id, code),
                                                           static_cast<std::uint32_t>(file.indicators.size()));
        if (added) {
            file.indicators.push_back({definition, row.line, 0, name});
        } else if (!same_definition(file.indicators[slot->second].definition, definition, layout->has_english)) {
            check.error(
                row.line, "indicator_code",
                fmt::format("指標 {} 的類別、描述、單位或目標與第 {} 行不同", code, file.indicators[slot->second].line),
                fmt::format("indicator {} is defined differently on line {} (kind, description, unit and "
                            "target must be the same on every row of an indicator)",
                            code, file.indicators[slot->second].line));
            return;
        }
        file.readings.push_back({slot->second, row.line, fields->start, fields->end, fields->actual.value_or(0),
                                 fields->actual.has_value(), false});
    });
    if (!layout) throw InvalidInput({"CSV 檔案是空的", "the CSV file is empty"});
    check_clashes_within(file, check);
    check.throw_if_any();
    return file;
}

// Against what is stored, a reported period must be equal (a correction) or apart. Also keeps the
// stored English description of indicators when the file has no English column. Inside the
// write, this runs after the indicators' rows are held, so it sees every committed reading.
void check_against_stored(ProgrammeRepository& programmes, FileContents& file) {
    std::map<std::pair<std::int64_t, std::string>, std::vector<std::pair<std::int32_t, std::int32_t>>> stored;
    std::set<std::int64_t> programme_ids;
    for (const auto& indicator : file.indicators) programme_ids.insert(indicator.definition.programme_id);
    std::map<std::pair<std::int64_t, std::string>, std::string> stored_english;
    for (const auto id : programme_ids) {
        for (const auto& [code, reading] : programmes.current_readings(id)) {
            const auto start = day_of(reading.period_start), end = day_of(reading.period_end);
            if (start && end) stored[{id, code}].emplace_back(*start, *end);
        }
        if (!file.has_english) {
            for (const auto& indicator : programmes.indicators(id))
                stored_english[{id, indicator.code}] = indicator.description.en;
        }
    }
    for (auto& indicator : file.indicators) {
        const auto found = stored_english.find({indicator.definition.programme_id, indicator.definition.code});
        if (found != stored_english.end()) indicator.definition.description.en = found->second;
    }
    Checker check;
    for (auto& reading : file.readings) {
        if (!reading.reported) continue;
        const auto& indicator = file.indicators[reading.indicator].definition;
        const auto found = stored.find({indicator.programme_id, indicator.code});
        if (found == stored.end()) continue;
        for (const auto& [start, end] : found->second) {
            if (start == reading.start && end == reading.end) reading.corrects_stored = true;
            if (end < reading.start || reading.end < start || (start == reading.start && end == reading.end)) continue;
            check.error(reading.line, "period_start",
                        fmt::format("期間 {} 至 {} 與已報告的期間 {} 至 {} 部分重疊；更正須使用相同期間",
                                    date_of(reading.start), date_of(reading.end), date_of(start), date_of(end)),
                        fmt::format("the period {} to {} partly overlaps the reported period {} to {}; a correction "
                                    "must cover the same period",
                                    date_of(reading.start), date_of(reading.end), date_of(start), date_of(end)));
        }
    }
    check.throw_if_any();
}

// For each programme the file touches, its indicators' definitions before the import.
std::map<std::int64_t, nlohmann::json> audit_entries_before(ProgrammeRepository& programmes, const FileContents& file,
                                                            const std::set<std::int64_t>& programme_ids) {
    std::set<std::pair<std::int64_t, std::string>> named;  // a file may hold many thousand indicators
    for (const auto& imported : file.indicators)
        named.emplace(imported.definition.programme_id, imported.definition.code);
    std::map<std::int64_t, nlohmann::json> before;
    for (const auto id : programme_ids) {
        before[id] = nlohmann::json::object();
        for (const auto& indicator : programmes.indicators(id)) {
            if (named.count({id, indicator.code}) > 0)
                before[id]["indicators"][indicator.code] = indicator_fields(indicator);
        }
    }
    return before;
}

// One entry per programme: its indicators' definitions before and after, and how many readings
// the import added and corrected for each. The readings themselves are kept whole in the readings
// table (reporter, time, superseded values), which is never rewritten, so the entry names them
// rather than copying a file of possibly a hundred thousand values.
void record_import_audit(Database& db, const User& reporter, const FileContents& file,
                         const std::map<std::int64_t, nlohmann::json>& before) {
    std::map<std::int64_t, nlohmann::json> after;
    for (const auto& [id, fields] : before) after[id] = nlohmann::json::object();
    for (const auto& indicator : file.indicators) {
        after[indicator.definition.programme_id]["indicators"][indicator.definition.code] =
            indicator_fields(indicator.definition);
    }
    for (const auto& reading : file.readings) {
        if (!reading.reported) continue;
        const auto& definition = file.indicators[reading.indicator].definition;
        auto& counts = after[definition.programme_id]["readings_imported"][definition.code];
        if (!counts.is_object()) counts = nlohmann::json::object();
        const char* which = reading.corrects_stored ? "corrected" : "added";
        counts[which] = counts.value(which, 0) + 1;
    }
    for (const auto& [id, fields] : after) {
        record_audit(db, reporter,
                     {"import indicators", "programme", std::to_string(id), changed_fields(before.at(id), fields)});
    }
}

IndicatorImportResult import_rows(Database& db, const std::function<void(const CsvRowHandler&)>& rows,
                                  const User& reporter, const ProgrammeCheck& may_report, bool dry_run,
                                  const ImportProgress& progress) {
    FileContents file = read_file_contents(db, rows, may_report);
    const auto reported = static_cast<std::size_t>(std::count_if(
        file.readings.begin(), file.readings.end(), [](const FileReading& reading) { return reading.reported; }));
    const IndicatorImportResult result{file.rows, reported};
    ProgrammeRepository programmes(db);
    if (dry_run) {
        db.read("check indicator periods", [&] { check_against_stored(programmes, file); });
        return result;
    }
    if (file.indicators.empty()) return result;  // a header alone: nothing to write, nothing to record
    db.write("import indicators", [&] {
        // Hold the programmes' rows and their indicators' rows first: another import or a reading
        // recorded meanwhile waits until this one commits, and the check below sees what it wrote.
        std::set<std::int64_t> programme_ids;
        for (const auto& indicator : file.indicators) programme_ids.insert(indicator.definition.programme_id);
        for (const auto id : programme_ids) programmes.hold_programme(id);
        check_against_stored(programmes, file);

        const auto entries = audit_entries_before(programmes, file, programme_ids);
        for (auto& indicator : file.indicators) indicator.stored_id = programmes.put_indicator(indicator.definition);
        for (const auto& reading : file.readings) {
            if (reading.reported && reading.corrects_stored) {
                programmes.supersede_reading(file.indicators[reading.indicator].stored_id, date_of(reading.start),
                                             date_of(reading.end));
            }
        }
        ReadingBulkInsert insert(db, reporter.id);
        std::size_t done = 0;
        for (const auto& reading : file.readings) {
            if (!reading.reported) continue;
            insert.add(file.indicators[reading.indicator].stored_id, reading.value, date_of(reading.start),
                       date_of(reading.end));
            if (progress && ++done % 4096 == 0) progress(done, reported);
        }
        insert.flush();
        if (progress) progress(reported, reported);
        for (const auto& indicator : file.indicators) programmes.refresh_actual(indicator.stored_id);
        record_import_audit(db, reporter, file, entries);
    });
    return result;
}

[[noreturn]] void too_large(std::uintmax_t size) {
    throw InvalidInput(
        {fmt::format("CSV 有 {} 位元組，超過每次匯入的上限 {} 位元組；請分批匯入", size, indicator_csv_largest_file),
         fmt::format("the CSV is {} bytes, more than the limit of {} bytes for one import; import it "
                     "in parts",
                     size, indicator_csv_largest_file)});
}

}  // namespace

IndicatorImportResult import_indicator_csv(Database& db, std::string_view csv, const User& reporter,
                                           const ProgrammeCheck& may_report, bool dry_run,
                                           const ImportProgress& progress) {
    if (csv.size() > indicator_csv_largest_file) too_large(csv.size());
    return import_rows(
        db, [&](const CsvRowHandler& on_row) { for_each_csv_row(csv, on_row); }, reporter, may_report, dry_run,
        progress);
}

IndicatorImportResult import_indicator_csv_file(Database& db, const std::filesystem::path& file, const User& reporter,
                                                const ProgrammeCheck& may_report, bool dry_run,
                                                const ImportProgress& progress) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    if (ec || !in) {
        const std::string reason = ec ? ec.message() : std::string("cannot open");
        throw InvalidInput({fmt::format("無法讀取檔案：{}", reason), fmt::format("cannot read the file: {}", reason)});
    }
    if (size > indicator_csv_largest_file) too_large(size);
    return import_rows(
        db, [&](const CsvRowHandler& on_row) { for_each_csv_row(in, on_row); }, reporter, may_report, dry_run,
        progress);
}

}  // namespace dplan
