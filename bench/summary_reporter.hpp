// Google Benchmark's console table, then a summary computed from every run's time (in the run's
// own unit): how each benchmark prints its figures as ratios to the reference it measured.
#pragma once

#include <benchmark/benchmark.h>

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dplan::bench {

class SummaryReporter : public benchmark::ConsoleReporter {
  public:
    using Times = std::map<std::string, double>;  // benchmark name -> adjusted real time
    explicit SummaryReporter(std::function<void(const Times&)> summary) : summary_(std::move(summary)) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& run : runs) times_[run.benchmark_name()] = run.GetAdjustedRealTime();
        ConsoleReporter::ReportRuns(runs);
    }
    void Finalize() override {
        ConsoleReporter::Finalize();
        summary_(times_);
    }

  private:
    std::function<void(const Times&)> summary_;
    Times times_;
};

}  // namespace dplan::bench
