// National-scale data for benchmarks: 18 districts x 10 financial years of plans (five areas each),
// about 2,000 programmes run by 200 organisations, 10 indicators each, and 50 readings per
// indicator (36 monthly reports and 14 corrections): 1,000,000 readings. Deterministic, so runs
// compare like with like.
#pragma once

#include <cstddef>

#include "storage/database.hpp"

namespace dplan::bench {

struct NationalScale {
    int districts = 18;
    int years = 10;                // 2015-16 .. 2024-25
    int programmes_per_plan = 11;  // 18 x 10 x 11 = 1,980 programmes
    int indicators_per_programme = 10;
    int readings_per_indicator = 50;
};

struct NationalCounts {
    std::size_t plans = 0, programmes = 0, indicators = 0, readings = 0;
};

// Fills a migrated, empty database in one transaction.
NationalCounts build_national_dataset(Database& db, const NationalScale& scale = {});

}  // namespace dplan::bench
