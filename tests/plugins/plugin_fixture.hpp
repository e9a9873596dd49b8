// A plugin folder in a temporary directory, filled with copies of the built plugins and signed
// with a key made for the test, so each test can break one thing and load the lot.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "plugins/plugin_registry.hpp"
#include "plugins/signing.hpp"
#include "support/test_database.hpp"

namespace dplan::testing {

inline const std::filesystem::path built_plugins{DPLAN_BUILT_PLUGIN_DIR};
inline const std::filesystem::path broken_plugins{DPLAN_BROKEN_PLUGIN_DIR};
inline const char* const standard_areas[] = {"family", "elderly", "rehabilitation", "youth", "volunteer"};

class PluginFolderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root = make_temp_dir("dplan_plugins");
        folder = root / "plugins";
        std::filesystem::create_directories(folder);
        key = plugins::generate_signing_key(root / "keys" / "test");
        for (const char* area : standard_areas) add(built_plugins / area, area);
    }
    void TearDown() override { std::filesystem::remove_all(root); }

    // Copies a built plugin folder in as `name`, without any signature it had.
    std::filesystem::path add(const std::filesystem::path& source, const std::string& name) {
        const auto target = folder / name;
        std::filesystem::create_directories(target);
        for (const auto& entry : std::filesystem::directory_iterator(source)) {
            if (entry.path().filename() == "plugin.sig") continue;
            std::filesystem::copy_file(entry.path(), target / entry.path().filename(),
                                       std::filesystem::copy_options::overwrite_existing);
        }
        return target;
    }

    void sign_all() {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (std::filesystem::exists(entry.path() / "plugin.json"))
                plugins::sign_plugin(entry.path(), key.secret_key_file);
        }
    }

    // The folder, and the test's key as if named with --trusted-key (it may sign any id).
    plugins::LoaderOptions loader_options(bool allow_unsigned = false) {
        plugins::LoaderOptions options;
        options.directories = {folder};
        options.trusted_keys = {plugins::read_trusted_key(key.public_key_file, plugins::KeySource::command_line)};
        options.allow_unsigned = allow_unsigned;
        return options;
    }

    plugins::PluginRegistry load(bool allow_unsigned = false) {
        return plugins::PluginRegistry::load(loader_options(allow_unsigned));
    }

    std::filesystem::path root;
    std::filesystem::path folder;
    plugins::KeyPair key;
};

}  // namespace dplan::testing
