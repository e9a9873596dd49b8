// The target behind a printed percentage. Reports print "93 (116.3%)" and leave the target out;
// the officer's arithmetic is: the whole number whose percentage, rounded half up as the report
// rounds it, is the printed one (93 at 116.3% is 80; 16 at 106.7% is 15).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace dplan {

struct InferredTarget {
    std::optional<std::int64_t> target;  // empty: no whole number fits, or any would (0 at 0%)
    std::vector<std::int64_t> fits;      // every whole number that fits, smallest first
};

// `actual` and `percent` as printed ("2,150" without its commas -> "2150"; "107.5"). Rounds to
// one decimal as reports do; a percentage printed without decimals that no target fits at one
// decimal is tried again as a whole percentage, since some reports round to whole percents.
// When several fit, the one whose exact ratio is closest to the printed percentage wins, then the
// roundest (most trailing zeros, then a multiple of 5), then the smallest.
InferredTarget infer_target(std::string_view actual, std::string_view percent);

// actual / target as a percentage rounded half up to `decimals` places, compared with the printed
// percentage: whether the printed figure follows from the numbers.
bool percentage_follows(std::string_view actual, double target, std::string_view percent);

}  // namespace dplan
