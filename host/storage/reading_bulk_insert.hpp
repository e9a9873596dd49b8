// Appends many readings fast: rows are buffered and written as multi-row INSERT statements that
// are prepared once and re-executed with new bound values. One statement per row would cost a
// round trip per row on MariaDB; this keeps a million-row import within reach of LOAD DATA.
// Callers check the rows first and run inside Database::write; the caller also marks superseded
// readings and refreshes the indicators' achieved values.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace dplan {

class ReadingBulkInsert {
  public:
    ReadingBulkInsert(Database& db, std::int64_t reported_by);
    ~ReadingBulkInsert();
    ReadingBulkInsert(const ReadingBulkInsert&) = delete;
    ReadingBulkInsert& operator=(const ReadingBulkInsert&) = delete;

    void add(std::int64_t indicator_id, double value, const std::string& period_start, const std::string& period_end);
    // Writes what is still buffered. Must be called before the transaction commits.
    void flush();

    static constexpr std::size_t rows_per_statement = 500;

  private:
    void execute(std::size_t rows);

    Database& db_;
    long long reported_by_;
    std::string reported_at_;
    std::vector<long long> indicator_;
    std::vector<double> value_;
    std::vector<std::string> start_, end_;
    std::size_t buffered_ = 0;
    std::unique_ptr<soci::statement> full_;  // prepared for rows_per_statement rows
};

}  // namespace dplan
