#include "plugins/manifest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "plugins/utf8.hpp"

namespace dplan::plugins {

namespace {

using nlohmann::json;

[[noreturn]] void bad_field(const std::filesystem::path& file, std::string_view field, const Bilingual& expected) {
    throw InvalidInput({fmt::format("{}：欄位「{}」不正確，應為{}", file.string(), field, expected.zh),
                        fmt::format("{}: field '{}' is invalid: expected {}", file.string(), field, expected.en)});
}

std::string required_string(const json& document, const std::filesystem::path& file, const char* field,
                            const Bilingual& expected) {
    if (!document.contains(field) || !document[field].is_string()) bad_field(file, field, expected);
    std::string value = document[field].get<std::string>();
    if (value.empty() || !is_valid_utf8(value)) bad_field(file, field, expected);
    return value;
}

const Bilingual id_expected{"由 a-z、0-9、「_」或「-」組成、以單一「.」分段的代號（1 至 64 個字元）",
                            "an id of a-z, 0-9, '_' or '-' in parts joined by single dots (1-64 characters)"};
const Bilingual bundled_expected{"由 {\"file\": 檔案名稱, \"sha256\": 64 位十六進位數字} 組成的陣列",
                                 "an array of {\"file\": <file name>, \"sha256\": <64 hex digits>}"};
const Bilingual dependencies_expected{"由外掛代號組成的陣列，例如 [\"family\"]（只寫代號，不寫版本或名稱）",
                                      "an array of plugin ids, such as [\"family\"] (ids only, no versions or names)"};
const Bilingual file_name_expected{"檔案名稱", "the file's name"};
const Bilingual own_folder_expected{"外掛資料夾內的檔案名稱（不可含「/」）",
                                    "a file name in the plugin's own folder (no '/')"};
const Bilingual hex_expected{"64 位十六進位數字", "64 hexadecimal digits"};
const Bilingual sdk_expected{"「主版本.次版本」，例如 \"1.0\"", "\"MAJOR.MINOR\", e.g. \"1.0\""};

// A file name in the plugin's own folder: nothing that could lead out of it.
std::string file_name(const json& document, const std::filesystem::path& file, const char* field,
                      std::string_view shown_as = {}) {
    const std::string_view name = shown_as.empty() ? std::string_view(field) : shown_as;
    if (!document.contains(field) || !document[field].is_string()) bad_field(file, name, file_name_expected);
    std::string value = document[field].get<std::string>();
    if (value.empty() || !is_valid_utf8(value) || value.find('/') != std::string::npos || value == "." ||
        value == "..") {
        bad_field(file, name, own_folder_expected);
    }
    return value;
}

std::string sha256(const json& document, const std::filesystem::path& file, const char* field,
                   std::string_view shown_as = {}) {
    const std::string_view name = shown_as.empty() ? std::string_view(field) : shown_as;
    if (!document.contains(field) || !document[field].is_string()) bad_field(file, name, hex_expected);
    std::string value = document[field].get<std::string>();
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (value.size() != 64 || value.find_first_not_of("0123456789abcdef") != std::string::npos) {
        bad_field(file, name, hex_expected);
    }
    return value;
}

SdkVersion parse_sdk_version(const std::string& text, const std::filesystem::path& file) {
    SdkVersion version;
    const auto dot = text.find('.');
    const char* end = text.data() + text.size();
    if (dot == std::string::npos) bad_field(file, "sdk", sdk_expected);
    auto [major_end, major_error] = std::from_chars(text.data(), text.data() + dot, version.major);
    auto [minor_end, minor_error] = std::from_chars(text.data() + dot + 1, end, version.minor);
    if (major_error != std::errc{} || minor_error != std::errc{} || major_end != text.data() + dot ||
        minor_end != end) {
        bad_field(file, "sdk", sdk_expected);
    }
    return version;
}

}  // namespace

bool is_valid_plugin_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '.' || id.back() == '.' ||
        id.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    });
}

std::string declared_plugin_id(std::string_view text) {
    const json document = json::parse(text, nullptr, false);
    if (!document.is_object() || !document.contains("id") || !document["id"].is_string()) return {};
    std::string id = document["id"].get<std::string>();
    return is_valid_plugin_id(id) ? id : std::string();
}

PluginManifest parse_manifest(const std::filesystem::path& directory, std::string_view text) {
    const auto file = directory / "plugin.json";
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error& e) {
        const auto upto = text.substr(0, std::min<std::size_t>(e.byte, text.size()));
        const auto line = 1 + std::count(upto.begin(), upto.end(), '\n');
        // nlohmann's explanation is English: the Chinese line gives the place only.
        throw InvalidInput({fmt::format("{} 第 {} 行：不是有效的 JSON", file.string(), line),
                            fmt::format("{} line {}: not valid JSON ({})", file.string(), line, e.what())});
    } catch (const json::exception& e) {  // a number beyond a double: out_of_range
        throw InvalidInput({fmt::format("{}：不是可用的 JSON，有數字超出可表示的範圍", file.string()),
                            fmt::format("{}: not usable JSON ({})", file.string(), e.what())});
    }
    if (!document.is_object()) bad_field(file, "(document)", {"JSON 物件", "a JSON object"});

    PluginManifest manifest;
    manifest.directory = directory;
    manifest.id = required_string(document, file, "id", id_expected);
    if (!is_valid_plugin_id(manifest.id)) {
        bad_field(file, "id", id_expected);
    }
    manifest.version =
        required_string(document, file, "version", {"版本字串，例如 \"1.0.0\"", "a version string such as \"1.0.0\""});
    manifest.sdk = parse_sdk_version(required_string(document, file, "sdk", sdk_expected), file);
    if (!document.contains("name") || !document["name"].is_object()) {
        bad_field(file, "name", {"{\"zh\": 中文名稱, \"en\": 英文名稱}", "{\"zh\": ..., \"en\": ...}"});
    }
    manifest.name.zh =
        required_string(document["name"], file, "zh", {"中文名稱（name.zh）", "the Chinese name (name.zh)"});
    manifest.name.en =
        required_string(document["name"], file, "en", {"英文名稱（name.en）", "the English name (name.en)"});
    manifest.library = file_name(document, file, "library");
    manifest.sha256 = sha256(document, file, "sha256");
    if (document.contains("dependencies")) {
        const json& dependencies = document["dependencies"];
        if (!dependencies.is_array()) bad_field(file, "dependencies", dependencies_expected);
        for (std::size_t i = 0; i < dependencies.size(); ++i) {
            const json& dependency = dependencies[i];
            if (!dependency.is_string() || !is_valid_plugin_id(dependency.get<std::string>())) {
                bad_field(file, fmt::format("dependencies[{}]", i), dependencies_expected);
            }
            manifest.dependencies.push_back(dependency.get<std::string>());
        }
    }
    if (document.contains("bundled_libraries")) {
        const json& bundled = document["bundled_libraries"];
        if (!bundled.is_array()) bad_field(file, "bundled_libraries", bundled_expected);
        for (std::size_t i = 0; i < bundled.size(); ++i) {
            if (!bundled[i].is_object()) bad_field(file, "bundled_libraries", bundled_expected);
            const std::string field = fmt::format("bundled_libraries[{}]", i);
            BundledLibrary library{file_name(bundled[i], file, "file", field + ".file"),
                                   sha256(bundled[i], file, "sha256", field + ".sha256")};
            if (library.file == manifest.library)
                bad_field(file, field + ".file", {"「library」以外的檔案", "a file other than 'library'"});
            manifest.bundled_libraries.push_back(std::move(library));
        }
    }
    return manifest;
}

}  // namespace dplan::plugins
