#include "plugins/sealed_library.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "domain/error.hpp"
#include "plugins/signing.hpp"

namespace dplan::plugins {

namespace {

[[noreturn]] void failed(const std::filesystem::path& file, std::string_view step) {
    const std::string why = std::strerror(errno);
    throw InvalidInput({fmt::format("無法把「{}」複製到封存記憶體（{}：「{}」）", file.string(), step, why),
                        fmt::format("cannot copy {} into sealed memory ({}: {})", file.string(), step, why)});
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& file) {
    while (!bytes.empty()) {
        const ssize_t wrote = write(fd, bytes.data(), bytes.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) failed(file, "write");
        bytes.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

}  // namespace

SealedLibrary SealedLibrary::copy_of(const std::filesystem::path& file) {
    const std::string bytes = read_all(open_plugin_file(file), file);
    SealedLibrary library;
    library.file_ = file;
    library.memory_ = FileDescriptor(memfd_create(file.filename().c_str(), MFD_CLOEXEC | MFD_ALLOW_SEALING));
    if (library.memory_.get() < 0) failed(file, "memfd_create");
    write_all(library.memory_.get(), bytes, file);
    if (fcntl(library.memory_.get(), F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
        failed(file, "F_ADD_SEALS");
    }
    // Hashed from the sealed descriptor itself, which is what will be loaded.
    if (lseek(library.memory_.get(), 0, SEEK_SET) != 0) failed(file, "lseek");
    const std::string sealed = read_all(library.memory_, file);
    library.sha256_ = sha256_hex(sealed);
    library.is_elf_ = sealed.size() >= 4 && sealed.compare(0, 4,
                                                           "\x7f"
                                                           "ELF") == 0;
    return library;
}

std::string SealedLibrary::path() const { return fmt::format("/proc/self/fd/{}", memory_.get()); }

SealedLibraries::~SealedLibraries() {
    while (!loaded_.empty()) loaded_.pop_back();
    // A library the loader cannot unload (one with C++ "unique" symbols is marked NODELETE)
    // stays known by its name /proc/self/fd/N; were N reused, a later dlopen of that name would
    // get the old library back instead of the new bytes. So its descriptor stays open.
    for (auto& library : sealed_) {
        if (void* still = dlopen(library.path().c_str(), RTLD_NOLOAD | RTLD_LAZY); still != nullptr) {
            dlclose(still);
            library.keep_open();
        }
    }
}

const boost::dll::shared_library& SealedLibraries::load(SealedLibrary library) {
    try {
        loaded_.emplace_back(boost::dll::fs::path(library.path()),
                             boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        throw InvalidInput(
            {fmt::format("無法載入程式庫「{}」（系統訊息：「{}」）", library.file().filename().string(), e.what()),
             fmt::format("cannot load the library {}: {}", library.file().filename().string(), e.what())});
    }
    sealed_.push_back(std::move(library));
    return loaded_.back();
}

}  // namespace dplan::plugins
