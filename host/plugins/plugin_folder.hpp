// A plugin's folder as the checks see it: who can change it, and the bytes of its files, each
// file read once through one descriptor.
//
// Nobody but the folder's owner may be able to change what the host checks and then loads. The
// plugin folder, the folder that holds it, and every file and folder inside it must belong to
// root or to the user running dplan and must not be writable by the group or by others (a
// folder with the sticky bit, like /tmp, may hold plugin folders: others cannot rename or
// replace what is in it). Symbolic links are refused: the bytes would come from elsewhere.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dplan::plugins {

// An open file, closed when this goes.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    ~FileDescriptor();
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return fd_; }
    // Gives up the descriptor without closing it.
    int release() { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

// Opens a file of a plugin's folder for reading, without following a symbolic link, and checks
// on the open descriptor that it is a regular file that only root or this user can change.
// Throws InvalidInput naming the file and what is wrong.
FileDescriptor open_plugin_file(const std::filesystem::path& file);

// Every byte of an open file, read through its descriptor.
std::string read_all(const FileDescriptor& file, const std::filesystem::path& shown_as);

struct PluginFolder {
    std::filesystem::path directory;
    std::string manifest;                     // plugin.json's bytes
    std::optional<std::string> signature;     // plugin.sig's bytes, when there is one
    std::vector<std::string> files;           // every regular file, by path inside the folder
    std::vector<std::string> shared_objects;  // those that are shared objects (ELF, or named *.so*)
};

// Checks who can change the folder and reads plugin.json and plugin.sig once. Throws
// InvalidInput naming the file or folder and what is wrong.
PluginFolder read_plugin_folder(const std::filesystem::path& directory);

}  // namespace dplan::plugins
