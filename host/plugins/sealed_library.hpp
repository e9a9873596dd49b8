// A shared library's bytes, copied once from its file into sealed memory (a memfd that nobody
// can change any more), hashed there and loaded from there (dlopen of /proc/self/fd/N): the code
// that runs is the code that was checked, whatever happens to the file in between.
#pragma once

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "plugins/plugin_folder.hpp"

namespace dplan::plugins {

class SealedLibrary {
  public:
    // Reads `file` through one descriptor (see open_plugin_file) into sealed memory. Throws
    // InvalidInput naming the file.
    static SealedLibrary copy_of(const std::filesystem::path& file);

    const std::filesystem::path& file() const { return file_; }
    // SHA-256 of the sealed bytes, lower-case hex.
    const std::string& sha256() const { return sha256_; }
    bool is_elf() const { return is_elf_; }
    // /proc/self/fd/N: the sealed bytes, for Boost.DLL and dlopen; valid while this lives, and
    // this must live as long as the library is loaded (the loader knows it by this name).
    std::string path() const;

    // Leaves the descriptor open for the rest of the process (see ~SealedLibraries).
    void keep_open() { memory_.release(); }

  private:
    std::filesystem::path file_;
    FileDescriptor memory_;
    std::string sha256_;
    bool is_elf_ = false;
};

// A plugin's libraries loaded from their sealed copies, in the order given (bundled libraries
// first, so the plugin's own finds them by their soname); unloaded in the reverse order.
class SealedLibraries {
  public:
    SealedLibraries() = default;
    SealedLibraries(const SealedLibraries&) = delete;
    SealedLibraries& operator=(const SealedLibraries&) = delete;
    ~SealedLibraries();

    // Throws InvalidInput when the dynamic loader refuses it.
    const boost::dll::shared_library& load(SealedLibrary library);

  private:
    std::vector<SealedLibrary> sealed_;
    std::vector<boost::dll::shared_library> loaded_;
};

}  // namespace dplan::plugins
