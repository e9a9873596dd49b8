// Meeting times to UTC through the system's tzdata, from any thread, for real dates only.
#include "services/time_zone.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <thread>
#include <vector>

#include "domain/error.hpp"
#include "domain/meeting.hpp"

namespace dplan {
namespace {

TEST(TimeZone, OnlyZonesAreZonesNotTheOtherFilesOfTheTzdataFolder) {
    for (const char* zone : {"Asia/Hong_Kong", "Europe/London", "America/New_York", "UTC", "Etc/GMT-8"}) {
        EXPECT_TRUE(is_time_zone(zone)) << zone;
    }
    for (const char* zone : {"zone.tab", "zone1970.tab", "iso3166.tab", "tzdata.zi", "leapseconds", "posixrules",
                             "localtime", "right/Asia/Hong_Kong", "posix/Asia/Hong_Kong", "../zoneinfo/UTC",
                             "/etc/passwd", "", "Asia/Hong_Kong\n", "Hong Kong"}) {
        EXPECT_FALSE(is_time_zone(zone)) << zone;
    }
    EXPECT_THROW(local_to_utc_basic("2024-06-18T14:30", "zone.tab"), InvalidInput);
}

TEST(TimeZone, LocalTimesBecomeUtcAcrossDaylightSavingAndTheDateLine) {
    EXPECT_EQ(local_to_utc_basic("2024-06-18T14:30", "Asia/Hong_Kong"), "20240618T063000Z");
    EXPECT_EQ(local_to_utc_basic("2024-07-01T12:00", "America/New_York"), "20240701T160000Z");
    EXPECT_EQ(local_to_utc_basic("2024-01-15T12:00", "America/New_York"), "20240115T170000Z");
    EXPECT_EQ(local_to_utc_basic("2024-01-15T10:00", "Australia/Sydney"), "20240114T230000Z");
    EXPECT_EQ(local_to_utc_basic("2024-02-29T00:00", "UTC"), "20240229T000000Z");
}

// mktime normalised 2024-02-31 to 2 March, and require_local_time let it through.
TEST(TimeZone, DatesThatDoNotExistAreRefused) {
    for (const char* time :
         {"2024-02-31T10:00", "2023-02-29T10:00", "2024-04-31T10:00", "2024-13-01T10:00", "2024-06-18T24:00",
          "2024-06-18T14:60", "2024-06-18 14:30", "2024-6-18T14:30", "+024-06-18T14:30"}) {
        EXPECT_THROW(local_to_utc_basic(time, "Asia/Hong_Kong"), InvalidInput) << time;
    }
    EXPECT_THROW(require_local_time("2024-02-31T10:00"), InvalidInput);
    EXPECT_THROW(require_local_time("2023-02-29 10:00"), InvalidInput);
    EXPECT_EQ(require_local_time("2024-02-29 10:00"), "2024-02-29T10:00");
}

// The old conversion set the process-wide TZ around mktime: any other thread's localtime or
// mktime meanwhile used the meeting's zone, and setenv raced with getenv.
TEST(TimeZone, ConversionsFromManyThreadsAreRightAndLeaveTheProcessZoneAlone) {
    setenv("TZ", "UTC", 1);
    tzset();
    std::atomic<int> wrong{0}, checked{0};
    std::atomic<bool> converting{true};
    struct Case {
        const char* local;
        const char* zone;
        const char* utc;
    };
    const std::vector<Case> cases{{"2024-06-18T14:30", "Asia/Hong_Kong", "20240618T063000Z"},
                                  {"2024-07-01T12:00", "America/New_York", "20240701T160000Z"},
                                  {"2024-01-15T10:00", "Australia/Sydney", "20240114T230000Z"}};
    std::vector<std::thread> threads;
    for (const auto& item : cases) {
        threads.emplace_back([&wrong, item] {
            for (int i = 0; i < 3000; ++i) {
                if (local_to_utc_basic(item.local, item.zone) != item.utc) ++wrong;
            }
        });
    }
    // Another part of the program reading the local time meanwhile: the process zone is UTC.
    std::thread reader([&] {
        while (converting) {
            std::tm noon{};
            noon.tm_year = 124;
            noon.tm_mon = 0;
            noon.tm_mday = 15;
            noon.tm_hour = 12;
            noon.tm_isdst = -1;
            if (std::mktime(&noon) != 1705320000) ++wrong;
            ++checked;
        }
    });
    for (auto& thread : threads) thread.join();
    converting = false;
    reader.join();
    EXPECT_EQ(wrong, 0);
    EXPECT_GT(checked, 0);
    ASSERT_NE(std::getenv("TZ"), nullptr);
    EXPECT_STREQ(std::getenv("TZ"), "UTC");
}

}  // namespace
}  // namespace dplan
