// The base of every storage test: runs once on SQLite and once on MariaDB.
#pragma once

#include <gtest/gtest.h>

#include "storage/migration.hpp"
#include "support/test_database.hpp"

namespace dplan::testing {

class BackendTest : public ::testing::TestWithParam<Dialect> {
  protected:
    void SetUp() override { DPLAN_REQUIRE_DATABASE(database_, GetParam()); }

    Database& db() { return database_->db(); }
    TestDatabase& test_database() { return *database_; }
    void migrate() { Migrator(db()).migrate(); }

  private:
    std::unique_ptr<TestDatabase> database_;
};

inline std::string backend_test_name(const ::testing::TestParamInfo<Dialect>& info) { return dialect_name(info.param); }

#define DPLAN_INSTANTIATE_BACKEND_TESTS(suite)                                                                      \
    INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values(::dplan::Dialect::sqlite, ::dplan::Dialect::mysql), \
                             ::dplan::testing::backend_test_name)

}  // namespace dplan::testing
