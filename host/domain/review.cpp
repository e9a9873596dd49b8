#include "domain/review.hpp"

#include <array>
#include <utility>

namespace dplan {

namespace {
constexpr std::array<std::pair<CommentKind, std::string_view>, 4> kinds{{
    {CommentKind::comment, "comment"},
    {CommentKind::reply, "reply"},
    {CommentKind::resolution, "resolution"},
    {CommentKind::correction, "correction"},
}};
}  // namespace

std::string_view comment_kind_code(CommentKind kind) { return kinds[static_cast<std::size_t>(kind)].second; }

std::optional<CommentKind> parse_comment_kind(std::string_view code) {
    for (const auto& [kind, name] : kinds) {
        if (name == code) return kind;
    }
    return std::nullopt;
}

Bilingual comment_kind_name(CommentKind kind) {
    switch (kind) {
        case CommentKind::reply:
            return {"回覆", "reply"};
        case CommentKind::resolution:
            return {"已解決", "resolved"};
        case CommentKind::correction:
            return {"更正", "correction"};
        case CommentKind::comment:
            break;
    }
    return {"評論", "comment"};
}

}  // namespace dplan
