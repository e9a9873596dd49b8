#include "services/indicator_import.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "domain/indicator_unit.hpp"
#include "domain/programme.hpp"
#include "services/csv.hpp"
#include "services/plan_workflow.hpp"
#include "storage/programme_repository.hpp"

namespace dplan {

namespace {

constexpr std::string_view columns[] = {"programme", "indicator_code", "kind", "description", "unit",
                                        "target", "actual", "period_start", "period_end"};

struct ValidRow {
    std::int64_t programme_id;
    Indicator indicator;
    std::optional<double> actual;
    std::string period_start, period_end;
};

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

}  // namespace

IndicatorImportResult import_indicator_csv(Database& db, std::string_view csv, std::int64_t reported_by,
                                           bool dry_run, const ImportProgress& progress) {
    const auto rows = read_csv(csv);
    if (rows.empty()) throw InvalidInput({"CSV 檔案是空的", "the CSV file is empty"});
    std::string header;
    for (const auto& field : rows.front().fields) header += (header.empty() ? "" : ",") + field;
    if (header != indicator_csv_header) {
        throw InvalidInput({fmt::format("第 1 行的欄位應為：{}（實為：{}）", indicator_csv_header, header),
                            fmt::format("line 1: the columns must be {} (found: {})", indicator_csv_header, header)});
    }

    ProgrammeRepository programmes(db);
    std::map<std::string, std::optional<Programme>> known;  // by name, looked up once
    std::set<std::pair<std::int64_t, std::string>> seen;
    Checker check;
    std::vector<ValidRow> valid;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.fields.size() != std::size(columns)) {
            check.error(row.line, "(row)", fmt::format("應有 {} 欄，實有 {} 欄", std::size(columns), row.fields.size()),
                        fmt::format("expected {} columns, found {}", std::size(columns), row.fields.size()));
            continue;
        }
        const auto& f = row.fields;
        ValidRow out;
        bool ok = true;
        auto fail = [&](std::string_view column, const std::string& zh, const std::string& en) {
            check.error(row.line, column, zh, en);
            ok = false;
        };
        if (!known.contains(f[0])) known[f[0]] = programmes.find_by_name(f[0]);
        const auto& programme = known[f[0]];
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
        if (start_ok && end_ok && f[8] < f[7]) fail("period_end", "結束日期早於開始日期", "the period ends before it starts");
        if (programme && !seen.insert({programme->id, f[1]}).second) {
            fail("indicator_code", fmt::format("計劃「{}」的指標 {} 重複", f[0], f[1]),
                 fmt::format("indicator {} of '{}' appears more than once", f[1], f[0]));
        }
        if (!ok) continue;
        out.programme_id = programme->id;
        out.indicator = {0, programme->id, f[1], *kind, {f[3], ""}, f[4], *target, std::nullopt, std::nullopt};
        out.actual = actual;
        out.period_start = f[7];
        out.period_end = f[8];
        valid.push_back(std::move(out));
    }
    check.throw_if_any();

    IndicatorImportResult result;
    result.rows = valid.size();
    for (const auto& row : valid) result.readings += row.actual ? 1 : 0;
    if (dry_run) return result;
    db.write("import indicators", [&] {
        std::size_t done = 0;
        for (const auto& row : valid) {
            const auto id = programmes.put_indicator(row.indicator);
            if (row.actual) programmes.add_reading(id, *row.actual, row.period_start, row.period_end, reported_by);
            if (progress && (++done % 256 == 0 || done == valid.size())) progress(done, valid.size());
        }
    });
    return result;
}

}  // namespace dplan
