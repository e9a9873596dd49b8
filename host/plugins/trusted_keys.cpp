#include "plugins/trusted_keys.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "domain/error.hpp"

namespace dplan::plugins {

namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

bool is_hex_key(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

// '*', or characters a plugin id may hold, optionally ending in '*'.
bool is_valid_pattern(std::string_view pattern) {
    if (pattern == "*") return true;
    if (!pattern.empty() && pattern.back() == '*') pattern.remove_suffix(1);
    return !pattern.empty() && std::all_of(pattern.begin(), pattern.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    });
}

[[noreturn]] void bad_line(const std::filesystem::path& file, std::size_t line, std::string_view zh,
                           std::string_view en) {
    throw InvalidInput({fmt::format("{} 第 {} 行：{}", file.string(), line, zh),
                        fmt::format("{} line {}: {}", file.string(), line, en)});
}

const char* const pattern_zh = "「ids:」後應為以逗號分隔的外掛代號、以 * 結尾的代號前綴（如 ngo.*）或單一 *";
const char* const pattern_en =
    "expected 'ids:' followed by plugin ids, id prefixes ending in '*' (e.g. ngo.*) or '*', "
    "separated by commas";

std::vector<std::string> read_patterns(std::string_view list, const std::filesystem::path& file, std::size_t line) {
    std::vector<std::string> patterns;
    std::string item;
    std::stringstream parts{std::string(list)};
    while (std::getline(parts, item, ',')) {
        const auto pattern = trimmed(item);
        if (!is_valid_pattern(pattern)) bad_line(file, line, pattern_zh, pattern_en);
        patterns.emplace_back(pattern);
    }
    if (patterns.empty()) bad_line(file, line, pattern_zh, pattern_en);
    return patterns;
}

}  // namespace

bool TrustedKey::may_sign_id(std::string_view plugin_id) const {
    return std::any_of(may_sign.begin(), may_sign.end(), [&](std::string_view pattern) {
        if (!pattern.empty() && pattern.back() == '*')
            return plugin_id.starts_with(pattern.substr(0, pattern.size() - 1));
        return plugin_id == pattern;
    });
}

TrustedKey read_trusted_key(const std::filesystem::path& file, KeySource source) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw InvalidInput({fmt::format("無法讀取金鑰檔「{}」", file.string()),
                            fmt::format("cannot read key file {}", file.string())});
    }
    TrustedKey key;
    key.file = file;
    bool has_ids = false;
    std::string text;
    for (std::size_t number = 1; std::getline(in, text); ++number) {
        const auto line = trimmed(text);
        if (line.empty() || line.front() == '#') continue;
        if (line.starts_with("ids:")) {
            if (has_ids) bad_line(file, number, "「ids:」只可出現一次", "'ids:' may appear only once");
            key.may_sign = read_patterns(line.substr(4), file, number);
            has_ids = true;
        } else if (is_hex_key(line) && key.public_key.empty()) {
            key.public_key = line;
            std::transform(key.public_key.begin(), key.public_key.end(), key.public_key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        } else {
            bad_line(file, number, "應為公開金鑰（64 個十六進位數字）、「ids:」行或以 # 開頭的註解，且金鑰只可有一個",
                     "expected the public key (64 hex digits, once), an 'ids:' line or a comment "
                     "starting with '#'");
        }
    }
    if (key.public_key.empty()) {
        throw InvalidInput(
            {fmt::format("「{}」不是公開金鑰檔（找不到 64 個十六進位數字的金鑰）", file.string()),
             fmt::format("{} is not a public key file (expected a line of 64 hex digits)", file.string())});
    }
    if (!has_ids) {
        if (source == KeySource::key_folder) {
            throw InvalidInput(
                {fmt::format("金鑰檔「{}」沒有說明可簽署哪些外掛；請加上一行，例如「ids: "
                             "ngo.*」或「ids: *」",
                             file.string()),
                 fmt::format("key file {} does not say which plugins the key may sign; add a line such as "
                             "'ids: ngo.*' or 'ids: *'",
                             file.string())});
        }
        key.may_sign = {"*"};
    }
    return key;
}

std::string read_public_key(const std::filesystem::path& file) {
    return read_trusted_key(file, KeySource::command_line).public_key;
}

TrustedKeys read_trusted_keys(const std::vector<std::filesystem::path>& command_line_files,
                              const std::vector<std::filesystem::path>& key_folders) {
    TrustedKeys result;
    auto read = [&](const std::filesystem::path& file, KeySource source) {
        try {
            result.keys.push_back(read_trusted_key(file, source));
        } catch (const Error& e) {
            result.refused.push_back({file, e.message()});
        }
    };
    for (const auto& file : command_line_files) read(file, KeySource::command_line);
    for (const auto& folder : key_folders) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
            if (entry.path().extension() == ".pub") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) read(file, KeySource::key_folder);
    }
    return result;
}

std::vector<std::filesystem::path> default_trusted_key_folders() {
    std::vector<std::filesystem::path> folders{"/etc/dplan/trusted-keys"};
    const char* trust_user_keys = std::getenv("DPLAN_TRUST_USER_KEYS");
    if (trust_user_keys == nullptr || std::string_view(trust_user_keys) != "1") return folders;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        folders.push_back(std::filesystem::path(xdg) / "dplan" / "trusted-keys");
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        folders.push_back(std::filesystem::path(home) / ".config" / "dplan" / "trusted-keys");
    }
    return folders;
}

}  // namespace dplan::plugins
