// `plan import` of a text paper of 100 pages (about 3 KB of text a page, as PDF extraction leaves
// it: broken lines, blank lines, bullets), and of a hostile one (lines of 16 KB of digits and of
// Chinese without a space, the limit per line), against reading the same text and splitting it
// into trimmed lines, measured in the same run. The goal: a 100-page paper in under 100 ms.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "services/paper_import.hpp"
#include "summary_reporter.hpp"

namespace dplan::bench {
namespace {

const std::vector<AreaHeadings> areas{
    {"family", {"家庭及兒童福利服務"}}, {"elderly", {"安老服務"}},   {"rehabilitation", {"康復服務"}},
    {"youth", {"青少年服務"}},          {"volunteer", {"義工服務"}},
};

constexpr int pages = 100;
constexpr std::size_t page_bytes = 3000;

// A paper as poppler leaves it: a letterhead, the purpose, then each area with its objective and
// focus points, every sentence broken over lines, a page number at each page end.
const std::string& hundred_page_paper() {
    static const std::string paper = [] {
        std::string text =
            "社會福利署河畔區福利辦事處\n第 3/24-25 號文件\n河畔區議會\n社區服務及福利委員會\n"
            "2024-25 年度福利工作計劃\n主題：Hand in Hand•同心河畔\n\n目的\n\n"
            "1. 本文件旨在向委員會介紹河畔區福利辦事處\n2024-25 年度福利工作計劃，並聽取委員意見。\n\n";
        std::size_t page_end = page_bytes;
        int page = 1;
        for (int area = 0; area < 5; ++area) {
            text += areas[static_cast<std::size_t>(area)].synonyms[0] +
                    "\n工作目標：鞏固家庭抗逆力，及早識別\n及支援面對危機的家庭\n工作計劃重點：\n";
            for (int point = 0; text.size() < (area + 1) * pages * page_bytes / 5; ++point) {
                text += fmt::format(
                    "\xEF\x81\xAC 與學校、診所及屋邨管理處建立轉介網絡（第 {} 項），讓需要\n"
                    "支援的家庭能及早得到服務，並與 community partners\n合作推行家長教育；\n\n",
                    point + 1);
                if (text.size() > page_end) {
                    text += fmt::format("- {} -\n", page++);
                    page_end += page_bytes;
                }
            }
        }
        text += "諮詢意見\n\n2. 請委員備悉文件內容並提供意見。\n\n社會福利署\n河畔區福利辦事處\n2024 年 5 月\n";
        return text;
    }();
    return paper;
}

// Every line at the limit: digits, then Chinese without a space. std::regex overflowed its stack
// on such lines; the scans read each once.
const std::string& hostile_paper() {
    static const std::string paper = [] {
        std::string chinese;
        while (chinese.size() + 3 <= paper_longest_line) chinese += "區";
        const std::string digits(paper_longest_line, '9');
        std::string text = "2024-25 年度\n青少年服務\n";
        for (int i = 0; i < 50; ++i) text += digits + "\n" + chinese + "\n";
        return text;
    }();
    return paper;
}

// The reference: the same text read once and split into trimmed lines.
std::size_t split_lines(std::string_view text) {
    std::size_t kept = 0;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\r')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        const std::string copy(line);
        kept += copy.empty() ? 0 : 1;
        start = end + 1;
    }
    return kept;
}

void BM_SplitHundredPages(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(split_lines(hundred_page_paper()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * hundred_page_paper().size()));
}
void BM_ImportHundredPages(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(import_paper_text(hundred_page_paper(), areas));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * hundred_page_paper().size()));
}
void BM_SplitHostile(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(split_lines(hostile_paper()));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * hostile_paper().size()));
}
void BM_ImportHostile(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(import_paper_text(hostile_paper(), areas));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * hostile_paper().size()));
}
BENCHMARK(BM_SplitHundredPages)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportHundredPages)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitHostile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportHostile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dplan::bench

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    using dplan::bench::SummaryReporter;
    SummaryReporter reporter([](const SummaryReporter::Times& times) {
        auto at = [&](const char* name) {
            const auto found = times.find(name);
            return found == times.end() ? 0.0 : found->second;
        };
        const auto& paper = dplan::bench::hundred_page_paper();
        std::cout << fmt::format(
            "\n100-page paper ({} KB, {} lines): import {:.2f} ms = {:.1f}x splitting it into lines ({:.3f} ms); "
            "goal < 100 ms\n",
            paper.size() / 1024, std::count(paper.begin(), paper.end(), '\n'), at("BM_ImportHundredPages"),
            at("BM_ImportHundredPages") / at("BM_SplitHundredPages"), at("BM_SplitHundredPages"));
        std::cout << fmt::format(
            "hostile paper ({} KB of 16 KB lines): import {:.2f} ms = {:.1f}x splitting ({:.3f} ms)\n",
            dplan::bench::hostile_paper().size() / 1024, at("BM_ImportHostile"),
            at("BM_ImportHostile") / at("BM_SplitHostile"), at("BM_SplitHostile"));
    });
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
}
