// What the loader trusts: the bytes it checked are the bytes it loads, nobody else can change
// them, a trusted key signs only the ids it is bound to, and nothing shadows an installed plugin.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "cli/plugin_cli_fixture.hpp"
#include "plugins/manifest.hpp"

namespace dplan {
namespace {

using testing::PluginFolderTest;

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

const plugins::RefusedPlugin* refused(const plugins::PluginRegistry& registry, std::string_view id) {
    for (const auto& plugin : registry.refused()) {
        if (plugin.id == id) return &plugin;
    }
    return nullptr;
}

// The marker plugin's static initialiser writes $DPLAN_TEST_MARKER when its code is loaded.
class SwappedLibrary : public PluginFolderTest {
  protected:
    void SetUp() override {
        PluginFolderTest::SetUp();
        marker = root / "marker-written";
        setenv("DPLAN_TEST_MARKER", marker.c_str(), 1);
        swapped_in = testing::broken_plugins / "marker" / "libdplan_marker.so";
    }
    void TearDown() override {
        unsetenv("DPLAN_TEST_MARKER");
        PluginFolderTest::TearDown();
    }

    // Signs everything, and swaps family's library for the marker's once it has been checked.
    plugins::PluginRegistry load_swapping(const std::function<void(const std::filesystem::path&)>& swap) {
        sign_all();
        auto options = loader_options();
        options.after_library_check = [&](const plugins::PluginManifest& manifest) {
            if (manifest.id == "family") swap(manifest.directory / manifest.library);
        };
        return plugins::PluginRegistry::load(options);
    }

    void expect_never_executed_and_family_loaded(const plugins::PluginRegistry& registry) {
        EXPECT_FALSE(std::filesystem::exists(marker)) << "the library swapped in after the check was executed";
        const auto* family = registry.find("family");
        ASSERT_NE(family, nullptr) << "the checked bytes should have loaded";
        EXPECT_EQ(family->area()->name.en, "Family and child welfare services");
        EXPECT_EQ(registry.loaded().size(), 5u);
    }

    std::filesystem::path marker;
    std::filesystem::path swapped_in;
};

TEST_F(SwappedLibrary, TheMarkerPluginWritesItsMarkerWhenItsCodeIsLoaded) {
    // Without this the other tests would prove nothing.
    plugins::sign_plugin(add(testing::broken_plugins / "marker", "marker"), key.secret_key_file);
    sign_all();
    const auto registry = load();
    EXPECT_NE(registry.find("marker"), nullptr);
    EXPECT_TRUE(std::filesystem::exists(marker));
}

TEST_F(SwappedLibrary, ALibraryOverwrittenInPlaceBetweenCheckAndLoadIsNeverExecuted) {
    const auto registry = load_swapping([&](const std::filesystem::path& library) {
        write_file(library, read_file(swapped_in));  // same inode, new bytes
    });
    expect_never_executed_and_family_loaded(registry);
}

TEST_F(SwappedLibrary, ALibraryRenamedOverBetweenCheckAndLoadIsNeverExecuted) {
    const auto registry = load_swapping([&](const std::filesystem::path& library) {
        std::filesystem::copy_file(swapped_in, root / "replacement.so");
        std::filesystem::rename(root / "replacement.so", library);  // a new file under the old name
    });
    expect_never_executed_and_family_loaded(registry);
}

TEST_F(PluginFolderTest, FilesAndFoldersOtherUsersCanChangeAreRefused) {
    sign_all();
    std::filesystem::permissions(folder / "family" / "libdplan_family.so", std::filesystem::perms::group_write,
                                 std::filesystem::perm_options::add);
    std::filesystem::permissions(folder / "youth", std::filesystem::perms::others_write,
                                 std::filesystem::perm_options::add);
    std::filesystem::permissions(folder / "elderly" / "plugin.json", std::filesystem::perms::group_write,
                                 std::filesystem::perm_options::add);
    const auto registry = load();
    ASSERT_EQ(registry.refused().size(), 3u);
    for (const auto& plugin : registry.refused()) {
        EXPECT_NE(plugin.reason.en.find("can be changed by other users"), std::string::npos) << plugin.reason.en;
    }
    EXPECT_EQ(registry.loaded().size(), 2u);
}

TEST_F(PluginFolderTest, AFolderOfPluginsOthersCanWriteToIsRefusedUnlessItIsSticky) {
    sign_all();
    using std::filesystem::perms;
    std::filesystem::permissions(folder, perms::group_write | perms::others_write, std::filesystem::perm_options::add);
    auto registry = load();
    EXPECT_TRUE(registry.loaded().empty());
    ASSERT_EQ(registry.refused().size(), 5u);
    EXPECT_NE(registry.refused()[0].reason.en.find(folder.string() + " can be changed by other users"),
              std::string::npos)
        << registry.refused()[0].reason.en;

    // Like /tmp: others may add entries but not rename or replace ours.
    std::filesystem::permissions(folder, perms::sticky_bit, std::filesystem::perm_options::add);
    registry = load();
    EXPECT_EQ(registry.loaded().size(), 5u);
}

TEST_F(PluginFolderTest, FilesOfAnotherUserAreRefused) {
    if (geteuid() != 0) GTEST_SKIP() << "only root can give a file to another user";
    sign_all();
    ASSERT_EQ(chown((folder / "family" / "libdplan_family.so").c_str(), 65534, 65534), 0);
    const auto registry = load();
    ASSERT_EQ(registry.refused().size(), 1u);
    EXPECT_NE(registry.refused()[0].reason.en.find("belongs to another user (uid 65534)"), std::string::npos)
        << registry.refused()[0].reason.en;
}

TEST_F(PluginFolderTest, SymbolicLinksInAPluginFolderAreRefused) {
    std::filesystem::create_symlink(folder / "elderly" / "libdplan_elderly.so", folder / "family" / "extra");
    sign_all();
    const auto registry = load();
    ASSERT_EQ(registry.refused().size(), 1u);
    EXPECT_NE(registry.refused()[0].reason.en.find("is a symbolic link"), std::string::npos)
        << registry.refused()[0].reason.en;
}

// family's folder gets a second shared object; plugin.json lists it (or not) under
// bundled_libraries.
class BundledLibrary : public PluginFolderTest {
  protected:
    enum class Listed { no, with_wrong_hash, yes };
    void bundle(Listed listed) {
        const auto helper = folder / "family" / "libhelper.so.1";
        std::filesystem::copy_file(testing::built_plugins / "elderly" / "libdplan_elderly.so", helper);
        if (listed == Listed::no) return;
        const std::string sha256 = listed == Listed::yes ? dplan::sha256_hex(read_file(helper)) : std::string(64, '0');
        auto text = read_file(folder / "family" / "plugin.json");
        text.insert(text.rfind('}'),
                    ", \"bundled_libraries\": [{\"file\": \"libhelper.so.1\", \"sha256\": \"" + sha256 + "\"}]\n");
        write_file(folder / "family" / "plugin.json", text);
    }
};

TEST_F(BundledLibrary, AnUnlistedSharedObjectInThePluginFolderIsRefused) {
    bundle(Listed::no);
    sign_all();
    const auto registry = load();
    ASSERT_EQ(registry.refused().size(), 1u);
    EXPECT_EQ(registry.refused()[0].id, "family");
    EXPECT_NE(registry.refused()[0].reason.en.find("the shared object libhelper.so.1 in its folder is not listed"),
              std::string::npos)
        << registry.refused()[0].reason.en;
}

TEST_F(BundledLibrary, AListedOneWhoseHashDoesNotMatchIsRefused) {
    bundle(Listed::with_wrong_hash);
    sign_all();
    const auto registry = load();
    ASSERT_EQ(registry.refused().size(), 1u);
    EXPECT_NE(registry.refused()[0].reason.en.find("the SHA-256 of libhelper.so.1"), std::string::npos)
        << registry.refused()[0].reason.en;
}

TEST_F(BundledLibrary, AListedOneWhoseHashMatchesLoadsWithThePlugin) {
    bundle(Listed::yes);
    sign_all();
    const auto registry = load();
    EXPECT_TRUE(registry.refused().empty()) << registry.refused()[0].reason.en;
    EXPECT_NE(registry.find("family"), nullptr);
}

TEST_F(PluginFolderTest, TheFirstFolderKeepsAnIdAndTheSameIdInALaterFolderIsRefused) {
    sign_all();
    const auto user_folder = root / "user-plugins";
    std::filesystem::create_directories(user_folder);
    const auto copy = user_folder / "family";
    std::filesystem::create_directories(copy);
    for (const auto& entry : std::filesystem::directory_iterator(folder / "family")) {
        std::filesystem::copy_file(entry.path(), copy / entry.path().filename());
    }
    auto options = loader_options();
    options.directories = {folder, user_folder};  // the system folder comes first
    const auto registry = plugins::PluginRegistry::load(options);
    EXPECT_EQ(registry.find("family")->manifest().directory.string(), (folder / "family").string());
    ASSERT_EQ(registry.refused().size(), 1u);
    EXPECT_EQ(registry.refused()[0].directory.string(), copy.string());
    EXPECT_NE(registry.refused()[0].reason.en.find("another plugin with id 'family' was found first, in " +
                                                   (folder / "family").string()),
              std::string::npos)
        << registry.refused()[0].reason.en;
}

TEST(StandardLoaderOptions, TheSystemFolderComesBeforeEveryFolderAUserCanName) {
    setenv("DPLAN_PLUGIN_PATH", "/from/env/a:/from/env/b", 1);
    setenv("XDG_DATA_HOME", "/home/officer/.local/share", 1);
    const auto options = plugins::standard_loader_options({"/from/option"}, {}, false);
    unsetenv("DPLAN_PLUGIN_PATH");
    unsetenv("XDG_DATA_HOME");
    std::vector<std::string> directories;
    for (const auto& directory : options.directories) directories.push_back(directory.string());
    const std::vector<std::string> expected{DPLAN_SYSTEM_PLUGIN_DIR, "/from/option", "/from/env/a", "/from/env/b",
                                            "/home/officer/.local/share/dplan/plugins"};
    EXPECT_EQ(directories, expected);
}

// Key files as an administrator writes them.
class TrustedKeyFiles : public PluginFolderTest {
  protected:
    std::filesystem::path key_file(const std::string& name, const std::string& ids_line) {
        const auto file = root / "keys" / (name + ".pub");
        write_file(file, "# " + name + "\n" + ids_line + "\n" + plugins::read_public_key(key.public_key_file) + "\n");
        return file;
    }
};

TEST_F(TrustedKeyFiles, AKeyBoundToNgoCannotSignFamily) {
    plugins::sign_plugin(add(testing::broken_plugins / "ngo.sample", "ngo.sample"), key.secret_key_file);
    sign_all();
    auto options = loader_options();
    options.trusted_keys = {plugins::read_trusted_key(key_file("ngo", "ids: ngo.*"), plugins::KeySource::key_folder)};
    const auto registry = plugins::PluginRegistry::load(options);
    EXPECT_NE(registry.find("ngo.sample"), nullptr) << "the key may sign its own prefix";
    EXPECT_EQ(registry.loaded().size(), 1u);
    const auto* family = refused(registry, "family");
    ASSERT_NE(family, nullptr);
    EXPECT_NE(family->reason.en.find("which is trusted to sign only ngo.*, not 'family'"), std::string::npos)
        << family->reason.en;
    EXPECT_FALSE(family->reason.zh.empty());
}

TEST_F(TrustedKeyFiles, IdsAreExactPrefixesOrEverything) {
    const auto exact =
        plugins::read_trusted_key(key_file("exact", "ids: family, youth"), plugins::KeySource::key_folder);
    EXPECT_TRUE(exact.may_sign_id("family"));
    EXPECT_TRUE(exact.may_sign_id("youth"));
    EXPECT_FALSE(exact.may_sign_id("family2"));
    const auto prefix =
        plugins::read_trusted_key(key_file("prefix", "ids: ngo.hkoa.*"), plugins::KeySource::key_folder);
    EXPECT_TRUE(prefix.may_sign_id("ngo.hkoa.outreach"));
    EXPECT_FALSE(prefix.may_sign_id("ngo.other.outreach"));
    EXPECT_TRUE(
        plugins::read_trusted_key(key_file("any", "ids: *"), plugins::KeySource::key_folder).may_sign_id("family"));
}

TEST_F(TrustedKeyFiles, ABareKeySignsAnythingFromTheCommandLineButIsRefusedInAKeyFolder) {
    EXPECT_TRUE(plugins::read_trusted_key(key.public_key_file, plugins::KeySource::command_line).may_sign_id("family"));
    try {
        plugins::read_trusted_key(key.public_key_file, plugins::KeySource::key_folder);
        ADD_FAILURE() << "a key file in a key folder that names no ids was accepted";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("does not say which plugins the key may sign"), std::string::npos)
            << e.message().en;
    }
}

TEST_F(TrustedKeyFiles, MalformedFilesNameTheLineAndWhatWasExpected) {
    for (const auto& [ids_line, expected] : std::vector<std::pair<std::string, std::string>>{
             {"ids: Family", "line 2: expected 'ids:' followed by plugin ids"},
             {"ids:", "line 2: expected 'ids:' followed by plugin ids"},
             {"not a key", "line 2: expected the public key"}}) {
        try {
            plugins::read_trusted_key(key_file("bad", ids_line), plugins::KeySource::key_folder);
            ADD_FAILURE() << ids_line << " was accepted";
        } catch (const InvalidInput& e) {
            EXPECT_NE(e.message().en.find(expected), std::string::npos) << e.message().en;
            EXPECT_FALSE(e.message().zh.empty());
        }
    }
}

// The user's own key folder, as the dplan binary reads it.
class UserKeyFolder : public PluginCli {
  protected:
    void SetUp() override {
        PluginCli::SetUp();
        sign_with_cli();
        keys = root / "config" / "dplan" / "trusted-keys";
        std::filesystem::create_directories(keys);
        write_file(keys / "office.pub", "ids: *\n" + plugins::read_public_key(key.public_key_file) + "\n");
    }
    std::filesystem::path keys;
};

TEST_F(UserKeyFolder, IsNotReadUnlessDplanTrustUserKeysIsSet) {
    auto result = dplan_with({"plugins", "list"}, {}, false);
    EXPECT_EQ(result.exit_code, 5) << result.out << result.err;
    EXPECT_NE(result.out.find("which is not trusted here"), std::string::npos) << result.out;

    result = dplan_with({"plugins", "list"}, {"DPLAN_TRUST_USER_KEYS=1"}, false);
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_EQ(result.out.find("Refused"), std::string::npos) << result.out;
}

TEST_F(UserKeyFolder, ABrokenPubFileIsReportedWhileTheRestLoad) {
    write_file(keys / "broken.pub", "this is not a key\n");
    const auto result = dplan_with({"plugins", "list"}, {"DPLAN_TRUST_USER_KEYS=1"}, false);
    EXPECT_EQ(result.exit_code, 5) << result.out << result.err;
    EXPECT_NE(result.out.find("Refused trusted keys:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find((keys / "broken.pub").string() + " line 1: expected the public key"), std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.find("Refused plugins:"), std::string::npos) << result.out;
    for (const char* name : {"Family and child welfare services", "Youth services", "Volunteer services"}) {
        EXPECT_NE(result.out.find(name), std::string::npos) << name << "\n" << result.out;
    }
    // The log is one file a day in the state folder (host/logging): read whatever is there.
    std::string log;
    for (const auto& entry : std::filesystem::directory_iterator(root / "state" / "dplan"))
        log += read_file(entry.path());
    EXPECT_NE(log.find("trusted key " + (keys / "broken.pub").string() + " refused"), std::string::npos) << log;

    // A broken key named on the command line is reported the same way, and does not stop a command.
    const auto verify =
        dplan({"--trusted-key", (keys / "broken.pub").string(), "plugin", "verify", (folder / "family").string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_NE(verify.out.find("broken.pub"), std::string::npos) << verify.out;
}

TEST_F(PluginCli, ASamePluginInTheUserFolderIsListedAsRefusedAndListExitsNonZero) {
    sign_with_cli();
    const auto user_plugins = root / "data" / "dplan" / "plugins";
    std::filesystem::create_directories(user_plugins / "family");
    for (const auto& entry : std::filesystem::directory_iterator(folder / "family")) {
        std::filesystem::copy_file(entry.path(), user_plugins / "family" / entry.path().filename());
    }
    const auto result = dplan({"plugins", "list"});
    EXPECT_EQ(result.exit_code, 5) << result.out << result.err;
    EXPECT_NE(result.out.find((user_plugins / "family").string()), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("another plugin with id 'family' was found first"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace dplan
