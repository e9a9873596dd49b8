#include "plugins/plugin_folder.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include "domain/error.hpp"

namespace dplan::plugins {

namespace {

[[noreturn]] void unsafe(const std::filesystem::path& path, std::string_view zh, std::string_view en) {
    throw InvalidInput({fmt::format("「{}」{}", path.string(), zh), fmt::format("{} {}", path.string(), en)});
}

[[noreturn]] void cannot_open(const std::filesystem::path& path, int error) {
    if (error == ELOOP)
        unsafe(path, "是符號連結；外掛資料夾內不可有符號連結", "is a symbolic link; a plugin folder may not hold any");
    if (error == ENOENT) unsafe(path, "不存在", "is missing");
    unsafe(path, fmt::format("無法開啟（系統訊息：「{}」）", std::strerror(error)),
           fmt::format("cannot be opened ({})", std::strerror(error)));
}

// Only root or the user running dplan may own it, and neither the group nor others may write
// to it; a sticky folder (`sticky_ok`) may be writable by others, who cannot replace its entries.
void check_who_can_change(const struct stat& info, const std::filesystem::path& path, bool sticky_ok = false) {
    if (info.st_uid != 0 && info.st_uid != geteuid()) {
        unsafe(path, fmt::format("屬於另一個用戶（uid {}），只可屬於 root 或執行 dplan 的用戶", info.st_uid),
               fmt::format("belongs to another user (uid {}); it must belong to root or to the user "
                           "running dplan",
                           info.st_uid));
    }
    if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0 && !(sticky_ok && (info.st_mode & S_ISVTX) != 0)) {
        unsafe(path, "可被其他用戶修改（群組或其他人有寫入權限）；請執行 chmod go-w",
               "can be changed by other users (group or others may write to it); run chmod go-w on "
               "it");
    }
}

bool has_elf_magic(int fd) {
    std::array<char, 4> magic{};
    return pread(fd, magic.data(), magic.size(), 0) == static_cast<ssize_t>(magic.size()) && magic[0] == 0x7f &&
           magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
}

bool named_like_shared_object(const std::string& name) {
    return name.ends_with(".so") || name.find(".so.") != std::string::npos;
}

// Checks every entry below `folder` (descending into folders) and collects the shared objects.
void walk(int folder_fd, const std::filesystem::path& folder, const std::filesystem::path& inside,
          PluginFolder& contents) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename();
        const auto relative = inside / name;
        const int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
        const FileDescriptor fd(openat(folder_fd, name.c_str(), flags));
        if (fd.get() < 0) cannot_open(entry.path(), errno);
        struct stat info {};
        if (fstat(fd.get(), &info) != 0) cannot_open(entry.path(), errno);
        check_who_can_change(info, entry.path());
        if (S_ISDIR(info.st_mode)) {
            walk(fd.get(), entry.path(), relative, contents);
            continue;
        }
        if (!S_ISREG(info.st_mode))
            unsafe(entry.path(), "不是一般檔案或資料夾", "is neither a regular file nor a folder");
        contents.files.push_back(relative.string());
        if (has_elf_magic(fd.get()) || named_like_shared_object(name.string())) {
            contents.shared_objects.push_back(relative.string());
        }
    }
    if (ec)
        unsafe(folder, fmt::format("無法列出內容（系統訊息：「{}」）", ec.message()),
               fmt::format("cannot be listed ({})", ec.message()));
}

// `fd`, just opened from `file`, once it is known to be a regular file only its owner can change.
FileDescriptor checked(FileDescriptor fd, const std::filesystem::path& file) {
    if (fd.get() < 0) cannot_open(file, errno);
    struct stat info {};
    if (fstat(fd.get(), &info) != 0) cannot_open(file, errno);
    if (!S_ISREG(info.st_mode)) unsafe(file, "不是一般檔案", "is not a regular file");
    check_who_can_change(info, file);
    return fd;
}

FileDescriptor open_for_reading(const std::filesystem::path& file) {
    return FileDescriptor(open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
}

std::optional<std::string> read_if_present(const std::filesystem::path& file) {
    FileDescriptor fd = open_for_reading(file);
    if (fd.get() < 0 && errno == ENOENT) return std::nullopt;
    return read_all(checked(std::move(fd), file), file);
}

}  // namespace

FileDescriptor::~FileDescriptor() {
    if (fd_ >= 0) close(fd_);
}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

FileDescriptor open_plugin_file(const std::filesystem::path& file) { return checked(open_for_reading(file), file); }

std::string read_all(const FileDescriptor& file, const std::filesystem::path& shown_as) {
    std::string bytes;
    std::array<char, 64 * 1024> buffer{};
    for (;;) {
        const ssize_t got = read(file.get(), buffer.data(), buffer.size());
        if (got == 0) return bytes;
        if (got < 0) {
            if (errno == EINTR) continue;
            cannot_open(shown_as, errno);
        }
        bytes.append(buffer.data(), static_cast<std::size_t>(got));
    }
}

PluginFolder read_plugin_folder(const std::filesystem::path& directory) {
    PluginFolder folder;
    folder.directory = directory;
    auto absolute = std::filesystem::absolute(directory).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();  // "plugins/family/"
    const auto holder = absolute.parent_path();
    struct stat info {};
    if (!holder.empty() && stat(holder.c_str(), &info) == 0) check_who_can_change(info, holder, true);

    const FileDescriptor fd(open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) cannot_open(directory, errno);
    if (fstat(fd.get(), &info) != 0) cannot_open(directory, errno);
    check_who_can_change(info, directory);
    walk(fd.get(), directory, {}, folder);

    const auto manifest = read_if_present(directory / "plugin.json");
    if (!manifest) {
        throw InvalidInput({fmt::format("{}：找不到 plugin.json", (directory / "plugin.json").string()),
                            fmt::format("{}: missing", (directory / "plugin.json").string())});
    }
    folder.manifest = *manifest;
    folder.signature = read_if_present(directory / "plugin.sig");
    return folder;
}

}  // namespace dplan::plugins
