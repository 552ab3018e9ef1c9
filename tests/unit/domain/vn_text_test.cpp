#include "domain/text/vn_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace chibo {
namespace {

// "Nguyễn Thị Hà" spelled decomposed (NFD): base letters followed by combining marks.
const std::string kNfdNguyenThiHa = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Ha\xCC\x80";
const std::string kNfcNguyenThiHa = "Nguyễn Thị Hà";

TEST(VnText, ValidUtf8AcceptsVietnameseAndRejectsMalformed) {
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("Đảng ủy phường Tân Định"));
  EXPECT_TRUE(isValidUtf8(kNfdNguyenThiHa));
  EXPECT_FALSE(isValidUtf8("\xFF"));
  EXPECT_FALSE(isValidUtf8("abc\xC3"));           // truncated sequence
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(isValidUtf8(std::string("a\0b", 3)));  // NUL byte
}

TEST(VnText, NfcComposesDecomposedInput) {
  EXPECT_NE(kNfdNguyenThiHa, kNfcNguyenThiHa);
  EXPECT_EQ(nfc(kNfdNguyenThiHa), kNfcNguyenThiHa);
  EXPECT_EQ(nfc(kNfcNguyenThiHa), kNfcNguyenThiHa);
  EXPECT_EQ(nfc(""), "");
}

TEST(VnText, NfcReplacesInvalidBytes) {
  std::string out = nfc("a\xFF" "b");
  EXPECT_TRUE(isValidUtf8(out));
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "b");  // U+FFFD
}

TEST(VnText, Utf8LengthCountsCodePoints) {
  EXPECT_EQ(utf8Length(""), 0u);
  EXPECT_EQ(utf8Length("abc"), 3u);
  EXPECT_EQ(utf8Length(kNfcNguyenThiHa), 13u);
  EXPECT_EQ(utf8Length(kNfdNguyenThiHa), 17u);  // decomposed marks count: normalise first
  EXPECT_EQ(utf8Length("a\xFF"), 2u);           // the bad byte counts as one replacement character
}

TEST(VnText, FoldStripsMarksAndCase) {
  EXPECT_EQ(foldForSearch(kNfcNguyenThiHa), "nguyen thi ha");
  EXPECT_EQ(foldForSearch(kNfdNguyenThiHa), "nguyen thi ha");
  EXPECT_EQ(foldForSearch("ĐẶNG Đức Ưng"), "dang duc ung");
  EXPECT_EQ(foldForSearch("  Trần   Văn\tAn "), "tran van an");
  EXPECT_EQ(foldForSearch("Ơn Ân Ăn Ê Ô Ư"), "on an an e o u");
  EXPECT_EQ(foldForSearch("\xC3\x90inh"), "dinh");  // Ð (eth) typed for Đ
  EXPECT_EQ(foldForSearch(""), "");
}

TEST(VnText, FoldMakesAccentInsensitiveSubstringSearch) {
  std::string hay = foldForSearch("Chi bộ Khu phố 1 — Nguyễn Thị Hà");
  EXPECT_NE(hay.find(foldForSearch("nguyen thi ha")), std::string::npos);
  EXPECT_NE(hay.find(foldForSearch("KHU PHỐ")), std::string::npos);
  EXPECT_EQ(hay.find(foldForSearch("nguyen van")), std::string::npos);
}

bool before(std::string_view a, std::string_view b) { return compareVietnameseNames(a, b) < 0; }

TEST(VnText, NamesSortByGivenNameFirst) {
  EXPECT_TRUE(before("Trần Văn An", "Lê Thị Bình"));
  EXPECT_TRUE(before("Lê Thị Bình", "Nguyễn Văn Bình"));  // same given name: "Lê Thị" < "Nguyễn Văn"
  EXPECT_TRUE(before("Nguyễn Văn Bình", "Bùi Thị Chi"));
  EXPECT_TRUE(before("Nguyễn An", "Nguyễn Văn An"));      // fewer words first when the rest agrees
  EXPECT_TRUE(before("Nguyễn Thị Hà", "Nguyễn Văn Hà"));  // family equal: middle name decides
}

TEST(VnText, VietnameseAlphabetOrder) {
  EXPECT_TRUE(before("Anh", "Ánh"));
  EXPECT_TRUE(before("An", "Ăn"));
  EXPECT_TRUE(before("Ăn", "Ân"));
  EXPECT_TRUE(before("Ân", "Bình"));
  EXPECT_TRUE(before("Dũng", "Đức"));
  EXPECT_TRUE(before("Dương", "Đào"));  // đ sorts after every d-word
  EXPECT_TRUE(before("Em", "Ên"));
  EXPECT_TRUE(before("Ong", "Ông"));
  EXPECT_TRUE(before("Ông", "Ơn"));
  EXPECT_TRUE(before("Ơn", "Phúc"));
  EXPECT_TRUE(before("Uyên", "Ưng"));
  EXPECT_TRUE(before("Ưng", "Vân"));
  EXPECT_TRUE(before("An", "Anh"));     // a prefix first
  EXPECT_TRUE(before("Trang", "Trâm")); // letters before tone: "trang" < "trâm" since a < â
}

TEST(VnText, ToneIsSecondaryWithinAWord) {
  // ngang < huyền < hỏi < ngã < sắc < nặng
  std::vector<std::string> tones = {"Ma", "Mà", "Mả", "Mã", "Má", "Mạ"};
  for (size_t i = 0; i + 1 < tones.size(); ++i) EXPECT_TRUE(before(tones[i], tones[i + 1])) << tones[i];
  // Letters outrank tones: "Mạ" < "Mai" although ạ carries the last tone.
  EXPECT_TRUE(before("Mạ", "Mai"));
  // Every "Anh" precedes every "Ánh", whatever the family name.
  EXPECT_TRUE(before("Vũ Thị Anh", "Đặng Thị Ánh"));
  EXPECT_TRUE(before("Nguyễn Hoàng Anh", "Lê Ngọc Ánh"));
}

TEST(VnText, NfcAndNfdCompareEqual) {
  EXPECT_EQ(compareVietnameseNames(kNfdNguyenThiHa, kNfcNguyenThiHa), 0);
  EXPECT_EQ(vietnameseNameSortKey(kNfdNguyenThiHa), vietnameseNameSortKey(kNfcNguyenThiHa));
  EXPECT_TRUE(before(kNfdNguyenThiHa, "Nguyễn Thị Hải"));
}

TEST(VnText, CaseOnlyBreaksTies) {
  // Lower case does not jump the queue: the family name still decides first.
  EXPECT_TRUE(before("Lê Văn An", "nguyễn văn an"));
  EXPECT_NE(compareVietnameseNames("nguyễn văn an", "Nguyễn Văn An"), 0);
  EXPECT_EQ(compareVietnameseNames("Nguyễn Văn An", "Nguyễn Văn An"), 0);
}

TEST(VnText, CompareIsAntisymmetric) {
  std::vector<std::string> names = {"Trần Văn An", "Lê Thị Bình", "Nguyễn Văn Bình", "Ánh", "Anh",
                                    "Đức", "Dũng", "Ăn", "An", "", "Nguyễn 2", "Nguyễn Văn A-Lăng"};
  for (const auto& a : names)
    for (const auto& b : names) EXPECT_EQ(compareVietnameseNames(a, b), -compareVietnameseNames(b, a)) << a << " / " << b;
}

TEST(VnText, SortKeySortsAList) {
  std::vector<std::string> names = {"Nguyễn Văn Bình", "Phạm Minh Đức", "Trần Văn An", "Hoàng Thị Ánh",
                                    "Lê Thị Bình",     "Võ Văn Dũng",  "Đỗ Thị Anh",  "Bùi Văn Ăn"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return vietnameseNameSortKey(a) < vietnameseNameSortKey(b); });
  // An < Anh < Ánh < Ăn: letters first (a-n < a-n-h < ă-n), tone only between equal letters.
  std::vector<std::string> expected = {"Trần Văn An", "Đỗ Thị Anh",      "Hoàng Thị Ánh", "Bùi Văn Ăn",
                                       "Lê Thị Bình", "Nguyễn Văn Bình", "Võ Văn Dũng",   "Phạm Minh Đức"};
  EXPECT_EQ(names, expected);
}

TEST(VnText, SortKeyOfInvalidInputIsUsable) {
  std::string k = vietnameseNameSortKey("Nguy\xFF" "n An");
  EXPECT_FALSE(k.empty());
  EXPECT_NE(compareVietnameseNames("Nguy\xFF" "n An", "Nguyễn An"), 0);
}

}  // namespace
}  // namespace chibo

namespace chibo {

// Keys computed once must give exactly the order of the comparator, ties by id.
TEST(VnText, SortByVietnameseNameMatchesTheComparatorAndBreaksTiesById) {
  struct P {
    std::string name;
    int id;
  };
  std::vector<P> people{{"Trần Văn Bình", 4}, {"Nguyễn Thị Ánh", 2}, {"Lê Văn An", 9}, {"Phạm Anh", 1},
                        {"Nguyễn Văn Bình", 3}, {"Lê Văn An", 5}, {"Đỗ Thị Đào", 7}, {"Vũ Minh Ảnh", 8}};
  auto expected = people;
  std::sort(expected.begin(), expected.end(), [](const P& a, const P& b) {
    int r = compareVietnameseNames(a.name, b.name);
    return r != 0 ? r < 0 : a.id < b.id;
  });
  sortByVietnameseName(people, [](const P& p) -> const std::string& { return p.name; }, [](const P& p) { return p.id; });
  ASSERT_EQ(people.size(), expected.size());
  for (size_t i = 0; i < people.size(); ++i) EXPECT_EQ(people[i].id, expected[i].id) << i;
  EXPECT_EQ(people.front().name, "Lê Văn An");  // "An" first, by given name
  EXPECT_EQ(people[0].id, 5);                    // the tie goes to the smaller id
  EXPECT_EQ(people.back().name, "Đỗ Thị Đào");  // Đ sorts after D, so after every B
}

}  // namespace chibo
