#include "storage/write_group.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "storage/statement_batch.hpp"

namespace dplan {

namespace {

// The most writes one group takes: the server has no more threads than this in practice, and a
// bound keeps one group's batch (and its wait) in proportion.
constexpr std::size_t most_in_a_group = 64;
// A group this small lets the next one form once it holds the head, so the two overlap (the head
// passes between them inside MariaDB): with few writers at once, as few server threads give,
// groups stay small and the overlap is what keeps them from taking turns slower than single
// writes did (1,250 against 1,800-1,900 comments/s with 2 threads). A larger group makes the
// next wait until it is done: the next then gathers more writes, and with many writers at once
// larger groups are what pays (5,100-5,200 against 4,300 comments/s with 16 threads).
constexpr std::size_t most_in_an_overlapped_group = 2;
// Above this, a group's statements are not added to: the rest run alone (MariaDB's
// max_allowed_packet is 16 MB by default; see Database::send_with_commit).
constexpr std::size_t group_batch_bytes = 1 << 20;

using Outcome = WriteGroup::Member::Outcome;

std::unordered_set<std::string> split_tokens(const std::optional<BatchRow>& row) {
    std::unordered_set<std::string> tokens;
    if (!row || row->empty() || !(*row)[0]) return tokens;
    const std::string& list = *(*row)[0];
    std::size_t begin = 0;
    while (begin <= list.size()) {
        const auto end = std::min(list.find(',', begin), list.size());
        tokens.insert(list.substr(begin, end - begin));
        begin = end + 1;
    }
    return tokens;
}

}  // namespace

bool Database::commit_in_group(std::string_view what, const std::vector<TurnRead>& reads,
                               const std::function<void(const TurnRows&)>& step) {
    WriteGroup::Member member;
    member.db = this;
    member.what = what;
    member.session = &session_to_check_;
    member.reads = &reads;
    member.step = &step;
    write_group_->take_part(member);
    // As write() reports a write once it reached COMMIT (see WriteReport).
    if (member.reached_commit && writes_reported_to_ != nullptr) writes_reported_to_->advance();
    if (member.outcome == Outcome::failed) std::rethrow_exception(member.error);
    return member.outcome == Outcome::committed;
}

CommitBatch Database::run_group_turn(std::string_view what, const std::function<void(const TurnRows&)>& step,
                                     const TurnRows& rows, AuditHead& head) {
    struct Turn {
        Database& db;
        explicit Turn(Database& db, AuditHead head) : db(db) {
            db.transaction_depth_ = 1;
            db.audit_entries_ = 0;
            db.held_audit_head_ = std::move(head);
            db.sent_with_commit_ = CommitBatch();
            db.in_group_turn_ = true;
        }
        ~Turn() {
            db.transaction_depth_ = 0;
            db.held_audit_head_.reset();
            db.sent_with_commit_ = CommitBatch();
            db.in_group_turn_ = false;
        }
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;
    } turn(*this, head);
    step(rows);
    if (audit_entries_ == 0 || !held_audit_head_) throw_unaudited(what);
    head = *held_audit_head_;
    return std::exchange(sent_with_commit_, CommitBatch());
}

void WriteGroup::take_part(Member& member) {
    std::unique_lock lock(mutex_);
    queued_.push_back(&member);
    member.queued = true;
    while (!member.finished) {
        if (forming_ || !member.queued) {
            changed_.wait(lock);
            continue;
        }
        // No group is forming, and this write is still queued: it leads the next one.
        forming_ = true;
        std::vector<Member*> group{&member};
        std::erase(queued_, &member);
        while (!queued_.empty() && group.size() < most_in_a_group) {
            group.push_back(queued_.front());
            queued_.pop_front();
        }
        for (Member* taken : group) taken->queued = false;
        lock.unlock();
        lead(*member.db, group, [this] {
            const std::lock_guard formed(mutex_);
            forming_ = false;
            changed_.notify_all();
        });
        lock.lock();
        const auto committing =
            std::count_if(group.begin(), group.end(), [](const Member* done) { return done->reached_commit; });
        if (committing > 0) {
            ++counts_.groups;
            counts_.writes += static_cast<std::size_t>(committing);
        }
        for (Member* done : group) done->finished = true;
        changed_.notify_all();
    }
}

void WriteGroup::lead(Database& leader, std::vector<Member*>& group, const std::function<void()>& turn_taken) {
    // Once this group holds the head (or gave up), the next may form and send its BEGIN: it waits
    // for the head's lock inside MariaDB, which hands it over when this group commits, without
    // waiting for this leader to hear of the COMMIT and wake the next one.
    struct CallOnce {
        const std::function<void()>& call;
        bool called = false;
        void operator()() {
            if (!std::exchange(called, true)) call();
        }
        ~CallOnce() { (*this)(); }
    } next_may_form{turn_taken};
    std::vector<Running> running;
    for (Member* member : group) running.push_back({member, {}, false});
    try {
        // BEGIN's round trip: the head's lock, then (seeing all committed before this turn) the
        // sessions and the reads, each distinct read once.
        auto statements = Database::begin_with_audit_turn();
        std::vector<const Database::SessionToCheck*> sessions;
        std::unordered_set<std::string_view> tokens;
        for (const Member* member : group) {
            const auto& session = *member->session;
            if (session && tokens.insert(session->token_hash).second) sessions.push_back(&*session);
        }
        if (!sessions.empty()) statements.push_back(leader.signed_in_tokens_sql(sessions));
        std::unordered_map<std::string, std::size_t> read_statement;
        for (auto& write : running) {
            for (const auto& read : *write.member->reads) {
                const auto [at, added] = read_statement.try_emplace(Database::read_text(read), statements.size());
                if (added) statements.push_back(at->first);
                write.read_at.push_back(at->second);
            }
        }
        std::vector<std::optional<BatchRow>> rows;
        try {
            rows = run_statement_batch(leader.session(), statements);
            if (group.size() <= most_in_an_overlapped_group) next_may_form();
        } catch (const soci::soci_error& e) {
            // Each write runs alone, and meets (or retries past) the same failure there.
            spdlog::info("a group of {} writes could not begin ({}); each runs alone", group.size(),
                         e.get_error_message());
            leader.roll_back_quietly();
            return;
        }
        auto turn_head = Database::audit_head_from(rows.at(1));
        if (!turn_head) {
            leader.roll_back_quietly();  // alone, each write reports the missing head
            return;
        }
        Database::AuditHead head = std::move(*turn_head);
        if (!sessions.empty()) {
            const auto signed_in = split_tokens(rows.at(2));
            for (auto& write : running) {
                const auto& session = *write.member->session;
                if (session && !signed_in.contains(session->token_hash)) {
                    write.member->outcome = Outcome::failed;
                    write.member->error = std::make_exception_ptr(Database::not_signed_in());
                }
            }
        }
        CommitBatch batch;
        run_steps(running, rows, head, batch);
        commit(leader, running, batch, head);
    } catch (const std::exception& e) {
        // Nothing of the group was sent with a COMMIT (commit() throws nothing): each runs alone.
        spdlog::warn("a group of {} writes failed ({}); each runs alone", group.size(), e.what());
        leader.roll_back_quietly();
        for (auto& write : running) {
            if (write.member->outcome != Outcome::failed) write.member->outcome = Outcome::alone;
        }
    }
}

void WriteGroup::run_steps(std::vector<Running>& running, const std::vector<std::optional<BatchRow>>& rows_at_turn,
                           Database::AuditHead& head, CommitBatch& batch) {
    std::unordered_map<std::size_t, std::int64_t> ids_taken;  // by the read's statement
    for (auto& write : running) {
        Member& member = *write.member;
        if (member.outcome == Outcome::failed) continue;
        const auto& reads = *member.reads;
        Database::TurnRows rows;
        for (std::size_t i = 0; i < reads.size(); ++i) {
            auto row = rows_at_turn.at(write.read_at[i]);
            if (reads[i].is_next_id && row && !row->empty() && (*row)[0]) {
                (*row)[0] = std::to_string(std::stoll(*(*row)[0]) + ids_taken[write.read_at[i]]);
            }
            rows.push_back(std::move(row));
        }
        Database::AuditHead after = head;
        CommitBatch statements;
        try {
            try {
                statements = member.db->run_group_turn(member.what, *member.step, rows, after);
            } catch (const soci::soci_error& e) {
                // Its own connection lost (a read): alone, the write reconnects and runs again.
                if (member.db->connection_lost(e)) continue;
                member.db->throw_translated(member.what, e);
            }
        } catch (...) {
            member.outcome = Outcome::failed;
            member.error = std::current_exception();
            continue;
        }
        if (!batch.empty() && batch.bytes() + statements.bytes() > group_batch_bytes) continue;  // alone: full
        batch.append(std::move(statements));
        head = std::move(after);
        write.saving = true;
        for (std::size_t i = 0; i < reads.size(); ++i) {
            if (reads[i].is_next_id) ++ids_taken[write.read_at[i]];
        }
    }
}

void WriteGroup::commit(Database& leader, std::vector<Running>& running, CommitBatch& batch,
                        const Database::AuditHead& head) {
    const auto decide = [&](Outcome outcome, std::exception_ptr error = {}) {
        for (auto& write : running) {
            if (!write.saving) {
                if (write.member->outcome != Outcome::failed) write.member->outcome = Outcome::alone;
                continue;
            }
            write.member->outcome = outcome;
            write.member->error = error;
            write.member->reached_commit = true;
        }
    };
    if (batch.empty()) {
        leader.roll_back_quietly();
        decide(Outcome::alone);
        return;
    }
    auto statements = batch.take(leader.quote());
    statements.emplace_back("COMMIT");
    try {
        run_statement_batch(leader.session(), statements);
        decide(Outcome::committed);
    } catch (const BatchStatementFailed& e) {
        const bool lost = leader.connection_lost(e);
        if (e.statement() + 1 < statements.size() && !lost) {
            // A write's statement was refused: nothing was saved, and each runs alone to find
            // which one it was.
            spdlog::info("the database refused a group of writes ({}); each runs alone", e.get_error_message());
            leader.roll_back_quietly();
            decide(Outcome::alone);
            return;
        }
        if (!lost) leader.roll_back_quietly();
        // As Database::WriteTransaction::commit: the group's last entry is in the chain if and
        // only if the group was saved.
        const auto saved = leader.entry_was_committed(head, e, lost);
        if (saved) {
            decide(*saved ? Outcome::committed : Outcome::alone);
        } else {
            decide(Outcome::failed, std::make_exception_ptr(leader.commit_outcome_unknown(e)));
        }
    }
}

}  // namespace dplan
