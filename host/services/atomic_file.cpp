#include "services/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "domain/error.hpp"

namespace dplan {

namespace {

[[noreturn]] void cannot_write(const std::filesystem::path& target, const std::string& reason) {
    throw StorageError(
        {fmt::format("無法寫入「{}」：{}。原有檔案保持不變。", target.string(), reason),
         fmt::format("cannot write {}: {}; the previous file is left as it was", target.string(), reason)});
}

// Closes the descriptor when the scope ends, whatever happens.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    // close() reports the last write errors of some filesystems (NFS): they count as failures.
    int close() {
        const int result = ::close(fd_);
        fd_ = -1;
        return result;
    }

  private:
    int fd_;
};

// A name in the target's folder no other writer (process or thread) uses at the same time.
std::filesystem::path temporary_name(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    auto name = target.parent_path() / fmt::format(".{}.{}.{}.part", target.filename().string(), ::getpid(), counter++);
    return name;
}

// Inside a writer: replace_file() adds which file it was.
[[noreturn]] void system_failure() {
    const std::string reason = std::strerror(errno);
    throw StorageError({reason, reason});
}

void write_all(int fd, std::string_view contents) {
    while (!contents.empty()) {
        const ssize_t written = ::write(fd, contents.data(), contents.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            system_failure();
        }
        contents.remove_prefix(static_cast<std::size_t>(written));
    }
}

void flush_to_disk(const std::filesystem::path& file, const std::filesystem::path& target) {
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0 || fd.close() != 0) cannot_write(target, std::strerror(errno));
}

// After the rename: the folder's entry is what points at the new file.
void flush_folder(const std::filesystem::path& target) {
    const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    FileDescriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
        // The new file is complete and in place; only its survival of a power cut is uncertain.
        const std::string reason = std::strerror(errno);
        throw StorageError(
            {fmt::format("已寫入「{}」，但無法把資料夾同步到磁碟（{}）：斷電後檔案未必保留。", target.string(), reason),
             fmt::format("wrote {} but could not flush its folder to disk ({}): it may not survive a power cut",
                         target.string(), reason)});
    }
}

}  // namespace

void replace_file(const std::filesystem::path& target, const std::function<void(const std::filesystem::path&)>& write) {
    const auto temporary = temporary_name(target);
    {
        // 0666 less the umask, like any new file; O_EXCL: never reuse someone else's file.
        FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
        if (fd.get() < 0) cannot_write(target, std::strerror(errno));
    }
    try {
        try {
            write(temporary);
        } catch (const StorageError& e) {
            // The writer knows what failed, not which file it was for.
            throw StorageError({fmt::format("無法寫入「{}」：{}。原有檔案保持不變。", target.string(), e.message().zh),
                                fmt::format("cannot write {}: {}; the previous file is left as it was", target.string(),
                                            e.message().en)});
        }
        flush_to_disk(temporary, target);
        std::error_code ec;
        std::filesystem::rename(temporary, target, ec);
        if (ec) cannot_write(target, ec.message());
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
    flush_folder(target);
}

void replace_file(const std::filesystem::path& target, std::string_view contents) {
    replace_file(target, [&](const std::filesystem::path& temporary) {
        FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
        if (fd.get() < 0) system_failure();
        write_all(fd.get(), contents);
        if (fd.close() != 0) system_failure();
    });
}

}  // namespace dplan
