#include "support/sample_plan.hpp"

#include "storage/district_repository.hpp"
#include "support/arrange.hpp"

namespace dplan::testing {

Plan sample_plan(std::int64_t district_id) {
    Plan plan;
    plan.district_id = district_id;
    plan.financial_year = "2024-25";
    plan.paper_no = "3/24-25";
    plan.theme = {"「同心河畔」", "Riverside Together"};
    plan.purpose = {"聽取委員意見：", "To seek Members' views:"};
    plan.advice_sought = {"請委員備悉文件內容。", "Members are invited to note this paper."};
    plan.sections = {
        {0,
         "family",
         {"家庭及兒童福利服務：鞏固家庭抗逆力", "Family and child welfare: family resilience"},
         {{0,
           {"與學校、診所建立轉介網絡；", "Referral network with schools and clinics"},
           {Sector::education, Sector::health}},
          {0, {"推行親職教育", "Parent education"}, {Sector::ngo}}}},
        {0,
         "elderly",
         {"推動積極樂頤年（𠮷祥）", "Active ageing"},
         {{0, {"定期探訪獨居長者", "Visit elders living alone"}, {}}}},
    };
    return plan;
}

std::int64_t create_sample_district(Database& db) {
    return arrange(db, [&] {
        return DistrictRepository(db).create({0, "riverside", {"河畔區", "Riverside"}, {}, {}, {}});
    });
}

}  // namespace dplan::testing
