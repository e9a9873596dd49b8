// dplan audit list | verify: the audit log, for administrators.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"

namespace dplan::cli {

namespace {

struct ListOptions {
    std::string object, since, until;
    int limit = 50;
    bool json = false;
};

// "plan" or "plan:3".
void take_object(AuditQuery& query, const std::string& object) {
    if (object.empty()) return;
    const auto colon = object.find(':');
    query.object_type = object.substr(0, colon);
    if (colon != std::string::npos) query.object_id = object.substr(colon + 1);
}

// Control characters shown as \uXXXX: a name someone chose cannot forge lines or send escape
// sequences to the administrator's terminal.
std::string printable(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += byte < 0x20 || byte == 0x7f ? fmt::format("\\u{:04x}", byte) : std::string(1, c);
    }
    return out;
}

std::string shown(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // JSON escapes controls
}

void print_entry(Context& context, const AuditEntry& entry) {
    context.out << fmt::format("#{} {} {} ({}) {} {}:{}\n", entry.sequence, entry.recorded_at,
                               printable(entry.actor.name), printable(entry.actor.origin),
                               printable(entry.change.action), printable(entry.change.object_type),
                               printable(entry.change.object_id));
    const auto changes = nlohmann::json::parse(entry.change.changes, nullptr, false);
    if (!changes.is_object()) {
        context.out << "    " << printable(entry.change.changes) << '\n';
        return;
    }
    for (const auto& [field, values] : changes.items()) {
        if (!values.is_object()) {
            context.out << fmt::format("    {}: {}\n", printable(field), shown(values));
            continue;
        }
        context.out << fmt::format("    {}: {} -> {}\n", printable(field),
                                   shown(values.value("before", nlohmann::json())),
                                   shown(values.value("after", nlohmann::json())));
    }
}

}  // namespace

void register_audit_commands(CLI::App& app, Context& context) {
    auto* audit = app.add_subcommand("audit", "The audit log (administrators) / 審計記錄（管理員）");
    audit->require_subcommand(1);

    auto options = std::make_shared<ListOptions>();
    auto* list = audit->add_subcommand("list", "Entries, newest first / 列出審計記錄（最新在前）");
    list->add_option("--object", options->object, "TYPE or TYPE:ID, e.g. plan:3 / 物件類別或類別:編號");
    list->add_option("--since", options->since, "From this date or UTC time / 由此日期或時間起");
    list->add_option("--until", options->until, "Before this date or UTC time / 至此日期或時間前");
    list->add_option("--limit", options->limit, "At most this many, 1 to 1000 (default 50) / 最多項數");
    list->add_flag("--json", options->json, "One JSON array / 以 JSON 輸出");
    list->callback([&context, options] {
        AuditQuery query;
        take_object(query, options->object);
        if (!options->since.empty()) query.since = options->since;
        if (!options->until.empty()) query.until = options->until;
        query.limit = options->limit;
        const auto entries = context.audit().list(query);
        if (options->json) {
            nlohmann::json array = nlohmann::json::array();
            for (const auto& entry : entries) array.push_back(audit_entry_json(entry));
            context.out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            return;
        }
        if (entries.empty()) {
            context.out << context.pick({"沒有符合的審計記錄。", "No audit entries match."}) << '\n';
            return;
        }
        for (const auto& entry : entries) print_entry(context, entry);
    });

    auto expect = std::make_shared<std::string>();
    auto* verify = audit->add_subcommand(
        "verify", "Check that no entry was changed, removed or inserted / 檢查審計記錄有否被改動");
    verify->add_option("--expect", *expect,
                       "SEQUENCE:HASH an earlier verify printed: that entry must still have it / 核對先前記下的雜湊");
    verify->callback([&context, expect] {
        const AuditVerification result =
            context.audit().verify(expect->empty() ? std::nullopt : std::optional<std::string>(*expect));
        if (!result.intact) {
            context.out << context.pick({fmt::format("審計記錄已被改動：{}", result.problem.zh),
                                         fmt::format("The audit log was tampered with: {}", result.problem.en)})
                        << '\n';
            throw ExitWith{exit_findings};
        }
        context.out << context.pick({fmt::format("審計記錄完整：{} 項。請在資料庫以外記下鏈頭 {}:{}", result.entries,
                                                 result.head_sequence, result.head_hash),
                                     fmt::format("The audit log is intact: {} entries. Keep the head {}:{} outside "
                                                 "the database",
                                                 result.entries, result.head_sequence, result.head_hash)})
                    << '\n';
    });
}

}  // namespace dplan::cli
