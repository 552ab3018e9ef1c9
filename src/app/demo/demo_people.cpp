#include "app/demo/demo_people.h"

#include <vector>

namespace chibo::demo {
namespace {

struct Weighted {
  const char* text;
  int weight;
};

// Rough frequencies in the South (Huỳnh and Võ are more common there than
// Hoàng and Vũ); the exact shares do not matter, the flavour does.
const std::vector<Weighted> kFamily = {
    {"Nguyễn", 36}, {"Trần", 11}, {"Lê", 10}, {"Phạm", 7}, {"Huỳnh", 5}, {"Hoàng", 2}, {"Phan", 4},
    {"Võ", 4},      {"Vũ", 1},    {"Đặng", 2}, {"Bùi", 2},  {"Đỗ", 2},    {"Hồ", 2},    {"Ngô", 2},
    {"Dương", 1},   {"Lý", 1},    {"Trương", 2}, {"Đinh", 1}, {"Lâm", 1}, {"Mai", 1},   {"Tô", 1},
    {"Cao", 1},     {"Đoàn", 1},  {"Lương", 1}, {"Châu", 1}, {"Tạ", 1},
};

const std::vector<Weighted> kMiddleMale = {
    {"Văn", 30}, {"Hữu", 6}, {"Đức", 6},  {"Minh", 8},  {"Quốc", 6}, {"Thanh", 6}, {"Công", 4},
    {"Ngọc", 3}, {"Hoàng", 4}, {"Xuân", 3}, {"Đình", 3}, {"Tấn", 4},  {"Quang", 5}, {"Trọng", 3},
    {"Thành", 3}, {"Anh", 2}, {"Chí", 2},  {"Duy", 3},  {"Gia", 2},  {"Nhật", 2},
};

// Women born after 1985 are far less often "Thị": its weight is cut for them.
const std::vector<Weighted> kMiddleFemale = {
    {"Thị", 40},      {"Thị Thu", 5}, {"Thị Ngọc", 5}, {"Thị Kim", 4}, {"Thị Thanh", 4}, {"Thị Mỹ", 3},
    {"Thị Hồng", 3},  {"Ngọc", 6},    {"Thu", 4},      {"Kim", 3},     {"Bích", 2},      {"Mỹ", 2},
    {"Thanh", 3},     {"Hồng", 2},    {"Phương", 2},   {"Khánh", 1},   {"Minh", 2},      {"Hoài", 1},
};

const std::vector<const char*> kGivenMale = {
    "An",    "Bảo",  "Bình",  "Cường", "Chiến", "Dũng",  "Duy",   "Đạt",   "Định",  "Đông",  "Đức",
    "Giang", "Hải",  "Hậu",   "Hiếu",  "Hòa",   "Hoàng", "Hùng",  "Huy",   "Hưng",  "Khải",  "Khánh",
    "Khoa",  "Kiên", "Lâm",   "Lộc",   "Long",  "Lợi",   "Luân",  "Minh",  "Nam",   "Nghĩa", "Nhân",
    "Phát",  "Phong", "Phú",  "Phúc",  "Phước", "Quang", "Quân",  "Sang",  "Sơn",   "Tài",   "Tâm",
    "Tân",   "Thái", "Thắng", "Thành", "Thiện", "Thịnh", "Thông", "Tiến",  "Toàn",  "Trí",   "Trung",
    "Tuấn",  "Tùng", "Vinh",  "Việt",  "Vũ",    "Hiển",  "Lực",   "Mạnh",  "Tường",
};

const std::vector<const char*> kGivenFemale = {
    "Anh",  "Ánh",   "Bích",   "Cúc",   "Chi",  "Diệp",  "Dung",  "Duyên", "Điệp", "Đào",   "Giang",
    "Hà",   "Hạnh",  "Hằng",   "Hiền",  "Hoa",  "Hồng",  "Huệ",   "Hương", "Hường", "Khanh", "Lan",
    "Liên", "Linh",  "Loan",   "Lý",    "Mai",  "My",    "Nga",   "Ngân",  "Ngọc",  "Nguyệt", "Nhung",
    "Oanh", "Phượng", "Phương", "Quyên", "Sương", "Tâm", "Thảo",  "Thanh", "Thơm",  "Thu",   "Thủy",
    "Thư",  "Trang", "Trinh",  "Tuyết", "Uyên", "Vân",   "Xuân",  "Yến",   "Ngà",   "Lệ",
};

// Mobile prefixes of the three big networks.
const std::vector<const char*> kPhonePrefixes = {
    "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",  // Viettel
    "081", "082", "083", "084", "085", "088", "091", "094",                              // VinaPhone
    "070", "076", "077", "078", "079", "089", "090", "093",                              // MobiFone
};

std::string lastWord(const std::string& s) { return s.substr(s.rfind(' ') + 1); }
std::string firstWord(const std::string& s) { return s.substr(0, s.find(' ')); }

}  // namespace

Member PersonFactory::make(Gender gender, int age) {
  Member m;
  m.gender = gender;
  m.full_name = name(gender, age);
  // Exactly `age` years old today: the birthday fell 1..364 days ago.
  m.birth_date = today_.addMonths(-12 * age).addDays(-rng_.between(1, 364));
  // Some of the very old have no mobile phone of their own.
  if (!(age >= 85 && rng_.chance(30))) m.phone = phone();
  m.card_no = cardNo();
  return m;
}

std::string PersonFactory::name(Gender g, int age) {
  for (;;) {
    std::vector<int> fw;
    for (const auto& f : kFamily) fw.push_back(f.weight);
    std::string family = kFamily[rng_.weighted(fw)].text;

    const auto& middles = g == Gender::female ? kMiddleFemale : kMiddleMale;
    std::vector<int> mw;
    for (const auto& x : middles) {
      bool thi = std::string_view(x.text).starts_with("Thị");
      mw.push_back(g == Gender::female && thi && age < 40 ? (x.weight + 3) / 4 : x.weight);
    }
    std::string middle = middles[rng_.weighted(mw)].text;

    const auto& givens = g == Gender::female ? kGivenFemale : kGivenMale;
    std::string given = givens[rng_.below(givens.size())];

    // "Hoàng Hoàng …" or "… Minh Minh" do not occur as names.
    if (firstWord(middle) == family || lastWord(middle) == given) continue;
    std::string full = family + " " + middle + " " + given;
    if (names_.insert(full).second) return full;
  }
}

std::string PersonFactory::phone() {
  for (;;) {
    std::string p = kPhonePrefixes[rng_.below(kPhonePrefixes.size())];
    for (int i = 0; i < 7; ++i) p.push_back(static_cast<char>('0' + rng_.below(10)));
    if (phones_.insert(p).second) return p;
  }
}

std::string PersonFactory::cardNo() {
  for (;;) {
    std::string c = std::to_string(10000000 + rng_.below(90000000));  // 8 digits
    if (cards_.insert(c).second) return c;
  }
}

}  // namespace chibo::demo
