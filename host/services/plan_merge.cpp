#include "services/plan_merge.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/section_texts.hpp"
#include "domain/text_opening.hpp"

namespace dplan {

namespace {

const FocusPoint* find_point(const PlanSection& section, std::int64_t id) {
    if (id <= 0) return nullptr;  // new points have no identity yet
    const auto found = std::find_if(section.focus_points.begin(), section.focus_points.end(),
                                    [&](const FocusPoint& p) { return p.id == id; });
    return found == section.focus_points.end() ? nullptr : &*found;
}

bool same_sectors(std::vector<Sector> a, std::vector<Sector> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

bool same_content(const FocusPoint& a, const FocusPoint& b) {
    return a.text == b.text && same_sectors(a.partners, b.partners);
}

constexpr std::size_t label_characters = 24;  // of a text quoted in a label

const std::string& either(const std::string& preferred, const std::string& fallback) {
    return preferred.empty() ? fallback : preferred;
}

Bilingual in_language(const Bilingual& what, Language language) {
    return language == Language::zh ? Bilingual{what.zh + "（中文）", what.en + " (Chinese)"}
                                    : Bilingual{what.zh + "（英文）", what.en + " (English)"};
}

Bilingual point_label(const std::string& area, const FocusPoint& point) {
    return {fmt::format("{} · 重點 {}「{}」", area, point.id,
                        opening(either(point.text.zh, point.text.en), label_characters)),
            fmt::format("{} · focus point {} \"{}\"", area, point.id,
                        opening(either(point.text.en, point.text.zh), label_characters))};
}

std::string partner_names(const std::vector<Sector>& partners, Language language) {
    std::string names;
    for (const Sector sector : partners) {
        if (!names.empty()) names += language == Language::zh ? "、" : ", ";
        names += sector_name(sector).in(language);
    }
    if (names.empty()) return language == Language::zh ? "沒有" : "none";
    return names;
}

MergeValue plain(const std::string& text) { return {true, {text, text}}; }

MergeValue removed() { return {false, {"已刪除", "removed"}}; }

MergeValue point_value(const FocusPoint& point) {
    return {true,
            {fmt::format("「{}」／「{}」；合作界別：{}", point.text.zh, point.text.en,
                         partner_names(point.partners, Language::zh)),
             fmt::format("\"{}\" / \"{}\"; partners: {}", point.text.en, point.text.zh,
                         partner_names(point.partners, Language::en))}};
}

MergeValue order_value(const std::vector<FocusPoint>& points) {
    MergeValue value;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& text = points[i].text;
        value.shown.zh +=
            fmt::format("{}{}.「{}」", i == 0 ? "" : "；", i + 1, opening(either(text.zh, text.en), label_characters));
        value.shown.en +=
            fmt::format("{}{}. \"{}\"", i == 0 ? "" : "; ", i + 1, opening(either(text.en, text.zh), label_characters));
    }
    return value;
}

MergeValue section_value(const PlanSection& section) {
    return {true,
            {fmt::format("工作目標「{}」；{} 項重點",
                         opening(either(section.objective.zh, section.objective.en), label_characters),
                         section.focus_points.size()),
             fmt::format("objective \"{}\"; {} focus point(s)",
                         opening(either(section.objective.en, section.objective.zh), label_characters),
                         section.focus_points.size())}};
}

// Walks one side's list and puts the elements `ordered` lacks, and `wanted` picks, right after the
// element they follow on that side (at the start when nothing before them is in `ordered`).
template <typename T, typename SameItem, typename Wanted, typename Adopt>
void place_after_predecessors(std::vector<T>& ordered, const std::vector<T>& side, SameItem same, Wanted wanted,
                              Adopt adopt) {
    std::size_t cursor = 0;
    for (const T& element : side) {
        if (wanted(element)) {
            ordered.insert(ordered.begin() + static_cast<std::ptrdiff_t>(cursor++), adopt(element));
            continue;
        }
        const auto found = std::find_if(ordered.begin(), ordered.end(), [&](const T& o) { return same(o, element); });
        if (found != ordered.end()) cursor = static_cast<std::size_t>(found - ordered.begin()) + 1;
    }
}

// Positions of the points a side has, by id.
std::map<std::int64_t, std::size_t> positions(const PlanSection& section) {
    std::map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < section.focus_points.size(); ++i) {
        if (section.focus_points[i].id > 0) at[section.focus_points[i].id] = i;
    }
    return at;
}

// The order of `kept` (in base order) in which every pair either side swapped stays swapped and
// every other pair keeps its base order; none when those requirements go round in a circle.
std::optional<std::vector<FocusPoint>> order_by_swaps(const std::vector<FocusPoint>& kept, const PlanSection& mine,
                                                      const PlanSection& theirs) {
    const auto mine_at = positions(mine), theirs_at = positions(theirs);
    const auto swapped = [](const std::map<std::int64_t, std::size_t>& at, std::int64_t first, std::int64_t second) {
        return at.contains(first) && at.contains(second) && at.at(second) < at.at(first);
    };
    const std::size_t n = kept.size();
    std::vector<std::vector<bool>> before(n, std::vector<bool>(n, false));  // before[i][j]: i must precede j
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const bool swap = swapped(mine_at, kept[i].id, kept[j].id) || swapped(theirs_at, kept[i].id, kept[j].id);
            (swap ? before[j][i] : before[i][j]) = true;
        }
    }
    std::vector<FocusPoint> ordered;
    std::vector<bool> placed(n, false);
    while (ordered.size() < n) {
        std::optional<std::size_t> next;
        for (std::size_t i = 0; i < n && !next; ++i) {
            if (placed[i]) continue;
            bool free = true;
            for (std::size_t j = 0; j < n && free; ++j) free = placed[j] || !before[j][i];
            if (free) next = i;
        }
        if (!next) return std::nullopt;
        placed[*next] = true;
        ordered.push_back(kept[*next]);
    }
    return ordered;
}

// `kept` in the order `primary` has them; the ones it removed where they are on `secondary`.
std::vector<FocusPoint> order_like(const std::vector<FocusPoint>& kept, const PlanSection& primary,
                                   const PlanSection& secondary) {
    std::vector<FocusPoint> ordered;
    for (const auto& point : primary.focus_points) {
        const auto found =
            std::find_if(kept.begin(), kept.end(), [&](const FocusPoint& k) { return k.id == point.id; });
        if (point.id > 0 && found != kept.end()) ordered.push_back(*found);
    }
    const auto is_kept_but_missing = [&](const FocusPoint& p) {
        return find_point(primary, p.id) == nullptr &&
               std::any_of(kept.begin(), kept.end(), [&](const FocusPoint& k) { return k.id == p.id; });
    };
    const auto kept_version = [&](const FocusPoint& p) {
        return *std::find_if(kept.begin(), kept.end(), [&](const FocusPoint& k) { return k.id == p.id; });
    };
    place_after_predecessors(
        ordered, secondary.focus_points,
        [](const FocusPoint& a, const FocusPoint& b) { return a.id > 0 && a.id == b.id; }, is_kept_but_missing,
        kept_version);
    return ordered;
}

class Merger {
  public:
    explicit Merger(const MergeResolutions& resolutions) : resolutions_(resolutions) {}

    // Records a conflict and returns how the user settled it, if they have.
    const MergeResolution* conflict(MergeItem item, Bilingual where, MergeValue base, MergeValue mine,
                                    MergeValue theirs) {
        conflicts.push_back({item, std::move(where), std::move(base), std::move(mine), std::move(theirs)});
        const auto found = resolutions_.find(item);
        return found == resolutions_.end() ? nullptr : &found->second;
    }

    // Which side's version stands: the user's choice, else theirs (the stored one).
    MergeSide side_of(const MergeResolution* settled) { return settled ? settled->side : MergeSide::theirs; }

    std::string text(const MergeItem& item, const Bilingual& where, const std::string& base, const std::string& mine,
                     const std::string& theirs) {
        if (mine == theirs || mine == base) return theirs;
        if (theirs == base) return mine;
        const auto* settled = conflict(item, where, plain(base), plain(mine), plain(theirs));
        if (settled && settled->text) return *settled->text;
        return side_of(settled) == MergeSide::mine ? mine : theirs;
    }

    Bilingual bilingual(MergeItem item, const Bilingual& what, const Bilingual& base, const Bilingual& mine,
                        const Bilingual& theirs) {
        Bilingual merged;
        item.language = Language::zh;
        merged.zh = text(item, in_language(what, Language::zh), base.zh, mine.zh, theirs.zh);
        item.language = Language::en;
        merged.en = text(item, in_language(what, Language::en), base.en, mine.en, theirs.en);
        return merged;
    }

    std::vector<PlanSection> sections(const Plan& base, const Plan& mine, const Plan& theirs);

    std::vector<MergeConflict> conflicts;

  private:
    PlanSection section(const PlanSection& base, const PlanSection& mine, const PlanSection& theirs);
    FocusPoint point(const std::string& area, const FocusPoint& base, const FocusPoint& mine, const FocusPoint& theirs);
    std::vector<FocusPoint> points(const PlanSection& base, const PlanSection& mine, const PlanSection& theirs);

    const MergeResolutions& resolutions_;
};

FocusPoint Merger::point(const std::string& area, const FocusPoint& base, const FocusPoint& mine,
                         const FocusPoint& theirs) {
    FocusPoint merged = theirs;
    merged.text = bilingual({MergeField::focus_point_text, area, base.id, Language::zh, {}}, point_label(area, base),
                            base.text, mine.text, theirs.text);
    // A set: what mine removed goes, what mine added comes; theirs' own changes are already in.
    std::erase_if(merged.partners, [&](Sector s) {
        return std::count(base.partners.begin(), base.partners.end(), s) > 0 &&
               std::count(mine.partners.begin(), mine.partners.end(), s) == 0;
    });
    for (const Sector s : mine.partners) {
        if (std::count(merged.partners.begin(), merged.partners.end(), s) == 0 &&
            std::count(base.partners.begin(), base.partners.end(), s) == 0) {
            merged.partners.push_back(s);
        }
    }
    return merged;
}

std::vector<FocusPoint> Merger::points(const PlanSection& base, const PlanSection& mine, const PlanSection& theirs) {
    const std::string& area = theirs.area_id;
    // The points both sides started from: merged, or kept by one side, or removed.
    std::vector<FocusPoint> kept;
    for (const auto& original : base.focus_points) {
        const FocusPoint* my_point = find_point(mine, original.id);
        const FocusPoint* their_point = find_point(theirs, original.id);
        if (my_point && their_point) {
            kept.push_back(point(area, original, *my_point, *their_point));
            continue;
        }
        if (!my_point && !their_point) continue;
        const FocusPoint& survivor = my_point ? *my_point : *their_point;
        if (same_content(survivor, original)) continue;  // removed on one side, at most moved on the other
        const auto* settled =
            conflict({MergeField::focus_point, area, original.id, Language::zh, {}}, point_label(area, original),
                     point_value(original), my_point ? point_value(*my_point) : removed(),
                     their_point ? point_value(*their_point) : removed());
        const bool kept_by_choice = (side_of(settled) == MergeSide::mine) == (my_point != nullptr);
        if (kept_by_choice) kept.push_back(survivor);
    }

    auto ordered = order_by_swaps(kept, mine, theirs);
    if (!ordered) {
        const auto* settled =
            conflict({MergeField::focus_point_order, area, 0, Language::zh, {}},
                     {area + " · 重點次序", area + " · order of focus points"}, order_value(base.focus_points),
                     order_value(mine.focus_points), order_value(theirs.focus_points));
        ordered = side_of(settled) == MergeSide::mine ? order_like(kept, mine, theirs) : order_like(kept, theirs, mine);
    }

    const auto same_id = [](const FocusPoint& a, const FocusPoint& b) { return a.id > 0 && a.id == b.id; };
    // Points theirs added are stored already; mine may have edited them too if it saw them.
    place_after_predecessors(
        *ordered, theirs.focus_points, same_id, [&](const FocusPoint& p) { return find_point(base, p.id) == nullptr; },
        [&](const FocusPoint& p) {
            const FocusPoint* my_version = find_point(mine, p.id);
            return my_version ? point(area, p, *my_version, p) : p;
        });
    // Points mine added: new, so stored with a new id.
    place_after_predecessors(
        *ordered, mine.focus_points, same_id,
        [&](const FocusPoint& p) { return find_point(base, p.id) == nullptr && find_point(theirs, p.id) == nullptr; },
        [](FocusPoint p) {
            p.id = 0;
            return p;
        });
    // A point theirs removed but the user chose to keep is stored anew.
    for (auto& p : *ordered) {
        if (find_point(theirs, p.id) == nullptr) p.id = 0;
    }
    return *ordered;
}

PlanSection Merger::section(const PlanSection& base, const PlanSection& mine, const PlanSection& theirs) {
    PlanSection merged = theirs;
    const std::string& area = theirs.area_id;
    for (const auto& text : section_texts) {
        merged.*text.member =
            bilingual({MergeField::section_text, area, 0, Language::zh, std::string(text.key)},
                      section_text_place(area, text), base.*text.member, mine.*text.member, theirs.*text.member);
    }
    merged.focus_points = points(base, mine, theirs);
    return merged;
}

std::vector<PlanSection> Merger::sections(const Plan& base, const Plan& mine, const Plan& theirs) {
    std::vector<PlanSection> merged;
    const auto removal_conflict = [&](const PlanSection& original, const PlanSection* my_section,
                                      const PlanSection* their_section) {
        return conflict({MergeField::section, original.area_id, 0, Language::zh, {}},
                        {original.area_id, original.area_id}, section_value(original),
                        my_section ? section_value(*my_section) : removed(),
                        their_section ? section_value(*their_section) : removed());
    };
    for (const auto& their_section : theirs.sections) {
        const PlanSection* original = base.section(their_section.area_id);
        const PlanSection* my_section = mine.section(their_section.area_id);
        if (original == nullptr) {
            merged.push_back(my_section
                                 ? section(PlanSection{0, their_section.area_id, {}, {}}, *my_section, their_section)
                                 : their_section);
        } else if (my_section != nullptr) {
            merged.push_back(section(*original, *my_section, their_section));
        } else if (!(their_section == *original) &&
                   side_of(removal_conflict(*original, nullptr, &their_section)) == MergeSide::theirs) {
            merged.push_back(their_section);
        }
    }
    // Called once per section of mine, so a removal conflict is recorded once.
    const auto wanted = [&](const PlanSection& my_section) {
        if (theirs.section(my_section.area_id) != nullptr) return false;
        const PlanSection* original = base.section(my_section.area_id);
        if (original == nullptr) return true;       // added by mine
        if (my_section == *original) return false;  // removed by theirs, untouched by mine
        return side_of(removal_conflict(*original, &my_section, nullptr)) == MergeSide::mine;
    };
    place_after_predecessors(
        merged, mine.sections, [](const PlanSection& a, const PlanSection& b) { return a.area_id == b.area_id; },
        wanted,
        [](PlanSection s) {
            // Stored as a new section, with its points.
            s.id = 0;
            for (auto& p : s.focus_points) p.id = 0;
            return s;
        });
    return merged;
}

std::string value_text(const MergeConflict& conflict, const MergeValue& value, Language language) {
    if (!value.present) return language == Language::zh ? "（已刪除）" : "(removed)";
    const std::string& shown = value.shown.in(language);
    if (!is_text_item(conflict.item)) return shown;
    return language == Language::zh ? "「" + shown + "」" : "\"" + shown + "\"";
}

MergeItem plan_field(MergeField field) { return {field, "", 0, Language::zh, {}}; }

}  // namespace

bool is_text_item(const MergeItem& item) {
    return item.field != MergeField::focus_point && item.field != MergeField::focus_point_order &&
           item.field != MergeField::section;
}

PlanMerge merge_plans(const Plan& base, const Plan& mine, const Plan& theirs, const MergeResolutions& resolutions) {
    Merger merger(resolutions);
    PlanMerge result;
    result.plan = theirs;  // the stored version, status and dates: the merge is saved against it
    Plan& plan = result.plan;
    plan.paper_no = merger.text(plan_field(MergeField::paper_no), {"文件編號", "paper number"}, base.paper_no,
                                mine.paper_no, theirs.paper_no);
    plan.theme =
        merger.bilingual(plan_field(MergeField::theme), {"主題", "theme"}, base.theme, mine.theme, theirs.theme);
    plan.purpose = merger.bilingual(plan_field(MergeField::purpose), {"目的", "purpose"}, base.purpose, mine.purpose,
                                    theirs.purpose);
    plan.advice_sought = merger.bilingual(plan_field(MergeField::advice_sought), {"諮詢意見", "advice sought"},
                                          base.advice_sought, mine.advice_sought, theirs.advice_sought);
    plan.council = merger.bilingual(plan_field(MergeField::council), {"區議會", "council"}, base.council, mine.council,
                                    theirs.council);
    plan.committee = merger.bilingual(plan_field(MergeField::committee), {"委員會", "committee"}, base.committee,
                                      mine.committee, theirs.committee);
    plan.office = merger.bilingual(plan_field(MergeField::office), {"福利辦事處", "office"}, base.office, mine.office,
                                   theirs.office);
    plan.sections = merger.sections(base, mine, theirs);
    result.conflicts = std::move(merger.conflicts);
    return result;
}

Bilingual describe_conflicts(const std::vector<MergeConflict>& conflicts) {
    Bilingual text{fmt::format("你的修改與其後的修改在以下 {} 項有衝突：", conflicts.size()),
                   fmt::format("Your edit conflicts with the later changes on {} item(s):", conflicts.size())};
    for (const auto& conflict : conflicts) {
        text.zh += fmt::format(
            "\n  {}：原本 {}；你的 {}；其後 {}", conflict.where.zh, value_text(conflict, conflict.base, Language::zh),
            value_text(conflict, conflict.mine, Language::zh), value_text(conflict, conflict.theirs, Language::zh));
        text.en += fmt::format("\n  {}: base {}; yours {}; theirs {}", conflict.where.en,
                               value_text(conflict, conflict.base, Language::en),
                               value_text(conflict, conflict.mine, Language::en),
                               value_text(conflict, conflict.theirs, Language::en));
    }
    return text;
}

}  // namespace dplan
