#include "services/indicator_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "domain/indicator_unit.hpp"
#include "domain/period.hpp"
#include "domain/programme.hpp"
#include "services/csv.hpp"
#include "storage/programme_repository.hpp"
#include "storage/reading_bulk_insert.hpp"

namespace dplan {

namespace {

constexpr std::string_view columns[] = {"programme", "indicator_code", "kind", "description", "unit",
                                        "target", "actual", "period_start", "period_end"};

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

bool is_date(const std::string& text) {
    try {
        require_iso_date(text);
        return true;
    } catch (const InvalidInput&) {
        return false;
    }
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
    std::optional<double> value;  // empty: defines the indicator, nothing reported yet
    std::string start, end;
    bool corrects_stored = false;  // supersedes a stored reading of the same period
};

bool same_definition(const Indicator& a, const Indicator& b) {
    return a.kind == b.kind && a.unit == b.unit && a.target == b.target && a.description.zh == b.description.zh;
}

// Within a file, each indicator's periods must be distinct and apart; against what is stored,
// equal (a correction) or apart. Sorting by period finds duplicates and clashes among neighbours.
void check_period_clashes(const std::vector<FileIndicator>& indicators, std::vector<FileReading>& readings,
                          const std::map<std::pair<std::int64_t, std::string>, std::vector<std::pair<std::string, std::string>>>& stored,
                          Checker& check) {
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
        if (previous.start == reading.start && previous.end == reading.end) {
            const auto& indicator = indicators[reading.indicator];
            check.error(reading.line, "indicator_code",
                        fmt::format("計劃「{}」的指標 {} 在 {} 至 {} 期間重複（第 {} 行）", indicator.programme_name,
                                    indicator.definition.code, reading.start, reading.end, previous.line),
                        fmt::format("indicator {} of '{}' appears more than once for {} to {} (also line {})",
                                    indicator.definition.code, indicator.programme_name, reading.start, reading.end,
                                    previous.line));
            continue;
        }
        check.error(reading.line, "period_start",
                    fmt::format("期間 {} 至 {} 與第 {} 行的期間 {} 至 {} 部分重疊", reading.start, reading.end, previous.line,
                                previous.start, previous.end),
                    fmt::format("the period {} to {} partly overlaps line {} ({} to {})", reading.start, reading.end,
                                previous.line, previous.start, previous.end));
    }
    for (auto& reading : readings) {
        if (!reading.value) continue;
        const auto& indicator = indicators[reading.indicator].definition;
        const auto found = stored.find({indicator.programme_id, indicator.code});
        if (found == stored.end()) continue;
        for (const auto& [start, end] : found->second) {
            if (start == reading.start && end == reading.end) reading.corrects_stored = true;
            if (!periods_clash(start, end, reading.start, reading.end)) continue;
            check.error(reading.line, "period_start",
                        fmt::format("期間 {} 至 {} 與已報告的期間 {} 至 {} 部分重疊；更正須使用相同期間", reading.start,
                                    reading.end, start, end),
                        fmt::format("the period {} to {} partly overlaps the reported period {} to {}; a correction "
                                    "must cover the same period",
                                    reading.start, reading.end, start, end));
        }
    }
}

}  // namespace

IndicatorImportResult import_indicator_csv(Database& db, std::string_view csv, std::int64_t reported_by,
                                           const ProgrammeCheck& may_report, bool dry_run,
                                           const ImportProgress& progress) {
    ProgrammeRepository programmes(db);
    std::map<std::string, std::optional<Programme>> known;  // by name, looked up once
    std::map<std::pair<std::int64_t, std::string>, std::uint32_t> indicator_index;
    std::vector<FileIndicator> indicators;
    std::vector<FileReading> readings;
    Checker check;
    bool header_seen = false;
    std::size_t rows = 0;

    for_each_csv_row(csv, [&](const CsvRow& row) {
        if (!header_seen) {
            header_seen = true;
            std::string header;
            for (const auto& field : row.fields) header += (header.empty() ? "" : ",") + field;
            if (header == indicator_csv_header) return;
            throw InvalidInput({fmt::format("第 {} 行的欄位應為：{}（實為：{}）", row.line, indicator_csv_header, header),
                                fmt::format("line {}: the columns must be {} (found: {})", row.line, indicator_csv_header, header)});
        }
        ++rows;
        if (row.fields.size() != std::size(columns)) {
            check.error(row.line, "(row)", fmt::format("應有 {} 欄，實有 {} 欄", std::size(columns), row.fields.size()),
                        fmt::format("expected {} columns, found {}", std::size(columns), row.fields.size()));
            return;
        }
        const auto& f = row.fields;
        bool ok = true;
        auto fail = [&](std::string_view column, const std::string& zh, const std::string& en) {
            check.error(row.line, column, zh, en);
            ok = false;
        };
        auto known_programme = known.find(f[0]);
        if (known_programme == known.end()) {
            known_programme = known.emplace(f[0], programmes.find_by_name(f[0])).first;
            if (known_programme->second) may_report(*known_programme->second);  // throws when the reporter may not
        }
        const auto& programme = known_programme->second;
        if (!programme) {
            fail("programme", fmt::format("沒有名為「{}」的計劃；請先用 dplan programme new 建立", f[0]),
                 fmt::format("no programme named '{}'; create it with 'dplan programme new'", f[0]));
        }
        if (f[1].empty() || f[1].size() > 32) fail("indicator_code", "須為 1 至 32 個字元", "must be 1 to 32 characters");
        const auto kind = parse_indicator_kind(f[2]);
        if (!kind) fail("kind", fmt::format("應為 output 或 outcome，實為「{}」", f[2]), fmt::format("expected output or outcome, got '{}'", f[2]));
        if (!is_indicator_unit(f[4])) {
            fail("unit", fmt::format("不明單位「{}」", f[4]), fmt::format("unknown unit '{}' (known: sessions, persons, "
                                                                           "attendances, contacts, posts, percent, ...)", f[4]));
        } else if (kind == IndicatorKind::outcome && f[4] != "percent") {
            fail("unit", "成效指標以百分比計算", "outcome indicators are measured in percent");
        }
        const auto target = number(f[5]);
        if (!target || *target < 0) fail("target", fmt::format("應為 0 或以上的數字，實為「{}」", f[5]), fmt::format("expected a number >= 0, got '{}'", f[5]));
        std::optional<double> actual;
        if (!f[6].empty()) {
            actual = number(f[6]);
            if (!actual) fail("actual", fmt::format("應為數字或留空，實為「{}」", f[6]), fmt::format("expected a number or nothing, got '{}'", f[6]));
        }
        const bool start_ok = is_date(f[7]), end_ok = is_date(f[8]);
        if (!start_ok) fail("period_start", fmt::format("應為 YYYY-MM-DD，實為「{}」", f[7]), fmt::format("expected YYYY-MM-DD, got '{}'", f[7]));
        if (!end_ok) fail("period_end", fmt::format("應為 YYYY-MM-DD，實為「{}」", f[8]), fmt::format("expected YYYY-MM-DD, got '{}'", f[8]));
        if (start_ok && end_ok && ends_before_start(f[7], f[8])) fail("period_end", "結束日期早於開始日期", "the period ends before it starts");
        if (!ok) return;

        const Indicator definition{0, programme->id, f[1], *kind, {f[3], ""}, f[4], *target, std::nullopt, std::nullopt};
        const auto [slot, added] =
            indicator_index.emplace(std::make_pair(programme->id, f[1]), static_cast<std::uint32_t>(indicators.size()));
        if (added) {
            indicators.push_back({definition, row.line, 0, f[0]});
        } else if (!same_definition(indicators[slot->second].definition, definition)) {
            check.error(row.line, "indicator_code",
                        fmt::format("指標 {} 的類別、描述、單位或目標與第 {} 行不同", f[1], indicators[slot->second].line),
                        fmt::format("indicator {} is defined differently on line {} (kind, description, unit and "
                                    "target must be the same on every row of an indicator)",
                                    f[1], indicators[slot->second].line));
            return;
        }
        readings.push_back({slot->second, row.line, actual, f[7], f[8], false});
    });
    if (!header_seen) throw InvalidInput({"CSV 檔案是空的", "the CSV file is empty"});

    // Periods already reported for indicators the file names, one query per programme.
    std::map<std::pair<std::int64_t, std::string>, std::vector<std::pair<std::string, std::string>>> stored;
    std::set<std::int64_t> programme_ids;
    for (const auto& indicator : indicators) programme_ids.insert(indicator.definition.programme_id);
    for (const auto id : programme_ids) {
        for (const auto& [code, reading] : programmes.current_readings(id)) {
            stored[{id, code}].emplace_back(reading.period_start, reading.period_end);
        }
    }
    check_period_clashes(indicators, readings, stored, check);
    check.throw_if_any();

    const auto reported = static_cast<std::size_t>(
        std::count_if(readings.begin(), readings.end(), [](const FileReading& reading) { return reading.value.has_value(); }));
    IndicatorImportResult result{rows, reported};
    if (dry_run) return result;
    db.write("import indicators", [&] {
        for (auto& indicator : indicators) indicator.stored_id = programmes.put_indicator(indicator.definition);
        for (const auto& reading : readings) {
            if (reading.value && reading.corrects_stored) {
                programmes.supersede_reading(indicators[reading.indicator].stored_id, reading.start, reading.end);
            }
        }
        ReadingBulkInsert insert(db, reported_by);
        std::size_t done = 0;
        for (const auto& reading : readings) {
            if (!reading.value) continue;
            insert.add(indicators[reading.indicator].stored_id, *reading.value, reading.start, reading.end);
            if (progress && ++done % 4096 == 0) progress(done, reported);
        }
        insert.flush();
        if (progress) progress(reported, reported);
        for (const auto& indicator : indicators) programmes.refresh_actual(indicator.stored_id);
    });
    return result;
}

}  // namespace dplan
