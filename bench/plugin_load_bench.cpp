// How long the host takes to find, check (manifest, SHA-256, Ed25519 signature, entry symbol),
// load, initialise and read the five standard plugins, against plain dlopen/dlsym/dlclose of
// the same five libraries measured in the same run. Target: under 50 ms for the five.
#include <benchmark/benchmark.h>
#include <dlfcn.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "plugins/plugin_registry.hpp"
#include "plugins/signing.hpp"
#include "summary_reporter.hpp"

namespace {

const char* const areas[] = {"family", "elderly", "rehabilitation", "youth", "volunteer"};

// A signed copy of the built plugins, made once.
struct SignedPlugins {
    std::filesystem::path root;
    dplan::plugins::LoaderOptions options;

    SignedPlugins() {
        root = std::filesystem::temp_directory_path() / ("dplan_bench_" + std::to_string(getpid()));
        std::filesystem::remove_all(root);
        const auto key = dplan::plugins::generate_signing_key(root / "key");
        for (const char* area : areas) {
            const auto target = root / "plugins" / area;
            std::filesystem::create_directories(target);
            std::filesystem::copy(
                std::filesystem::path(DPLAN_BUILT_PLUGIN_DIR) / area, target,
                std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
            std::filesystem::remove(target / "plugin.sig");
            dplan::plugins::sign_plugin(target, key.secret_key_file);
        }
        options.directories = {root / "plugins"};
        options.trusted_keys = {
            dplan::plugins::read_trusted_key(key.public_key_file, dplan::plugins::KeySource::command_line)};
    }
    ~SignedPlugins() { std::filesystem::remove_all(root); }
};

SignedPlugins& signed_plugins() {
    static SignedPlugins instance;
    return instance;
}

void LoadAndVerifyFivePlugins(benchmark::State& state) {
    auto& fixture = signed_plugins();
    for (auto _ : state) {
        auto registry = dplan::plugins::PluginRegistry::load(fixture.options);
        if (registry.loaded().size() != 5) state.SkipWithError("not all five plugins loaded");
        benchmark::DoNotOptimize(registry);
    }
}

// Reference: the least any loader must do, with no checks at all.
void DlopenFivePlugins(benchmark::State& state) {
    auto& fixture = signed_plugins();
    for (auto _ : state) {
        for (const char* area : areas) {
            const auto library = fixture.root / "plugins" / area / ("libdplan_" + std::string(area) + ".so");
            void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (handle == nullptr) state.SkipWithError(dlerror());
            benchmark::DoNotOptimize(dlsym(handle, "dplan_entry"));
            dlclose(handle);
        }
    }
}

BENCHMARK(LoadAndVerifyFivePlugins)->Unit(benchmark::kMillisecond);
BENCHMARK(DlopenFivePlugins)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    dplan::bench::SummaryReporter reporter([](const dplan::bench::SummaryReporter::Times& times) {
        const auto load = times.find("LoadAndVerifyFivePlugins");
        const auto reference = times.find("DlopenFivePlugins");
        if (load == times.end() || reference == times.end()) return;
        std::cout << "five plugins loaded and verified in " << load->second << " ms (target < 50 ms); "
                  << load->second / reference->second << "x plain dlopen of the same libraries (" << reference->second
                  << " ms)\n";
    });
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
}
