#include "storage/reading_bulk_insert.hpp"

#include <fmt/format.h>

#include "domain/timestamp.hpp"

namespace dplan {

namespace {

std::string insert_sql(std::size_t rows) {
    std::string sql =
        "INSERT INTO readings (indicator_id, value, period_start, period_end, reported_by, reported_at) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
        sql += fmt::format("{0}(:i{1}, :v{1}, :s{1}, :e{1}, :r{1}, :t{1})", i == 0 ? "" : ", ", i);
    }
    return sql;
}

}  // namespace

ReadingBulkInsert::ReadingBulkInsert(Database& db, std::int64_t reported_by)
    : db_(db),
      reported_by_(reported_by),
      reported_at_(now_utc_iso8601()),
      indicator_(rows_per_statement),
      value_(rows_per_statement),
      start_(rows_per_statement),
      end_(rows_per_statement) {}

ReadingBulkInsert::~ReadingBulkInsert() = default;

void ReadingBulkInsert::add(std::int64_t indicator_id, double value, const std::string& period_start,
                            const std::string& period_end) {
    indicator_[buffered_] = indicator_id;
    value_[buffered_] = value;
    start_[buffered_] = period_start;
    end_[buffered_] = period_end;
    if (++buffered_ == rows_per_statement) flush();
}

void ReadingBulkInsert::flush() {
    if (buffered_ > 0) execute(buffered_);
    buffered_ = 0;
}

// The bound variables are the buffers themselves, so a prepared statement only needs the
// buffers refilled before it runs again. A short last batch gets its own statement.
void ReadingBulkInsert::execute(std::size_t rows) {
    auto prepare = [&](std::size_t count) {
        auto statement = std::make_unique<soci::statement>(db_.session());
        for (std::size_t i = 0; i < count; ++i) {
            statement->exchange(soci::use(indicator_[i]));
            statement->exchange(soci::use(value_[i]));
            statement->exchange(soci::use(start_[i]));
            statement->exchange(soci::use(end_[i]));
            statement->exchange(soci::use(reported_by_));
            statement->exchange(soci::use(reported_at_));
        }
        statement->alloc();
        statement->prepare(insert_sql(count));
        statement->define_and_bind();
        return statement;
    };
    if (rows == rows_per_statement) {
        if (!full_) full_ = prepare(rows);
        full_->execute(true);
        return;
    }
    prepare(rows)->execute(true);
}

}  // namespace dplan
