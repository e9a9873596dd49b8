#include "services/target_inference.hpp"

#include <algorithm>
#include <cmath>

namespace dplan {

namespace {

// Products of printed figures overflow 64 bits only for absurd inputs, but must not then be wrong.
__extension__ typedef __int128 Wide;

// "107.5" as 1075 and 1 decimal; empty for anything but digits with at most one point and at most
// six decimals.
struct Decimal {
    Wide digits = 0;
    int decimals = 0;
};

std::optional<Decimal> decimal_of(std::string_view text) {
    Decimal value;
    bool point = false, any = false;
    for (const char c : text) {
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        any = true;
        if (value.digits > 1'000'000'000'000LL) return std::nullopt;
        value.digits = value.digits * 10 + (c - '0');
        if (point && ++value.decimals > 6) return std::nullopt;
    }
    if (!any) return std::nullopt;
    return value;
}

Wide power10(int n) {
    Wide p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

// round_half_up(actual / target * 100, places) == percent, exactly: with actual = A / 10^k and
// percent = P / 10^d, the rounded value in units of 10^-places is
// floor((2 * A * 100 * 10^places + 10^k * t) / (2 * 10^k * t)).
bool fits(const Decimal& actual, Wide target, const Decimal& percent, int places) {
    if (places < percent.decimals) return false;
    const Wide scale = power10(actual.decimals);
    const Wide rounded = (2 * actual.digits * 100 * power10(places) + scale * target) / (2 * scale * target);
    return rounded == percent.digits * power10(places - percent.decimals);
}

// |A*100/(10^k t) - P/10^d| scaled by 10^k * 10^d * t: the numerator of the distance.
Wide distance_numerator(const Decimal& actual, Wide target, const Decimal& percent) {
    const Wide a = actual.digits * 100 * power10(percent.decimals);
    const Wide p = percent.digits * power10(actual.decimals) * target;
    return a > p ? a - p : p - a;
}

int trailing_zeros(std::int64_t n) {
    int zeros = 0;
    while (n > 0 && n % 10 == 0) {
        n /= 10;
        ++zeros;
    }
    return zeros;
}

std::vector<std::int64_t> fitting(const Decimal& actual, const Decimal& percent, int places) {
    if (actual.digits == 0 || percent.digits == 0) return {};
    const double a = static_cast<double>(actual.digits) / static_cast<double>(power10(actual.decimals));
    const double p = static_cast<double>(percent.digits) / static_cast<double>(power10(percent.decimals));
    const double half = 0.5 / std::pow(10.0, places);
    if (p - half <= 0) return {};
    const auto low = static_cast<std::int64_t>(std::floor(a * 100 / (p + half))) - 1;
    const auto high = static_cast<std::int64_t>(std::ceil(a * 100 / (p - half))) + 1;
    std::vector<std::int64_t> found;
    // A range this wide means a percentage too small to say anything about the target.
    if (high - low > 1'000'000) return {};
    for (std::int64_t t = std::max<std::int64_t>(1, low); t <= high; ++t) {
        if (fits(actual, t, percent, places)) found.push_back(t);
    }
    return found;
}

}  // namespace

InferredTarget infer_target(std::string_view actual_text, std::string_view percent_text) {
    const auto actual = decimal_of(actual_text);
    const auto percent = decimal_of(percent_text);
    InferredTarget result;
    if (!actual || !percent) return result;
    result.fits = fitting(*actual, *percent, std::max(1, percent->decimals));
    if (result.fits.empty() && percent->decimals == 0) result.fits = fitting(*actual, *percent, 0);
    if (result.fits.empty()) return result;
    const auto better = [&](std::int64_t a, std::int64_t b) {
        // Closer exact ratio first: compare distance(a)/a with distance(b)/b without dividing.
        const Wide left = distance_numerator(*actual, a, *percent) * b;
        const Wide right = distance_numerator(*actual, b, *percent) * a;
        if (left != right) return left < right;
        if (trailing_zeros(a) != trailing_zeros(b)) return trailing_zeros(a) > trailing_zeros(b);
        if ((a % 5 == 0) != (b % 5 == 0)) return a % 5 == 0;
        return a < b;
    };
    result.target = *std::min_element(result.fits.begin(), result.fits.end(), better);
    return result;
}

bool percentage_follows(std::string_view actual_text, double target, std::string_view percent_text) {
    const auto actual = decimal_of(actual_text);
    const auto percent = decimal_of(percent_text);
    if (!actual || !percent || target <= 0 || target != std::floor(target)) return false;
    const auto whole = static_cast<Wide>(target);
    return fits(*actual, whole, *percent, std::max(1, percent->decimals)) ||
           (percent->decimals == 0 && fits(*actual, whole, *percent, 0));
}

}  // namespace dplan
